// Price rules: Shopify variant price → TikTok SKU price. Adjust (markup/markdown), round, handle the
// compare-at price, then guard (merchant minimum/maximum, TikTok's market range). Exact decimals only.
import Decimal from "decimal.js";
import { blocking, warning, type Finding } from "../listing/finding";
import { formatMoney, MoneyDecimal, parseMoney, type Money } from "./money";

export type PriceAdjustment =
  | { kind: "none" }
  /** Signed percent as a decimal string: "10" = +10 % markup, "-15" = 15 % markdown. */
  | { kind: "percent"; percent: string }
  /** Signed amount in the shop currency: "2.00" adds two, "-1.50" takes one and a half off. */
  | { kind: "fixed"; amount: string };

export type PriceRounding =
  | { kind: "none" }
  /** Smallest price ≥ the adjusted one whose fraction is `ending` (e.g. "0.99": 12.10 → 12.99, 13.00 → 13.99). */
  | { kind: "ending"; ending: string }
  /** Nearest whole number (half up). */
  | { kind: "whole" };

export type CompareAtHandling = "keep" | "adjust" | "drop";

export interface CollectionPriceOverride {
  collectionHandle: string;
  adjustment: PriceAdjustment;
  rounding?: PriceRounding;
}

export interface PriceRules {
  adjustment: PriceAdjustment;
  rounding: PriceRounding;
  compareAt: CompareAtHandling;
  /** First override whose collection the product belongs to wins. */
  collectionOverrides: CollectionPriceOverride[];
  /** Merchant guards, decimal strings in the TikTok currency (e.g. never below cost). */
  minimum: string | null;
  maximum: string | null;
}

export function defaultPriceRules(): PriceRules {
  return { adjustment: { kind: "none" }, rounding: { kind: "none" }, compareAt: "keep", collectionOverrides: [], minimum: null, maximum: null };
}

export interface PriceInput {
  price: string;
  compareAtPrice: string | null;
  collectionHandles: readonly string[];
}

export interface PriceTarget {
  currency: string;
  decimals: number;
  /** TikTok's allowed range for the market. */
  rangeMin: string;
  rangeMax: string;
}

export interface PriceResult {
  /** null when the Shopify price is unusable. */
  price: string | null;
  compareAt: string | null;
  findings: Finding[];
}

const SOURCE = "TikTok Shop Partner Center: Create product (price ranges); FTC 16 CFR 233.1 (former price comparisons)";

export function adjustPrice(value: Money, adjustment: PriceAdjustment): Money {
  switch (adjustment.kind) {
    case "none":
      return value;
    case "percent":
      return value.times(new MoneyDecimal(100).plus(adjustment.percent)).dividedBy(100);
    case "fixed":
      return value.plus(adjustment.amount);
  }
}

export function roundPrice(value: Money, rounding: PriceRounding, decimals: number): Money {
  const cents = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  switch (rounding.kind) {
    case "none":
      return cents;
    case "whole":
      return cents.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case "ending": {
      const ending = new MoneyDecimal(rounding.ending);
      const candidate = cents.floor().plus(ending);
      return candidate.lessThan(cents) ? candidate.plus(1) : candidate;
    }
  }
}

export function applyPriceRules(input: PriceInput, rules: PriceRules, target: PriceTarget, field: string, label: string): PriceResult {
  const findings: Finding[] = [];
  const original = parseMoney(input.price);
  if (!original || original.lessThanOrEqualTo(0)) {
    findings.push(
      blocking("PRICE_INVALID", `${field}.price`, `${label} has no usable price ("${input.price}").`, `Set a price above zero on ${label} in Shopify.`),
    );
    return { price: null, compareAt: null, findings };
  }
  const override = rules.collectionOverrides.find((o) => input.collectionHandles.includes(o.collectionHandle));
  const adjustment = override?.adjustment ?? rules.adjustment;
  const rounding = override?.rounding ?? rules.rounding;
  const price = roundPrice(adjustPrice(original, adjustment), rounding, target.decimals);

  const rangeMin = new MoneyDecimal(target.rangeMin);
  const rangeMax = new MoneyDecimal(target.rangeMax);
  if (rules.minimum !== null && price.lessThan(rules.minimum)) {
    findings.push(
      blocking("PRICE_BELOW_MINIMUM", `${field}.price`, `${label} would sell for ${formatMoney(price, target.decimals)} ${target.currency}, below your minimum of ${rules.minimum}.`, "Raise the price in Shopify or change the price rule so the TikTok price stays above your minimum."),
    );
  }
  if (rules.maximum !== null && price.greaterThan(rules.maximum)) {
    findings.push(
      blocking("PRICE_ABOVE_MAXIMUM", `${field}.price`, `${label} would sell for ${formatMoney(price, target.decimals)} ${target.currency}, above your maximum of ${rules.maximum}.`, "Lower the price in Shopify or change the price rule so the TikTok price stays below your maximum."),
    );
  }
  if (price.lessThan(rangeMin) || price.greaterThan(rangeMax)) {
    findings.push(
      blocking("PRICE_OUT_OF_RANGE", `${field}.price`, `${label} would sell for ${formatMoney(price, target.decimals)} ${target.currency}; TikTok accepts ${target.rangeMin}–${target.rangeMax} ${target.currency} in this market.`, `Set a price between ${target.rangeMin} and ${target.rangeMax} ${target.currency}.`, { source: SOURCE }),
    );
  }

  let compareAt: string | null = null;
  const compareOriginal = input.compareAtPrice === null || input.compareAtPrice.trim() === "" ? null : parseMoney(input.compareAtPrice);
  if (input.compareAtPrice !== null && input.compareAtPrice.trim() !== "" && compareOriginal === null) {
    findings.push(warning("COMPARE_AT_INVALID", `${field}.external_list_prices`, `${label} has a compare-at price that is not a number ("${input.compareAtPrice}"); it is not sent.`, `Correct or clear the compare-at price of ${label} in Shopify.`));
  }
  if (compareOriginal && rules.compareAt !== "drop") {
    const compare = rules.compareAt === "adjust" ? roundPrice(adjustPrice(compareOriginal, adjustment), rounding, target.decimals) : compareOriginal.toDecimalPlaces(target.decimals, Decimal.ROUND_HALF_UP);
    if (compare.lessThanOrEqualTo(price)) {
      // A strike-through price that is not higher than the selling price is a fake discount.
      findings.push(
        warning("COMPARE_AT_NOT_HIGHER", `${field}.external_list_prices`, `${label}: the compare-at price (${formatMoney(compare, target.decimals)}) is not higher than the TikTok price (${formatMoney(price, target.decimals)}), so it would not be a real discount; it is not sent.`, `Clear the compare-at price of ${label} in Shopify, or make it the real former price (higher than the selling price).`, { source: SOURCE }),
      );
    } else if (compare.greaterThan(rangeMax)) {
      findings.push(warning("COMPARE_AT_OUT_OF_RANGE", `${field}.external_list_prices`, `${label}: the compare-at price ${formatMoney(compare, target.decimals)} is above TikTok's maximum price; it is not sent.`, `Lower the compare-at price of ${label} to at most ${target.rangeMax}.`, { source: SOURCE }));
    } else {
      compareAt = formatMoney(compare, target.decimals);
    }
  }
  return { price: formatMoney(price, target.decimals), compareAt, findings };
}
