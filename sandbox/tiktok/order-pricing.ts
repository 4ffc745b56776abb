import Decimal from "decimal.js";
import { businessError } from "./api-error";
import type { ItemTax } from "./model";

/**
 * An order's money (contract §7 and orders-and-money §2.5), in integer cents so every sum is exact:
 *   line sale_price = original_price − seller_discount − platform_discount (gift lines: all 0, gift_retail_price set)
 *   sub_total       = original_total_product_price − seller_discount − platform_discount = Σ line sale_price
 *   shipping_fee    = original_shipping_fee − shipping_fee_seller_discount − shipping_fee_platform_discount
 *   tax             = product_tax (Σ line item_tax) + shipping_fee_tax
 *   total_amount    = sub_total + shipping_fee + tax (+ retail_delivery_fee, always 0 here)
 */
export interface PricingInput {
  /** One entry per unit, in line-item order. `unitPrice` is the SKU price (decimal string, ≤ 2 decimals). */
  lines: Array<{ unitPrice: string; gift: boolean }>;
  /** Order-level product discounts, spread over the paid lines in proportion to their price. */
  sellerDiscount: string;
  platformDiscount: string;
  /** US sales tax rate per line (e.g. "0.08"); null when the region has no item-level sales tax. */
  taxRate: string | null;
  /** Free samples and replacements: nothing is charged (original prices and shipping 0). */
  zeroPriced: boolean;
  currency: string;
}

export interface PricedLine {
  original_price: string;
  sale_price: string;
  seller_discount: string;
  platform_discount: string;
  gift_retail_price: string;
  item_tax: ItemTax[];
}

export interface PricedOrder {
  lines: PricedLine[];
  payment: Record<string, string>;
}

export const STANDARD_SHIPPING_CENTS = 599;
/** Orders whose sub_total reaches this get free shipping paid by the platform. */
export const FREE_SHIPPING_FROM_CENTS = 3500;

export function toCents(amount: string): number {
  const cents = new Decimal(amount).times(100);
  if (!cents.isInteger() || cents.isNegative()) throw businessError(12052910, `Amount ${amount} must be a non-negative decimal with at most 2 decimals.`);
  return cents.toNumber();
}

export function fromCents(cents: number): string {
  return new Decimal(cents).dividedBy(100).toFixed(2);
}

/** Splits `total` cents over `weights` in proportion (largest remainder, ties to the earlier entry); Σ result = total. */
export function allocateCents(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total !== 0) throw new Error("allocateCents: nothing to spread a non-zero amount over");
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => new Decimal(total).times(w).dividedBy(sum));
  const shares = exact.map((d) => d.floor().toNumber());
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((d, i) => ({ i, r: d.minus(d.floor()) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

function lineTax(saleCents: number, rate: string | null): ItemTax[] {
  if (rate === null) return [];
  const cents = new Decimal(saleCents).times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return [{ tax_type: "SALES_TAX", tax_amount: fromCents(cents), tax_rate: new Decimal(rate).toString() }];
}

/** Per-line discounts: the combined discount by price, then the seller's part of each line by its combined share. */
function spreadDiscounts(originals: number[], sellerCents: number, platformCents: number): Array<{ seller: number; platform: number }> {
  const combined = sellerCents + platformCents;
  const available = originals.reduce((a, b) => a + b, 0);
  if (combined > available) throw businessError(12052910, `Discounts (${fromCents(combined)}) exceed the products' price (${fromCents(available)}).`);
  const perLine = allocateCents(combined, originals);
  const seller = allocateCents(sellerCents, perLine);
  return perLine.map((d, i) => ({ seller: seller[i]!, platform: d - seller[i]! }));
}

export function priceOrder(input: PricingInput): PricedOrder {
  const originals = input.lines.map((l) => (l.gift || input.zeroPriced ? 0 : toCents(l.unitPrice)));
  const discounts = spreadDiscounts(originals, toCents(input.sellerDiscount), toCents(input.platformDiscount));
  const lines = input.lines.map((l, i): PricedLine => {
    const sale = originals[i]! - discounts[i]!.seller - discounts[i]!.platform;
    return {
      original_price: fromCents(originals[i]!), sale_price: fromCents(sale),
      seller_discount: fromCents(discounts[i]!.seller), platform_discount: fromCents(discounts[i]!.platform),
      gift_retail_price: l.gift ? fromCents(toCents(l.unitPrice)) : "0.00", item_tax: lineTax(sale, input.taxRate),
    };
  });
  return { lines, payment: paymentOf(lines, input) };
}

function paymentOf(lines: PricedLine[], input: PricingInput): Record<string, string> {
  const sum = (pick: (l: PricedLine) => string) => lines.reduce((a, l) => a + toCents(pick(l)), 0);
  const subTotal = sum((l) => l.sale_price);
  const productTax = lines.reduce((a, l) => a + l.item_tax.reduce((t, x) => t + toCents(x.tax_amount), 0), 0);
  const originalShipping = input.zeroPriced ? 0 : STANDARD_SHIPPING_CENTS;
  const shippingPlatformDiscount = subTotal >= FREE_SHIPPING_FROM_CENTS ? originalShipping : 0;
  const shippingFee = originalShipping - shippingPlatformDiscount;
  const shippingTax = 0;
  return {
    currency: input.currency, sub_total: fromCents(subTotal), shipping_fee: fromCents(shippingFee),
    seller_discount: fromCents(sum((l) => l.seller_discount)), platform_discount: fromCents(sum((l) => l.platform_discount)),
    tax: fromCents(productTax + shippingTax), total_amount: fromCents(subTotal + shippingFee + productTax + shippingTax),
    original_total_product_price: fromCents(sum((l) => l.original_price)), original_shipping_fee: fromCents(originalShipping),
    shipping_fee_seller_discount: "0.00", shipping_fee_platform_discount: fromCents(shippingPlatformDiscount),
    shipping_fee_cofunded_discount: "0.00", product_tax: fromCents(productTax), shipping_fee_tax: fromCents(shippingTax),
    retail_delivery_fee: "0.00",
  };
}
