// TikTok Shop listing limits per market, from ../shared/tiktok-shop-api.md §4.2 and §10 (docs ~2025-12).
// Kept as data: TikTok changes them, and the disagreements the contract flags are settled here on the
// safe side (e.g. 100 SKUs for every market unless the merchant's settings raise it).

export const TIKTOK_REGIONS = ["US", "GB", "DE", "FR", "IE", "IT", "ES", "BR", "MX", "JP", "ID", "MY", "PH", "SG", "TH", "VN"] as const;
export type TikTokRegion = (typeof TIKTOK_REGIONS)[number];

export type WeightUnit = "KILOGRAM" | "POUND" | "GRAM";
export type DimensionUnit = "CENTIMETER" | "INCH";

export interface RegionListingLimits {
  region: TikTokRegion;
  currency: string;
  titleMin: number;
  titleMax: number;
  /** Decimal strings, local sellers. */
  priceMin: string;
  priceMax: string;
  skuMax: number;
  weightUnits: readonly WeightUnit[];
  dimensionUnits: readonly DimensionUnit[];
  packageDimensionsRequired: boolean;
  categoryVersion: "v1" | "v2";
  /** Chinese characters are refused outside Japan (kanji are Japanese text there). */
  allowsHanCharacters: boolean;
}

export const LISTING_LIMITS = {
  descriptionMaxChars: 10_000,
  descriptionMaxImages: 30,
  mainImagesMin: 1,
  mainImagesMax: 9,
  imageMinPx: 300,
  imageMaxPx: 4000,
  salesAttributesMax: 3,
  salesAttributeNameMax: 20,
  salesAttributeValueMax: 50,
  sellerSkuMax: 50,
  inventoryMaxPerWarehouse: 99_999,
  productAttributeValueMax: 2000,
  externalIdMax: 999,
} as const;

export const LIMITS_SOURCE = "TikTok Shop Partner Center: Create product (listing constraints), checked 2025-12";

const SEA = new Set<TikTokRegion>(["ID", "MY", "PH", "SG", "TH", "VN"]);
const EU = new Set<TikTokRegion>(["DE", "FR", "IE", "IT", "ES"]);

const CURRENCY: Record<TikTokRegion, string> = {
  US: "USD", GB: "GBP", DE: "EUR", FR: "EUR", IE: "EUR", IT: "EUR", ES: "EUR", BR: "BRL", MX: "MXN", JP: "JPY",
  ID: "IDR", MY: "MYR", PH: "PHP", SG: "SGD", TH: "THB", VN: "VND",
};

const PRICE_RANGE: Record<TikTokRegion, [string, string]> = {
  US: ["0.01", "7600"], GB: ["0.01", "5600"], DE: ["0.01", "6300"], FR: ["0.01", "6300"], IE: ["0.01", "6300"],
  IT: ["0.01", "6300"], ES: ["0.01", "6300"], BR: ["0.5", "10000"], MX: ["1", "50000"], JP: ["1", "500000"],
  ID: ["100", "100000000"], MY: ["0.01", "320000"], PH: ["0.01", "400000"], SG: ["0.01", "10000"],
  TH: ["30", "260000"], VN: ["1", "180000000"],
};

export function regionLimits(region: TikTokRegion): RegionListingLimits {
  const [priceMin, priceMax] = PRICE_RANGE[region];
  return {
    region,
    currency: CURRENCY[region],
    titleMin: SEA.has(region) ? 25 : 1,
    titleMax: region === "BR" || region === "MX" ? 300 : 255,
    priceMin,
    priceMax,
    skuMax: 100,
    weightUnits: region === "US" ? ["KILOGRAM", "POUND"] : region === "BR" || region === "JP" || region === "MX" ? ["KILOGRAM", "GRAM"] : ["KILOGRAM"],
    dimensionUnits: region === "US" ? ["CENTIMETER", "INCH"] : ["CENTIMETER"],
    packageDimensionsRequired: region === "US" || region === "GB" || region === "MY" || region === "SG",
    categoryVersion: region === "US" || SEA.has(region) ? "v2" : "v1",
    allowsHanCharacters: region === "JP",
  };
}

export function isEuRegion(region: TikTokRegion): boolean {
  return EU.has(region);
}

/** Minor units TikTok accepts in amounts for a currency (JPY, IDR and VND are whole numbers). */
export function currencyDecimals(currency: string): number {
  return currency === "JPY" || currency === "IDR" || currency === "VND" ? 0 : 2;
}
