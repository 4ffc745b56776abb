/** Per-region listing constraints from the contract's §10 table (local sellers). */
export interface RegionRules {
  currency: string;
  minPrice: number;
  maxPrice: number;
  priceDecimals: number;
  titleMin: number;
  titleMax: number;
  weightUnits: string[];
  dimensionUnits: string[];
  dimensionsRequired: boolean;
  categoryVersion: "v1" | "v2";
}

const WESTERN_TITLE = { titleMin: 1, titleMax: 255 };

export const REGION_RULES: Record<string, RegionRules> = {
  US: { currency: "USD", minPrice: 0.01, maxPrice: 7600, priceDecimals: 2, ...WESTERN_TITLE, weightUnits: ["KILOGRAM", "POUND"], dimensionUnits: ["CENTIMETER", "INCH"], dimensionsRequired: true, categoryVersion: "v2" },
  GB: { currency: "GBP", minPrice: 0.01, maxPrice: 5600, priceDecimals: 2, ...WESTERN_TITLE, weightUnits: ["KILOGRAM"], dimensionUnits: ["CENTIMETER"], dimensionsRequired: true, categoryVersion: "v1" },
  DE: { currency: "EUR", minPrice: 0.01, maxPrice: 6300, priceDecimals: 2, ...WESTERN_TITLE, weightUnits: ["KILOGRAM"], dimensionUnits: ["CENTIMETER"], dimensionsRequired: false, categoryVersion: "v1" },
  FR: { currency: "EUR", minPrice: 0.01, maxPrice: 6300, priceDecimals: 2, ...WESTERN_TITLE, weightUnits: ["KILOGRAM"], dimensionUnits: ["CENTIMETER"], dimensionsRequired: false, categoryVersion: "v1" },
  MX: { currency: "MXN", minPrice: 1, maxPrice: 50000, priceDecimals: 2, titleMin: 1, titleMax: 300, weightUnits: ["KILOGRAM", "GRAM"], dimensionUnits: ["CENTIMETER"], dimensionsRequired: false, categoryVersion: "v1" },
  SG: { currency: "SGD", minPrice: 0.01, maxPrice: 10000, priceDecimals: 2, titleMin: 25, titleMax: 255, weightUnits: ["KILOGRAM"], dimensionUnits: ["CENTIMETER"], dimensionsRequired: true, categoryVersion: "v2" },
};

export function regionRules(region: string): RegionRules {
  const rules = REGION_RULES[region];
  if (!rules) throw new Error(`no listing rules for region ${region}`);
  return rules;
}

const METRIC = new Set(["KILOGRAM", "GRAM", "CENTIMETER"]);
export function isMetricUnit(unit: string): boolean {
  return METRIC.has(unit);
}
