// Exact decimal money: every amount is a decimal string in and out, arithmetic on decimal.js, never floats.
import Decimal from "decimal.js";

export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Money = InstanceType<typeof MoneyDecimal>;

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Parses a decimal string ("19.99", " 20 "); null for anything that is not a plain decimal number. */
export function parseMoney(value: string | null | undefined): Money | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) return null;
  return new MoneyDecimal(trimmed);
}

/** Fixed-point string with exactly `decimals` places (half-up), as TikTok expects ("12.50", "1200"). */
export function formatMoney(value: Money, decimals: number): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}
