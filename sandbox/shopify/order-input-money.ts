// Reading orderCreate's money inputs: MoneyBagInput amounts in the order's currency, tax lines (rate required
// on line and shipping tax lines: TAX_LINE_RATE_MISSING), order-level tax lines split over taxable lines.
import { allocate, toCents, type Cents } from "./money";
import type { StoredTaxLine } from "./order-model";

export interface InputError {
  field: string[];
  message: string;
  code: string;
}

export interface MoneyBagInput {
  shopMoney: { amount: unknown; currencyCode: string };
  presentmentMoney?: { amount: unknown; currencyCode: string } | null;
}

export interface TaxLineInput {
  title: string;
  rate: unknown;
  priceSet?: MoneyBagInput | null;
  channelLiable?: boolean | null;
}

/** An amount in the order's currency; a bag in another currency (or presentment money) is refused. */
export function readMoney(bag: MoneyBagInput, field: string[], currency: string, errors: InputError[]): Cents | null {
  const cents = toCents(bag.shopMoney.amount);
  if (cents === null) {
    errors.push({ field: [...field, "shopMoney", "amount"], message: "Amount is invalid.", code: "INVALID" });
    return null;
  }
  if (bag.shopMoney.currencyCode !== currency) {
    errors.push({ field: [...field, "shopMoney", "currencyCode"], message: `Currency ${bag.shopMoney.currencyCode} does not match the order's currency ${currency}.`, code: "INVALID" });
    return null;
  }
  const presentment = bag.presentmentMoney;
  if (presentment && (presentment.currencyCode !== currency || toCents(presentment.amount) !== cents)) {
    errors.push({ field: [...field, "presentmentMoney"], message: "Presentment money must equal shop money: the sandbox's orders have one currency.", code: "INVALID" });
    return null;
  }
  return cents;
}

function readRate(rate: unknown): number | null {
  const n = typeof rate === "number" ? rate : typeof rate === "string" && rate.trim() !== "" ? Number(rate) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Tax lines of a line item, a shipping line or the order. Without a priceSet the amount is rate × the taxed base.
 * A missing rate is TAX_LINE_RATE_MISSING on line and shipping tax lines ("only enforced" there), INVALID on the order.
 */
export function readTaxLines(inputs: TaxLineInput[] | null | undefined, level: "line" | "shipping" | "order", base: Cents, field: string[], currency: string, errors: InputError[]): StoredTaxLine[] {
  return (inputs ?? []).flatMap((t, i) => {
    const at = [...field, String(i)];
    const rate = readRate(t.rate);
    if (rate === null) {
      const code = level === "order" ? "INVALID" : "TAX_LINE_RATE_MISSING";
      errors.push({ field: [...at, "rate"], message: level === "order" ? "Tax line rate is invalid." : "Tax line rate is missing.", code });
      return [];
    }
    const price = t.priceSet ? readMoney(t.priceSet, [...at, "priceSet"], currency, errors) : Math.round(base * rate);
    if (price === null) return [];
    if (price < 0) errors.push({ field: [...at, "priceSet"], message: "Tax line price can't be negative.", code: "INVALID" });
    return [{ title: t.title, rate, priceCents: price, channelLiable: t.channelLiable ?? null }];
  });
}

/** Order-level tax lines are split across the taxable line items, by their subtotals. */
export function splitOrderTaxLines(taxLines: StoredTaxLine[], lineBases: { taxable: boolean; base: Cents }[]): StoredTaxLine[][] {
  const weights = lineBases.map((l) => (l.taxable ? l.base : 0));
  const perLine: StoredTaxLine[][] = lineBases.map(() => []);
  if (!weights.some((w) => w > 0)) return perLine;
  for (const tax of taxLines) {
    const shares = allocate(tax.priceCents, weights);
    shares.forEach((share, i) => {
      if (weights[i]! > 0) perLine[i]!.push({ ...tax, priceCents: share });
    });
  }
  return perLine;
}
