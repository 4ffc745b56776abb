import type Decimal from "decimal.js";
import { cents, dec, sumOf, ZERO, type Amounts } from "./finance-money";
import type { Order, OrderLineItem, ReturnRecord } from "./model";
import type { FinanceSettings } from "./settlement-settings";

/**
 * The simulator's money model: what one order transaction is worth to the seller, per SKU, as TikTok's
 * 202501 breakdowns (contract §1.4). Signed: income positive, costs negative; every total is the sum of its
 * breakdown and settlement = revenue + shipping_cost + fee_tax (+ adjustment, which orders never carry).
 */
export interface SkuFigures {
  sku_id: string;
  sku_name: string;
  product_name: string;
  quantity: number;
  revenue: Amounts;
  shipping: Amounts;
  /** Parts of the shipping items, for reference only (not summed). */
  shippingSupplementary: Amounts;
  fee: Amounts;
  tax: Amounts;
}

export interface OrderFigures {
  rows: SkuFigures[];
  /** Order-level amounts that do not contribute to the settlement (customer payment, platform discount, sales tax). */
  supplementary: Amounts;
}

export interface FigureInput {
  /** The sale itself (false for a refund settled after the order was). */
  includeSale: boolean;
  /** Completed refunds accounted in this transaction. */
  refunds: ReturnRecord[];
  /** The carrier's actual shipping fee is known once the order is delivered; estimates leave it out. */
  shippingKnown: boolean;
}

export function refundedLineIds(refunds: ReturnRecord[]): Set<string> {
  return new Set(refunds.flatMap((r) => r.return_line_items.map((l) => l.order_line_item_id)));
}

const total = (lines: OrderLineItem[], pick: (l: OrderLineItem) => string | undefined) => sumOf(lines.map((l) => dec(pick(l))));
/** Items' customer payment + platform discount = price after seller discounts. */
const referralBase = (lines: OrderLineItem[]) => total(lines, (l) => l.original_price).minus(total(lines, (l) => l.seller_discount));

function revenueOf(sold: OrderLineItem[], refunded: OrderLineItem[]): Amounts {
  return {
    subtotal_before_discount_amount: total(sold, (l) => l.original_price),
    seller_discount_amount: total(sold, (l) => l.seller_discount).neg(),
    refund_subtotal_before_discount_amount: total(refunded, (l) => l.original_price).neg(),
    seller_discount_refund_amount: total(refunded, (l) => l.seller_discount),
    cod_service_fee_amount: ZERO,
    refund_cod_service_fee_amount: ZERO,
  };
}

type FeeRates = Pick<FinanceSettings, "referralFeeRate" | "refundAdministrationRate" | "transactionFeeRate">;

function feeOf(sold: OrderLineItem[], refunded: OrderLineItem[], s: FeeRates): Amounts {
  const charged = cents(referralBase(sold).times(s.referralFeeRate));
  const returned = cents(referralBase(refunded).times(s.referralFeeRate));
  return {
    platform_commission_amount: ZERO,
    referral_fee_amount: returned.minus(charged),
    refund_administration_fee_amount: cents(returned.times(s.refundAdministrationRate)).neg(),
    transaction_fee_amount: cents(total(sold, (l) => l.sale_price).times(s.transactionFeeRate)).neg(),
    credit_card_handling_fee_amount: ZERO,
    affiliate_commission_amount: ZERO,
  };
}

const NO_TAX: Amounts = { sales_tax_referral_fee_amount: ZERO, vat_amount: ZERO, import_vat_amount: ZERO, customs_duty_amount: ZERO };

interface ShippingValues {
  label: Decimal;
  /** The label is TikTok's FBT shipping (fbt_shipping_cost_amount) rather than TikTok Shipping (fbm_shipping_cost_amount). */
  fbt: boolean;
  platformDiscount: Decimal;
  customerPaid: Decimal;
  sellerDiscount: Decimal;
  customerFee: Decimal;
  refunded: Decimal;
}

const ZERO_SHIPPING: ShippingValues = { label: ZERO, fbt: false, platformDiscount: ZERO, customerPaid: ZERO, sellerDiscount: ZERO, customerFee: ZERO, refunded: ZERO };

function shippingAmounts(v: ShippingValues): { shipping: Amounts; supplementary: Amounts } {
  return {
    shipping: {
      actual_shipping_fee_amount: v.label,
      shipping_fee_discount_amount: v.platformDiscount,
      customer_paid_shipping_fee_amount: v.customerPaid,
      return_shipping_fee_amount: ZERO,
      signature_confirmation_fee_amount: ZERO,
      shipping_insurance_fee_amount: ZERO,
    },
    supplementary: {
      platform_shipping_fee_discount_amount: v.platformDiscount,
      seller_shipping_fee_discount_amount: v.sellerDiscount,
      fbm_shipping_cost_amount: v.fbt ? ZERO : v.label,
      fbt_shipping_cost_amount: v.fbt ? v.label : ZERO,
      customer_shipping_fee: v.customerFee,
      refunded_customer_shipping_fee_amount: v.refunded,
    },
  };
}

/**
 * Order-level shipping, carried by the first SKU row. Seller-shipped: the seller gets what the buyer paid for
 * shipping plus TikTok's shipping subsidy, and pays its own carrier outside TikTok. TikTok Shipping and FBT: TikTok
 * also charges the label, modelled as the order's original (list) shipping fee, known once delivered.
 */
function shippingOf(order: Order, input: FigureInput): { shipping: Amounts; supplementary: Amounts } {
  const p = order.payment;
  const refunded = sumOf(input.refunds.map((r) => dec(r.refund_amount.refund_shipping_fee)));
  if (!input.includeSale) return shippingAmounts({ ...ZERO_SHIPPING, customerPaid: refunded.neg(), refunded: refunded.neg() });
  return shippingAmounts({
    label: order.shipping_type === "TIKTOK" && input.shippingKnown ? dec(p.original_shipping_fee).neg() : ZERO,
    fbt: order.fulfillment_type === "FULFILLMENT_BY_TIKTOK",
    platformDiscount: dec(p.shipping_fee_platform_discount),
    customerPaid: dec(p.shipping_fee).minus(refunded),
    sellerDiscount: dec(p.shipping_fee_seller_discount).neg(),
    customerFee: dec(p.shipping_fee),
    refunded: refunded.neg(),
  });
}

const ZERO_RATES = { referralFeeRate: ZERO, refundAdministrationRate: ZERO, transactionFeeRate: ZERO };

/** Breakdowns with every item at zero (adjustment and reserve rows carry no order amounts). */
export function zeroBreakdowns(): Pick<SkuFigures, "revenue" | "shipping" | "shippingSupplementary" | "fee" | "tax"> {
  const { shipping, supplementary } = shippingAmounts(ZERO_SHIPPING);
  return { revenue: revenueOf([], []), shipping, shippingSupplementary: supplementary, fee: feeOf([], [], ZERO_RATES), tax: { ...NO_TAX } };
}

const zeroed = (a: Amounts): Amounts => Object.fromEntries(Object.keys(a).map((k) => [k, ZERO]));

function supplementaryOf(order: Order, input: FigureInput, refunded: OrderLineItem[]): Amounts {
  const p = order.payment;
  const sale = input.includeSale;
  const refundSum = (key: string) => sumOf(input.refunds.map((r) => dec(r.refund_amount[key]))).neg();
  const taxPaid = sale ? dec(p.tax) : ZERO;
  const taxRefund = refundSum("refund_tax");
  const deliveryFee = sale ? dec(p.retail_delivery_fee) : ZERO;
  return {
    customer_payment_amount: sale ? dec(p.total_amount) : ZERO,
    customer_refund_amount: refundSum("refund_total"),
    platform_discount_amount: sale ? total(order.line_items, (l) => l.platform_discount) : ZERO,
    platform_discount_refund_amount: total(refunded, (l) => l.platform_discount).neg(),
    platform_cofunded_discount_amount: ZERO,
    seller_cofunded_discount_amount: ZERO,
    retail_delivery_fee_amount: deliveryFee,
    retail_delivery_fee_payment_amount: deliveryFee,
    retail_delivery_fee_refund_amount: ZERO,
    sales_tax_amount: taxPaid.plus(taxRefund),
    sales_tax_payment_amount: taxPaid,
    sales_tax_refund_amount: taxRefund,
  };
}

/** Line items grouped by SKU, in order of first appearance (TikTok line items are one unit each). */
function bySku(lines: OrderLineItem[]): Map<string, OrderLineItem[]> {
  const groups = new Map<string, OrderLineItem[]>();
  for (const l of lines) groups.set(l.sku_id, [...(groups.get(l.sku_id) ?? []), l]);
  return groups;
}

export function orderFigures(order: Order, input: FigureInput, settings: FinanceSettings): OrderFigures {
  const refundedIds = refundedLineIds(input.refunds);
  const refunded = order.line_items.filter((l) => refundedIds.has(l.id));
  const involved = order.line_items.filter((l) => input.includeSale || refundedIds.has(l.id));
  const { shipping, supplementary: shippingSupplementary } = shippingOf(order, input);
  const rows = [...bySku(involved)].map(([skuId, lines], i): SkuFigures => {
    const sold = input.includeSale ? lines : [];
    const back = lines.filter((l) => refundedIds.has(l.id));
    return {
      sku_id: skuId, sku_name: lines[0]!.sku_name, product_name: lines[0]!.product_name, quantity: sold.length || back.length,
      revenue: revenueOf(sold, back), fee: feeOf(sold, back, settings), tax: { ...NO_TAX },
      shipping: i === 0 ? shipping : zeroed(shipping),
      shippingSupplementary: i === 0 ? shippingSupplementary : zeroed(shippingSupplementary),
    };
  });
  return { rows, supplementary: supplementaryOf(order, input, refunded) };
}

export interface FigureTotals {
  revenue: Decimal;
  shipping: Decimal;
  feeTax: Decimal;
  settlement: Decimal;
}

export function skuTotals(row: SkuFigures): FigureTotals {
  const revenue = sumOf(Object.values(row.revenue));
  const shipping = sumOf(Object.values(row.shipping));
  const feeTax = sumOf([...Object.values(row.fee), ...Object.values(row.tax)]);
  return { revenue, shipping, feeTax, settlement: revenue.plus(shipping).plus(feeTax) };
}

export function orderTotals(figures: OrderFigures): FigureTotals {
  const parts = figures.rows.map(skuTotals);
  const revenue = sumOf(parts.map((p) => p.revenue));
  const shipping = sumOf(parts.map((p) => p.shipping));
  const feeTax = sumOf(parts.map((p) => p.feeTax));
  return { revenue, shipping, feeTax, settlement: revenue.plus(shipping).plus(feeTax) };
}
