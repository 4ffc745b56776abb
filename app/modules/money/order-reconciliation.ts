// One TikTok order, Shopify side against TikTok side. The Shopify order records what the buyer paid
// (transaction 1) plus TikTok's discount reimbursement (transaction 2); TikTok pays revenue + shipping +
// fees + adjustments. The difference is explained line by line, and the lines always add up to it.
import type Decimal from "decimal.js";
import { amountOf, decimalString, signedText, sumOf, ZERO } from "./signed-amount";
import type { TransactionFigures } from "./transaction-figures";

export interface OrderSide {
  tiktokOrderId: string;
  currency: string;
  /** From the app's order import; null when the app has not seen the order. */
  buyerPaid: string | null;
  platformDiscount: string | null;
  shopifyOrderName: string | null;
}

export interface SettlementRow extends TransactionFigures {
  kind: "settled" | "estimate";
  type: string;
  currency: string;
}

export interface ExplanationLine {
  amount: string;
  text: string;
}

export interface OrderReconciliation {
  tiktokOrderId: string;
  currency: string;
  /** settled: TikTok's statement; estimate: not settled yet (figures may change); none: nothing from TikTok yet. */
  status: "settled" | "estimate" | "none";
  shopifyOrderName: string | null;
  paidByBuyer: string;
  reimbursedByTikTok: string;
  /** What the Shopify order's transactions add up to (buyer paid + reimbursement). */
  shopifyTotal: string;
  revenue: string;
  fees: string;
  shipping: string;
  adjustments: string;
  payout: string;
  /** payout − Shopify total (usually negative: fees, and tax TikTok remits). */
  difference: string;
  lines: ExplanationLine[];
}

const FEE_NAMES: Record<string, string> = {
  referral_fee_amount: "referral fee",
  transaction_fee_amount: "transaction fee",
  platform_commission_amount: "platform commission",
  affiliate_commission_amount: "affiliate commission",
  refund_administration_fee_amount: "refund administration fee",
  credit_card_handling_fee_amount: "card handling fee",
  sales_tax_referral_fee_amount: "sales tax on the referral fee",
  vat_amount: "VAT on fees",
};

/** "referral_fee_amount" → "referral fee"; unknown TikTok names are spelled out the same way. */
export function feeName(wireName: string): string {
  return FEE_NAMES[wireName] ?? wireName.replace(/_amount$/, "").replace(/_/g, " ");
}

/** Settled rows win: an estimate only stands in until TikTok settles the order. */
export function rowsThatCount(rows: readonly SettlementRow[]): {
  status: OrderReconciliation["status"];
  rows: SettlementRow[];
} {
  const settled = rows.filter((r) => r.kind === "settled");
  if (settled.length > 0) return { status: "settled", rows: settled };
  const estimates = rows.filter((r) => r.kind === "estimate");
  return { status: estimates.length > 0 ? "estimate" : "none", rows: estimates };
}

const total = (rows: readonly SettlementRow[], pick: (r: SettlementRow) => string) => sumOf(rows.map(pick));

function feeItemsText(rows: readonly SettlementRow[]): string {
  const items = new Map<string, Decimal>();
  for (const r of rows)
    for (const [name, value] of Object.entries(r.feeItems))
      items.set(name, (items.get(name) ?? ZERO).plus(amountOf(value)));
  const parts = [...items]
    .filter(([, v]) => !v.isZero())
    .map(([name, v]) => `${feeName(name)} ${v.isNegative() ? decimalString(v.abs()) : `${signedText(v)} back`}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function adjustmentTypesText(rows: readonly SettlementRow[]): string {
  const types = [
    ...new Set(
      rows.filter((r) => !amountOf(r.adjustmentAmount).isZero()).map((r) => r.type.toLowerCase().replace(/_/g, " "))
    ),
  ];
  return types.length > 0 ? ` (${types.join(", ")})` : "";
}

const OTHER_TEXT = {
  settled: "Other differences (such as refunded shipping)",
  estimate: "Not broken down in TikTok's estimate yet",
};

function explanationLines(
  rows: readonly SettlementRow[],
  difference: Decimal,
  status: "settled" | "estimate"
): ExplanationLine[] {
  const tax = total(rows, (r) => r.salesTax);
  const deliveryFee = total(rows, (r) => r.retailDeliveryFee);
  const fees = total(rows, (r) => r.feeTaxAmount);
  const shippingCosts = total(rows, (r) => r.shippingCostAmount)
    .minus(total(rows, (r) => r.customerPaidShipping))
    .minus(total(rows, (r) => r.shippingSubsidy));
  const refunds = total(rows, (r) => r.revenueRefund);
  const adjustments = total(rows, (r) => r.adjustmentAmount);
  const candidates: Array<[Decimal, string]> = [
    [tax.neg(), `Sales tax ${decimalString(tax)} is remitted by TikTok, not paid out`],
    [deliveryFee.neg(), `Retail delivery fee ${decimalString(deliveryFee)} is remitted by TikTok, not paid out`],
    [fees, `TikTok's fees: ${signedText(fees)}${feeItemsText(rows)}`],
    [shippingCosts, `Shipping costs charged by TikTok (labels, returns): ${signedText(shippingCosts)}`],
    [refunds, `Refunded to the buyer: ${signedText(refunds)}`],
    [adjustments, `TikTok adjustments: ${signedText(adjustments)}${adjustmentTypesText(rows)}`],
  ];
  const lines = candidates.filter(([amount]) => !amount.isZero());
  const other = difference.minus(sumOf(lines.map(([amount]) => amount)));
  if (!other.isZero()) lines.push([other, `${OTHER_TEXT[status]}: ${signedText(other)}`]);
  return lines.map(([amount, text]) => ({ amount: decimalString(amount), text }));
}

/** Paid and reimbursed come from the imported order; for an order the app never saw, from TikTok's settlement. */
function shopifySide(order: OrderSide, rows: readonly SettlementRow[]): { paid: Decimal; reimbursed: Decimal } {
  if (order.buyerPaid !== null)
    return { paid: amountOf(order.buyerPaid), reimbursed: amountOf(order.platformDiscount) };
  return {
    paid: total(rows, (r) => r.customerPayment),
    reimbursed: total(rows, (r) => r.platformDiscount).plus(total(rows, (r) => r.shippingSubsidy)),
  };
}

export function reconcileOrder(order: OrderSide, allRows: readonly SettlementRow[]): OrderReconciliation {
  const { status, rows } = rowsThatCount(allRows);
  const { paid, reimbursed } = shopifySide(order, rows);
  const shopifyTotal = paid.plus(reimbursed);
  const payout = total(rows, (r) => r.settlementAmount);
  const difference = status === "none" ? ZERO : payout.minus(shopifyTotal);
  return {
    tiktokOrderId: order.tiktokOrderId,
    currency: rows[0]?.currency || order.currency,
    status,
    shopifyOrderName: order.shopifyOrderName,
    paidByBuyer: decimalString(paid),
    reimbursedByTikTok: decimalString(reimbursed),
    shopifyTotal: decimalString(shopifyTotal),
    revenue: decimalString(total(rows, (r) => r.revenueAmount)),
    fees: decimalString(total(rows, (r) => r.feeTaxAmount)),
    shipping: decimalString(total(rows, (r) => r.shippingCostAmount)),
    adjustments: decimalString(total(rows, (r) => r.adjustmentAmount)),
    payout: decimalString(payout),
    difference: decimalString(difference),
    lines: status === "none" ? [] : explanationLines(rows, difference, status),
  };
}
