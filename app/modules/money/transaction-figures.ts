// One TikTok settlement transaction (or an unsettled estimate) as the columns the app keeps: the signed
// totals, the breakdown items reconciliation and the bookkeeper need, and the order it concerns.
import type Decimal from "decimal.js";
import type { TikTokStatementTransaction, TikTokUnsettledTransaction } from "../../integrations/tiktok";
import { amountOf, decimalString, sumOf } from "./signed-amount";

export interface TransactionFigures {
  settlementAmount: string;
  revenueAmount: string;
  shippingCostAmount: string;
  feeTaxAmount: string;
  adjustmentAmount: string;
  reserveAmount: string;
  referralFee: string;
  platformCommission: string;
  affiliateCommission: string;
  transactionFee: string;
  /** Every non-zero fee and tax item by TikTok's name, so any fee can be named to the merchant. */
  feeItems: Record<string, string>;
  revenueRefund: string;
  customerPaidShipping: string;
  shippingSubsidy: string;
  customerPayment: string;
  platformDiscount: string;
  salesTax: string;
  retailDeliveryFee: string;
}

export interface TransactionIdentity {
  transactionId: string;
  type: string;
  tiktokOrderId: string | null;
  orderId: string | null;
  adjustmentId: string | null;
  adjustmentOrderId: string | null;
  orderCreateTime: Date | null;
}

type Breakdowns = Pick<
  TikTokStatementTransaction,
  "revenue_breakdown" | "shipping_cost_breakdown" | "fee_tax_breakdown" | "supplementary_component"
>;

const str = (d: Decimal) => decimalString(d);
const nonEmpty = (v: string | undefined) => (v ? v : null);

/** The fee and tax items TikTok sent, non-zero ones only (unknown new fee names included). */
export function feeItemsOf(breakdown: TikTokStatementTransaction["fee_tax_breakdown"]): Record<string, string> {
  const items: Record<string, string> = {};
  for (const group of [breakdown?.fee, breakdown?.tax]) {
    for (const [name, value] of Object.entries(group ?? {})) {
      if ((typeof value === "string" || typeof value === "number") && !amountOf(value).isZero())
        items[name] = str(amountOf(value));
    }
  }
  return items;
}

function breakdownFigures(t: Breakdowns) {
  const fee = t.fee_tax_breakdown?.fee;
  const revenue = t.revenue_breakdown;
  const shipping = t.shipping_cost_breakdown;
  const supplementary = t.supplementary_component;
  return {
    referralFee: str(amountOf(fee?.referral_fee_amount)),
    platformCommission: str(amountOf(fee?.platform_commission_amount)),
    affiliateCommission: str(amountOf(fee?.affiliate_commission_amount)),
    transactionFee: str(amountOf(fee?.transaction_fee_amount)),
    feeItems: feeItemsOf(t.fee_tax_breakdown),
    revenueRefund: str(
      sumOf([revenue?.refund_subtotal_before_discount_amount, revenue?.seller_discount_refund_amount])
    ),
    customerPaidShipping: str(amountOf(shipping?.customer_paid_shipping_fee_amount)),
    shippingSubsidy: str(amountOf(shipping?.shipping_fee_discount_amount)),
    customerPayment: str(amountOf(supplementary?.customer_payment_amount)),
    platformDiscount: str(amountOf(supplementary?.platform_discount_amount)),
    // The tax the buyer paid, all remitted by TikTok (a refund's tax goes back to the buyer from TikTok too).
    salesTax: str(amountOf(supplementary?.sales_tax_payment_amount || supplementary?.sales_tax_amount)),
    retailDeliveryFee: str(
      amountOf(supplementary?.retail_delivery_fee_payment_amount || supplementary?.retail_delivery_fee_amount)
    ),
  };
}

export function settledFigures(t: TikTokStatementTransaction): TransactionFigures {
  return {
    settlementAmount: str(amountOf(t.settlement_amount)),
    revenueAmount: str(amountOf(t.revenue_amount)),
    shippingCostAmount: str(amountOf(t.shipping_cost_amount)),
    feeTaxAmount: str(amountOf(t.fee_tax_amount)),
    adjustmentAmount: str(amountOf(t.adjustment_amount)),
    reserveAmount: str(amountOf(t.reserve_amount)),
    ...breakdownFigures(t),
  };
}

/** An estimate has no supplementary part: the sales tax comes from the order as the app knows it. */
export function estimatedFigures(t: TikTokUnsettledTransaction, orderSalesTax: string): TransactionFigures {
  return {
    settlementAmount: str(amountOf(t.est_settlement_amount)),
    revenueAmount: str(amountOf(t.est_revenue_amount)),
    shippingCostAmount: str(amountOf(t.est_shipping_cost_amount)),
    feeTaxAmount: str(amountOf(t.est_fee_tax_amount)),
    adjustmentAmount: str(amountOf(t.est_adjustment_amount)),
    reserveAmount: "0.00",
    ...breakdownFigures(t),
    salesTax: str(amountOf(orderSalesTax)),
  };
}

/** Reserve rows name their order as associated_order_id, adjustments as adjustment_order_id. */
export function identityOf(t: TikTokStatementTransaction | TikTokUnsettledTransaction): TransactionIdentity {
  const associated = "associated_order_id" in t ? (t.associated_order_id as string | undefined) : undefined;
  return {
    transactionId: t.id,
    type: t.type,
    tiktokOrderId: nonEmpty(t.order_id) ?? nonEmpty(t.adjustment_order_id) ?? nonEmpty(associated),
    orderId: nonEmpty(t.order_id),
    adjustmentId: nonEmpty(t.adjustment_id),
    adjustmentOrderId: nonEmpty(t.adjustment_order_id),
    orderCreateTime: t.order_create_time ? new Date(t.order_create_time * 1000) : null,
  };
}
