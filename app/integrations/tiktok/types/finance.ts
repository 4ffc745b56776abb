import { z } from "zod";
import { tiktokId, unixSeconds } from "./tiktok-primitives";

/**
 * Finance API shapes (orders-and-money contract §1.3–1.7). Money is a signed decimal string (costs negative);
 * TikTok leaves some deprecated items empty (""). Unknown fields are kept (looseObject), so new fee items pass.
 */
export const signedAmount = z
  .union([z.string().regex(/^(-?\d+(\.\d+)?)?$/, "expected a decimal string"), z.number()])
  .transform((v) => String(v));

const amount = signedAmount.optional();
/** A breakdown object: item name → signed amount; the items listed are those the app reads, others are kept. */
const amounts = <K extends string>(keys: readonly K[]) =>
  z.looseObject(Object.fromEntries(keys.map((k) => [k, amount])) as Record<K, typeof amount>);

export const revenueBreakdownSchema = amounts([
  "subtotal_before_discount_amount",
  "seller_discount_amount",
  "refund_subtotal_before_discount_amount",
  "seller_discount_refund_amount",
  "cod_service_fee_amount",
  "refund_cod_service_fee_amount",
] as const);

export const shippingCostBreakdownSchema = amounts([
  "actual_shipping_fee_amount",
  "shipping_fee_discount_amount",
  "customer_paid_shipping_fee_amount",
  "return_shipping_fee_amount",
  "replacement_shipping_fee_amount",
  "exchange_shipping_fee_amount",
  "signature_confirmation_fee_amount",
  "shipping_insurance_fee_amount",
] as const).extend({
  /** Parts of the items above, for reference: not addends. */
  supplementary_component: z.looseObject({}).optional(),
});

export const feeTaxBreakdownSchema = z.looseObject({
  fee: amounts([
    "platform_commission_amount",
    "referral_fee_amount",
    "refund_administration_fee_amount",
    "transaction_fee_amount",
    "credit_card_handling_fee_amount",
    "affiliate_commission_amount",
  ] as const).optional(),
  tax: amounts([
    "sales_tax_referral_fee_amount",
    "vat_amount",
    "import_vat_amount",
    "customs_duty_amount",
  ] as const).optional(),
});

/** Does not contribute to the settlement (sales tax is remitted by TikTok; platform discounts are reimbursed). */
export const transactionSupplementarySchema = amounts([
  "customer_payment_amount",
  "customer_refund_amount",
  "platform_discount_amount",
  "platform_discount_refund_amount",
  "retail_delivery_fee_amount",
  "sales_tax_amount",
  "sales_tax_payment_amount",
  "sales_tax_refund_amount",
] as const);

/** GET /finance/202309/statements. US/UK local sellers get net_sales_amount + shipping_cost_amount; others revenue_amount. */
export const statementSchema = z.looseObject({
  id: tiktokId,
  statement_time: unixSeconds,
  currency: z.string(),
  settlement_amount: signedAmount,
  revenue_amount: amount,
  net_sales_amount: amount,
  shipping_cost_amount: amount,
  fee_amount: amount,
  adjustment_amount: amount,
  payment_status: z.string().optional(),
  payment_id: z.string().optional(),
  payment_time: unixSeconds.optional(),
});
export type TikTokStatement = z.infer<typeof statementSchema>;

export const statementsResultSchema = z.looseObject({
  statements: z.array(statementSchema).default([]),
  next_page_token: z.string().optional(),
});
export type TikTokStatementsResult = z.infer<typeof statementsResultSchema>;

/** `type` is an open string: ORDER, RESERVE or one of many adjustment types (some are free text). */
export const statementTransactionSchema = z.looseObject({
  id: tiktokId,
  type: z.string(),
  order_id: z.string().optional(),
  order_create_time: unixSeconds.optional(),
  adjustment_id: z.string().optional(),
  adjustment_order_id: z.string().optional(),
  reserve_id: z.string().optional(),
  reserve_amount: amount,
  /** Upper-cased: TikTok documents COLLECTED/RELEASED but samples show "Collected". */
  reserve_status: z
    .string()
    .transform((s) => s.toUpperCase())
    .optional(),
  associated_order_id: z.string().optional(),
  estimated_release_time: z.string().optional(),
  settlement_amount: signedAmount,
  revenue_amount: amount,
  shipping_cost_amount: amount,
  fee_tax_amount: amount,
  adjustment_amount: amount,
  revenue_breakdown: revenueBreakdownSchema.optional(),
  shipping_cost_breakdown: shippingCostBreakdownSchema.optional(),
  fee_tax_breakdown: feeTaxBreakdownSchema.optional(),
  supplementary_component: transactionSupplementarySchema.optional(),
});
export type TikTokStatementTransaction = z.infer<typeof statementTransactionSchema>;

/** GET /finance/202501/statements/{id}/statement_transactions: statement totals + one page of transactions. */
export const statementTransactionsResultSchema = z.looseObject({
  id: tiktokId,
  create_time: unixSeconds.optional(),
  status: z.string().optional(),
  currency: z.string().optional(),
  payable_amount: amount,
  total_reserve_amount: amount,
  total_settlement_amount: amount,
  total_settlement_breakdown: amounts([
    "total_revenue_amount",
    "total_shipping_cost_amount",
    "total_fee_tax_amount",
    "total_adjustment_amount",
  ] as const).optional(),
  total_count: z.number().int().optional(),
  next_page_token: z.string().optional(),
  transactions: z.array(statementTransactionSchema).default([]),
});
export type TikTokStatementTransactionsResult = z.infer<typeof statementTransactionsResultSchema>;

/** One SKU of an order settlement; `quantity` is a string on the wire. */
export const skuTransactionSchema = z.looseObject({
  sku_id: tiktokId,
  sku_name: z.string().optional(),
  product_name: z.string().optional(),
  quantity: z.string().optional(),
  statement_id: z.string().optional(),
  settlement_amount: signedAmount,
  revenue_amount: amount,
  shipping_cost_amount: amount,
  fee_tax_amount: amount,
  revenue_breakdown: revenueBreakdownSchema.optional(),
  shipping_cost_breakdown: shippingCostBreakdownSchema.optional(),
  fee_tax_breakdown: feeTaxBreakdownSchema.optional(),
});
export type TikTokSkuTransaction = z.infer<typeof skuTransactionSchema>;

/** GET /finance/202501/orders/{id}/statement_transactions. Order level says `fee_and_tax_amount`, SKU level `fee_tax_amount`. */
export const orderTransactionsResultSchema = z.looseObject({
  order_id: tiktokId,
  order_create_time: unixSeconds.optional(),
  currency: z.string().optional(),
  revenue_amount: amount,
  fee_and_tax_amount: amount,
  shipping_cost_amount: amount,
  settlement_amount: amount,
  total_count: z.number().int().optional(),
  sku_transactions: z.array(skuTransactionSchema).default([]),
});
export type TikTokOrderTransactionsResult = z.infer<typeof orderTransactionsResultSchema>;

/** Estimates only: never book them (contract §1.6). `estimated_settlement` is "x days after delivery" or a Unix time string. */
export const unsettledTransactionSchema = z.looseObject({
  id: tiktokId,
  type: z.string(),
  status: z.string().optional(),
  currency: z.string().optional(),
  estimated_settlement: z.string().optional(),
  unsettled_reason: z.string().optional(),
  order_id: z.string().optional(),
  order_create_time: unixSeconds.optional(),
  order_delivery_time: unixSeconds.optional(),
  adjustment_id: z.string().optional(),
  adjustment_order_id: z.string().optional(),
  est_settlement_amount: amount,
  est_revenue_amount: amount,
  est_shipping_cost_amount: amount,
  est_fee_tax_amount: amount,
  est_adjustment_amount: amount,
  revenue_breakdown: revenueBreakdownSchema.optional(),
  shipping_cost_breakdown: shippingCostBreakdownSchema.optional(),
  fee_tax_breakdown: feeTaxBreakdownSchema.optional(),
});
export type TikTokUnsettledTransaction = z.infer<typeof unsettledTransactionSchema>;

export const unsettledResultSchema = z.looseObject({
  total_count: z.number().int().optional(),
  next_page_token: z.string().optional(),
  sum_est_settlement_amount: amount,
  sum_est_revenue_amount: amount,
  sum_est_adjustment_amount: amount,
  sum_est_fee_amount: amount,
  transactions: z.array(unsettledTransactionSchema).default([]),
});
export type TikTokUnsettledResult = z.infer<typeof unsettledResultSchema>;

const moneyValue = z.looseObject({ value: signedAmount, currency: z.string().optional() });

/** Payments reconcile against bank deposits: amount = payment_amount_before_exchange × exchange_rate (contract §1.7). */
export const paymentSchema = z.looseObject({
  id: tiktokId,
  create_time: unixSeconds,
  paid_time: unixSeconds.optional(),
  status: z.string(),
  amount: moneyValue.optional(),
  settlement_amount: moneyValue.optional(),
  reserve_amount: moneyValue.optional(),
  payment_amount_before_exchange: moneyValue.optional(),
  exchange_rate: z.string().optional(),
  bank_account: z.string().optional(),
});
export type TikTokPayment = z.infer<typeof paymentSchema>;

export const paymentsResultSchema = z.looseObject({
  payments: z.array(paymentSchema).default([]),
  next_page_token: z.string().optional(),
});
export type TikTokPaymentsResult = z.infer<typeof paymentsResultSchema>;

export const withdrawalSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  amount: amount,
  currency: z.string().optional(),
  /** PROCESSING | SUCCESS | FAILED (the docs also mention PAID). */
  status: z.string(),
  create_time: unixSeconds.optional(),
});
export const withdrawalsResultSchema = z.looseObject({
  withdrawals: z.array(withdrawalSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});
export type TikTokWithdrawalsResult = z.infer<typeof withdrawalsResultSchema>;

export type TikTokWithdrawalType = "WITHDRAW" | "SETTLE" | "TRANSFER" | "REVERSE";

export interface TikTokStatementFilter {
  statement_time_ge?: number;
  statement_time_lt?: number;
  payment_status?: "PAID" | "FAILED" | "PROCESSING";
}
export interface TikTokUnsettledFilter {
  search_time_ge?: number;
  search_time_lt?: number;
}
export interface TikTokCreateTimeFilter {
  create_time_ge?: number;
  create_time_lt?: number;
}

/** The Finance API sorts by one fixed field per endpoint; only the direction and the page are chosen. */
export interface TikTokFinancePaging {
  /** 1–100 (TikTok's default 20). */
  pageSize?: number;
  pageToken?: string;
  sortOrder?: "ASC" | "DESC";
}
