// Package weight and dimensions. TikTok takes one weight per product: the heaviest variant's, rounded up
// (never under-declared). Dimensions come from tiktok.package_* metafields or the merchant's defaults per
// product type — never invented; missing ones are findings.
import Decimal from "decimal.js";
import { blocking, warning, type Finding } from "./finding";
import { LIMITS_SOURCE, type RegionListingLimits } from "./listing-limits";
import type { PackageDimensions } from "./listing-settings";
import type { ShopifyMetafieldValue, ShopifyProduct, ShopifyWeightUnit } from "./shopify-product";
import type { TikTokListingBody } from "./tiktok-listing-body";
import { variantLabel } from "./variant-label";

const D = Decimal.clone({ precision: 40 });
const GRAMS_PER: Record<ShopifyWeightUnit, string> = { GRAMS: "1", KILOGRAMS: "1000", OUNCES: "28.349523125", POUNDS: "453.59237" };
const TIKTOK_UNIT_GRAMS = { KILOGRAM: "1000", POUND: "453.59237", GRAM: "1" } as const;
const WEIGHT_DECIMALS = { KILOGRAM: 3, POUND: 2, GRAM: 0 } as const;
const CM_PER: Record<string, string> = { mm: "0.1", cm: "1", m: "100", in: "2.54", ft: "30.48", yd: "91.44", MILLIMETERS: "0.1", CENTIMETERS: "1", METERS: "100", INCHES: "2.54", FEET: "30.48", YARDS: "91.44" };

export type WeightUnitChoice = keyof typeof TIKTOK_UNIT_GRAMS;

export function chooseWeightUnit(preferred: WeightUnitChoice, limits: RegionListingLimits): WeightUnitChoice {
  return limits.weightUnits.includes(preferred) ? preferred : "KILOGRAM";
}

export function convertWeight(grams: InstanceType<typeof D>, unit: WeightUnitChoice): string {
  const decimals = WEIGHT_DECIMALS[unit];
  const value = grams.dividedBy(TIKTOK_UNIT_GRAMS[unit]).toDecimalPlaces(decimals, Decimal.ROUND_UP);
  const min = new D(1).dividedBy(new D(10).pow(decimals));
  return (value.lessThan(min) ? min : value).toFixed(decimals);
}

export function mapPackageWeight(product: ShopifyProduct, unit: WeightUnitChoice): { weight: TikTokListingBody["package_weight"]; findings: Finding[] } {
  const findings: Finding[] = [];
  let heaviest: InstanceType<typeof D> | null = null;
  product.variants.nodes.forEach((variant, i) => {
    const w = variant.inventoryItem.measurement.weight;
    if (!w || !(w.value > 0)) {
      const label = variantLabel(product, variant);
      findings.push(blocking("WEIGHT_MISSING", "package_weight", `${label === "this product" ? "This product" : label.charAt(0).toUpperCase() + label.slice(1)} has no weight; TikTok needs the package weight to calculate shipping.`, `Add a weight to ${label} in Shopify.`, { source: LIMITS_SOURCE }));
      return;
    }
    const grams = new D(String(w.value)).times(GRAMS_PER[w.unit]);
    if (!heaviest || grams.greaterThan(heaviest)) heaviest = grams;
  });
  const grams = heaviest as InstanceType<typeof D> | null;
  return { weight: { value: grams ? convertWeight(grams, unit) : "0", unit }, findings };
}

/** Parses a Shopify `dimension` metafield ({"value": 10, "unit": "cm"}) to centimetres. */
export function dimensionToCm(metafield: ShopifyMetafieldValue | null): InstanceType<typeof D> | null {
  if (!metafield) return null;
  try {
    const parsed = JSON.parse(metafield.value) as { value?: unknown; unit?: unknown };
    const factor = typeof parsed.unit === "string" ? CM_PER[parsed.unit] : undefined;
    if (typeof parsed.value !== "number" && typeof parsed.value !== "string") return null;
    if (!factor || !(Number(parsed.value) > 0)) return null;
    return new D(String(parsed.value)).times(factor);
  } catch {
    return null;
  }
}

function toWholeUnits(cm: InstanceType<typeof D>, unit: "CENTIMETER" | "INCH"): string {
  return (unit === "INCH" ? cm.dividedBy("2.54") : cm).toDecimalPlaces(0, Decimal.ROUND_UP).toFixed(0);
}

/** Key of `defaultPackageDimensionsByProductType` that applies to every product type. */
export const ANY_PRODUCT_TYPE = "*";

export function mapPackageDimensions(product: ShopifyProduct, weightUnit: WeightUnitChoice, defaults: Record<string, PackageDimensions>, required: boolean): { dimensions: TikTokListingBody["package_dimensions"]; findings: Finding[] } {
  // Weight and dimensions must be in the same system (KILOGRAM↔CENTIMETER, POUND↔INCH): contract §4.2.
  const unit = weightUnit === "POUND" ? "INCH" : "CENTIMETER";
  const fromMetafields = [product.packageLength, product.packageWidth, product.packageHeight].map(dimensionToCm);
  const presentCount = fromMetafields.filter(Boolean).length;
  if (presentCount === 3) {
    const [l, w, h] = fromMetafields as Array<InstanceType<typeof D>>;
    return { dimensions: { length: toWholeUnits(l!, unit), width: toWholeUnits(w!, unit), height: toWholeUnits(h!, unit), unit }, findings: [] };
  }
  const typeKey = Object.keys(defaults).find((k) => k.toLowerCase() === product.productType.trim().toLowerCase() && product.productType.trim() !== "");
  // "*" is the merchant's default for every product without its own (e.g. products with no type).
  const fallback = typeKey ? defaults[typeKey] : defaults[ANY_PRODUCT_TYPE];
  const findings: Finding[] = [];
  if (presentCount > 0) {
    const missing = ["package_length", "package_width", "package_height"].filter((_, i) => !fromMetafields[i]);
    findings.push(warning("PACKAGE_DIMENSIONS_INCOMPLETE", "package_dimensions", `Only some package dimensions are set on the product (missing or unreadable: ${missing.join(", ")}).`, "Fill all three tiktok.package_length/width/height metafields in Shopify (dimension values)."));
  }
  if (fallback) {
    const cm = [fallback.length, fallback.width, fallback.height].map((v) => new D(v).times(fallback.unit === "INCH" ? "2.54" : "1"));
    return { dimensions: { length: toWholeUnits(cm[0]!, unit), width: toWholeUnits(cm[1]!, unit), height: toWholeUnits(cm[2]!, unit), unit }, findings };
  }
  if (required) {
    findings.push(blocking("PACKAGE_DIMENSIONS_MISSING", "package_dimensions", "TikTok needs the package dimensions (length, width, height) for this product, and none are set.", `Set default package dimensions for ${product.productType ? `the product type "${product.productType}"` : "products without a type"} (or for all products) in the app settings, or fill the tiktok.package_length/width/height metafields of the product in Shopify.`, { source: LIMITS_SOURCE }));
  }
  return { dimensions: undefined, findings };
}
