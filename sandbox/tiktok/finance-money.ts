import Decimal from "decimal.js";

/** Signed amounts of one breakdown (e.g. revenue_breakdown), by TikTok's wire name. */
export type Amounts = Record<string, Decimal>;

export const ZERO = new Decimal(0);

/** A payment or price field of an order ("12.50"); absent or empty counts as zero. */
export function dec(value: string | undefined | null): Decimal {
  return value === undefined || value === null || value === "" ? ZERO : new Decimal(value);
}

/** Cents, half up (fees are computed on exact amounts, then rounded once). */
export function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Wire form: a signed decimal string with two places, never "-0.00". */
export function money(value: Decimal): string {
  return value.isZero() ? "0.00" : value.toFixed(2);
}

export function sumOf(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function sumAmounts(amounts: Amounts): Decimal {
  return sumOf(Object.values(amounts));
}

/** Adds `b` into a copy of `a`, key by key. */
export function addAmounts(a: Amounts, b: Amounts): Amounts {
  const out: Amounts = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? ZERO).plus(v);
  return out;
}

export function wireAmounts(amounts: Amounts): Record<string, string> {
  return Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, money(v)]));
}
