// A TikTok order as Shopify's orderCreate input: original prices, the seller's discount as one discount code,
// TikTok-funded discounts as a second transaction (so the order total is what the buyer paid plus what TikTok
// reimburses), US sales tax as channel-liable tax lines (TikTok remits it), UK prices tax-inclusive, no customer
// record and no receipts (TikTok owns buyer contact). Checked before sending: transactions = lines − discount +
// shipping + tax, so an order whose money does not add up is held, never imported wrong.
import Decimal from "decimal.js";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import { TIKTOK_ORDER_GATEWAY } from "../policies/payout-check";
import type { OrderLine } from "./order-lines";
import type { OrderProblem } from "./order-problems";
import { moneyMismatch } from "./order-problems";

export interface ResolvedLine extends OrderLine {
  variantId: string;
}

export interface ShopifyOrderContext {
  region: string;
  /** Where the merchant sees the order in Seller Center (shown on the Shopify order page). */
  sellerCenterOrderUrl?: string;
}

export interface ShopifyOrderDraft {
  order: Record<string, unknown>;
  options: {
    inventoryBehaviour: "BYPASS" | "DECREMENT_IGNORING_POLICY";
    sendReceipt: false;
    sendFulfillmentReceipt: false;
  };
  /** What the order's money adds up to (buyer paid + TikTok's reimbursement), for the orders page. */
  total: string;
}

export const TIKTOK_GATEWAY = TIKTOK_ORDER_GATEWAY;
export const TIKTOK_SUBSIDY_GATEWAY = "TikTok Shop subsidy";
export const SELLER_DISCOUNT_CODE = "TIKTOK-SELLER";

type Payment = Record<string, string | undefined>;
const dec = (value: string | undefined) => new Decimal(value && value !== "" ? value : "0");
const money = (amount: Decimal, currencyCode: string) => ({ shopMoney: { amount: amount.toFixed(2), currencyCode } });

/** Tags that name the order (the tag is how a merchant, and a second import, finds it). */
export function orderTags(order: TikTokOrder): string[] {
  const facts = order as TikTokOrder & Record<string, unknown>;
  const fbt = order.fulfillment_type === "FULFILLMENT_BY_TIKTOK";
  return [
    "TikTok Shop",
    `TTS:${order.id}`,
    fbt ? "FBT" : "FBS",
    ...(facts.is_sample_order === true ? ["sample"] : []),
    ...(facts.is_replacement_order === true ? ["replacement"] : []),
    ...(order.line_items.some((l) => l.is_gift) ? ["gift"] : []),
  ];
}

export function draftShopifyOrder(
  order: TikTokOrder,
  lines: readonly ResolvedLine[],
  context: ShopifyOrderContext
): { draft: ShopifyOrderDraft } | { problem: OrderProblem } {
  const payment = order.payment as Payment;
  const currency = payment.currency ?? "USD";
  const us = context.region === "US";
  const sellerDiscount = lines.reduce((sum, l) => sum.plus(l.sellerDiscount), new Decimal(0));
  const itemsTotal = lines.reduce((sum, l) => sum.plus(dec(l.unitPrice).times(l.quantity)), new Decimal(0));
  const shippingPrice = dec(payment.original_shipping_fee ?? payment.shipping_fee).minus(
    dec(payment.shipping_fee_seller_discount)
  );
  const shippingTax = us ? dec(payment.shipping_fee_tax) : new Decimal(0);
  const productTax = us
    ? payment.product_tax !== undefined
      ? dec(payment.product_tax)
      : dec(payment.tax).minus(shippingTax)
    : new Decimal(0);
  const deliveryFee = dec(payment.retail_delivery_fee);
  const buyerPaid = dec(payment.total_amount);
  const subsidy = lines
    .reduce((sum, l) => sum.plus(l.platformDiscount), new Decimal(0))
    .plus(dec(payment.shipping_fee_platform_discount));

  const expected = itemsTotal
    .minus(sellerDiscount)
    .plus(shippingPrice)
    .plus(deliveryFee)
    .plus(productTax)
    .plus(shippingTax);
  const paid = buyerPaid.plus(subsidy);
  if (!expected.equals(paid)) return { problem: moneyMismatch(expected.toFixed(2), paid.toFixed(2), currency) };

  const taxLine = (amount: Decimal, rate: string | null, base: Decimal) => ({
    title: "Sales tax (TikTok Shop, marketplace facilitator)",
    rate: rate ?? (base.isZero() ? "0" : amount.dividedBy(base).toDecimalPlaces(4).toString()),
    priceSet: money(amount, currency),
    channelLiable: true,
  });
  const lineTaxes = us && !productTax.isZero() ? distributeTax(lines, productTax) : lines.map(() => null);
  const shippingLines = [
    {
      title: deliveryOptionTitle(order),
      code: order.delivery_option_id ?? "tiktok",
      source: "tiktok_shop",
      priceSet: money(shippingPrice, currency),
      ...(shippingTax.isZero() ? {} : { taxLines: [taxLine(shippingTax, null, shippingPrice)] }),
    },
    ...(deliveryFee.isZero()
      ? []
      : [
          {
            title: "Colorado Retail Delivery Fee",
            code: "retail_delivery_fee",
            source: "tiktok_shop",
            priceSet: money(deliveryFee, currency),
          },
        ]),
  ];
  const transactions = [
    ...(buyerPaid.isZero()
      ? []
      : [{ kind: "SALE", status: "SUCCESS", gateway: TIKTOK_GATEWAY, amountSet: money(buyerPaid, currency) }]),
    ...(subsidy.isZero()
      ? []
      : [{ kind: "SALE", status: "SUCCESS", gateway: TIKTOK_SUBSIDY_GATEWAY, amountSet: money(subsidy, currency) }]),
  ];
  const fbt = order.fulfillment_type === "FULFILLMENT_BY_TIKTOK";
  const shopifyOrder: Record<string, unknown> = {
    sourceIdentifier: order.id,
    ...(context.sellerCenterOrderUrl ? { sourceUrl: context.sellerCenterOrderUrl } : {}),
    processedAt: new Date(order.create_time * 1000).toISOString(),
    currency,
    taxesIncluded: !us,
    tags: orderTags(order),
    note: `TikTok Shop order ${order.id}. TikTok collects payment and pays you out; buyer contact goes through TikTok Seller Center.`,
    customAttributes: customAttributes(order),
    lineItems: lines.map((line, i) => ({
      variantId: line.variantId,
      quantity: line.quantity,
      priceSet: money(dec(line.unitPrice), currency),
      ...(lineTaxes[i]
        ? { taxLines: [taxLine(lineTaxes[i]!, line.taxRate, dec(line.unitPrice).times(line.quantity))] }
        : {}),
    })),
    shippingLines,
    transactions,
    ...(sellerDiscount.isZero()
      ? {}
      : {
          discountCode: {
            itemFixedDiscountCode: { code: SELLER_DISCOUNT_CODE, amountSet: money(sellerDiscount, currency) },
          },
        }),
    ...(shippingAddress(order) ? { shippingAddress: shippingAddress(order) } : {}),
  };
  return {
    draft: {
      order: shopifyOrder,
      options: {
        inventoryBehaviour: fbt ? "BYPASS" : "DECREMENT_IGNORING_POLICY",
        sendReceipt: false,
        sendFulfillmentReceipt: false,
      },
      total: paid.toFixed(2),
    },
  };
}

/** Per-line tax from TikTok where it gave it, else the order's product tax spread by line value (last line takes the rest). */
function distributeTax(lines: readonly ResolvedLine[], productTax: Decimal): Decimal[] {
  const given = lines.map((l) => dec(l.tax));
  if (given.reduce((a, b) => a.plus(b), new Decimal(0)).equals(productTax)) return given;
  const values = lines.map((l) => dec(l.unitPrice).times(l.quantity).minus(l.sellerDiscount));
  const total = values.reduce((a, b) => a.plus(b), new Decimal(0));
  let left = productTax;
  return values.map((value, i) => {
    if (i === values.length - 1) return left;
    const share = total.isZero() ? new Decimal(0) : productTax.times(value).dividedBy(total).toDecimalPlaces(2);
    left = left.minus(share);
    return share;
  });
}

function deliveryOptionTitle(order: TikTokOrder): string {
  const name = (order as Record<string, unknown>).delivery_option_name;
  return typeof name === "string" && name !== "" ? name : "TikTok Shop shipping";
}

function customAttributes(order: TikTokOrder): Array<{ key: string; value: string }> {
  const facts = order as Record<string, unknown>;
  const pairs: Array<[string, unknown]> = [
    ["tiktok_order_id", order.id],
    ["shipping_type", order.shipping_type],
    ["fulfillment_type", order.fulfillment_type],
    ["is_on_hold_order", order.is_on_hold_order],
    ["buyer_message", facts.buyer_message],
  ];
  return pairs.filter(([, v]) => v !== undefined && v !== "").map(([key, value]) => ({ key, value: String(value) }));
}

function shippingAddress(order: TikTokOrder): Record<string, string> | null {
  const a = order.recipient_address;
  if (!a?.address_line1) return null;
  const level = (n: string) => a.district_info?.find((d) => d.address_level === n)?.address_name;
  const [firstName, ...rest] = (a.name ?? "").trim().split(/\s+/);
  const address: Record<string, string | undefined> = {
    firstName,
    lastName: rest.join(" ") || undefined,
    address1: a.address_line1,
    address2: a.address_line2 || undefined,
    city: level("L3") ?? level("L2"),
    province: level("L1"),
    zip: a.postal_code,
    countryCode: a.region_code === "GB" ? "GB" : a.region_code,
    // Masked numbers ("(+1)213-***-1234") are not phone numbers.
    phone: a.phone_number && !a.phone_number.includes("*") ? a.phone_number : undefined,
  };
  return Object.fromEntries(
    Object.entries(address).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "")
  );
}
