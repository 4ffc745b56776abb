// TikTok's money: signed decimal strings (costs negative), "" or absent for nothing. Arithmetic on
// decimal.js, never floats; stored back as decimal strings with at least two places.
import Decimal from "decimal.js";

export const ZERO = new Decimal(0);

/** Sums further apart than this are flagged (contract §1.9: a residue > 0.01). */
export const TOLERANCE = new Decimal("0.01");

export function amountOf(value: unknown): Decimal {
  if (typeof value === "number") return new Decimal(value);
  return typeof value === "string" && value.trim() !== "" ? new Decimal(value.trim()) : ZERO;
}

export function sumOf(values: Iterable<unknown>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v instanceof Decimal ? v : amountOf(v));
  return total;
}

/** "12.50", "-6.12", "0.00"; more places only when the amount has them (never "-0.00"). */
export function decimalString(value: Decimal): string {
  return value.isZero() ? "0.00" : value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** For merchant text: "+5.00", "−6.12" (a real minus sign), "0.00". */
export function signedText(value: Decimal): string {
  if (value.isZero()) return "0.00";
  return `${value.isNegative() ? "\u2212" : "+"}${decimalString(value.abs())}`;
}

/** `actual − expected` when they differ by more than the tolerance, else null. */
export function residueOf(expected: Decimal, actual: Decimal): Decimal | null {
  const residue = actual.minus(expected);
  return residue.abs().greaterThan(TOLERANCE) ? residue : null;
}
