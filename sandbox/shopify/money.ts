// Order money in integer minor units (cents), so sums and splits never drift; printed as Shopify prints it:
// GraphQL Decimal without trailing zeros ("10.0", "24.99"), REST webhook strings with two decimals ("10.00").
export type Cents = number;

/** A Decimal input ("19.99", 19.99) in cents, or null when it is not a number. */
export function toCents(amount: unknown): Cents | null {
  const n = typeof amount === "number" ? amount : typeof amount === "string" && amount.trim() !== "" ? Number(amount) : Number.NaN;
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** MoneyV2.amount: "24.99", "10.0", "0.0". */
export function decimalAmount(cents: Cents): string {
  const fixed = (cents / 100).toFixed(2);
  return fixed.endsWith("0") ? fixed.slice(0, -1) : fixed;
}

/** The REST (webhook) form: "24.99", "10.00". */
export function fixedAmount(cents: Cents): string {
  return (cents / 100).toFixed(2);
}

/** Splits a total over weights in proportion; the last share takes the rounding rest. */
export function allocate(total: Cents, weights: number[]): Cents[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  return weights.map((w, i) => {
    if (i === weights.length - 1) return left;
    const share = sum === 0 ? 0 : Math.round((total * w) / sum);
    left -= share;
    return share;
  });
}
