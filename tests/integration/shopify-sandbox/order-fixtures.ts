// Shared by the order tests: the GraphQL documents they send, a TikTok-like orderCreate input over seeded
// variants, and stock set to known quantities.
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import type { StoredVariant } from "../../../sandbox/shopify/store";
import { graphql } from "./sandbox-harness";

export const ORDER_FIELDS = `fragment OrderFields on Order {
  id name createdAt updatedAt processedAt cancelledAt cancelReason closed sourceIdentifier sourceName tags
  customAttributes { key value } displayFinancialStatus displayFulfillmentStatus currencyCode
  totalPriceSet { shopMoney { amount currencyCode } } subtotalPriceSet { shopMoney { amount } } totalTaxSet { shopMoney { amount } }
  totalShippingPriceSet { shopMoney { amount } } totalDiscountsSet { shopMoney { amount } } totalReceivedSet { shopMoney { amount } }
  lineItems(first: 10) { nodes { id sku title quantity currentQuantity unfulfilledQuantity variant { id }
    originalUnitPriceSet { shopMoney { amount } } taxLines { title rate channelLiable priceSet { shopMoney { amount } } } } }
  shippingLines(first: 5) { nodes { title code source originalPriceSet { shopMoney { amount } } } }
  transactions { kind status gateway amountSet { shopMoney { amount } } }
  fulfillmentOrders(first: 5) { nodes { id status assignedLocation { location { id } }
    lineItems(first: 10) { nodes { id remainingQuantity totalQuantity lineItem { id } } } fulfillmentHolds { id reason reasonNotes handle } } }
  fulfillments { id status trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id } } } }
  metafield(namespace: "tiktok", key: "order_id") { value }
}`;

export const ORDER_CREATE = `mutation CreateOrder($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) { order { ...OrderFields } userErrors { code field message } }
}
${ORDER_FIELDS}`;

export const ORDER_QUERY = `query OneOrder($id: ID!) { order(id: $id) { ...OrderFields } }
${ORDER_FIELDS}`;

export const ORDERS_SEARCH = `query Search($query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
  orders(first: 50, query: $query, sortKey: $sortKey, reverse: $reverse) { nodes { id name sourceIdentifier tags cancelledAt closed } }
}`;

export const FULFILLMENT_CREATE = `mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id name status trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id } } } }
    userErrors { field message }
  }
}`;

export const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { fulfillmentHold { id reason reasonNotes handle } fulfillmentOrder { id status } userErrors { code field message } }
}`;

export const RELEASE = `mutation Release($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) { fulfillmentOrder { id status fulfillmentHolds { id } } userErrors { code field message } }
}`;

export const TRACKING_UPDATE = `mutation Track($id: ID!, $tracking: FulfillmentTrackingInput!) {
  fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $tracking, notifyCustomer: false) { fulfillment { id trackingInfo { company number url } } userErrors { field message } }
}`;

export const ORDER_CANCEL = `mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $refundMethod: OrderCancelRefundMethodInput, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, refundMethod: $refundMethod, notifyCustomer: false, staffNote: $staffNote) {
    job { id done } jobResult { id done status } orderCancelUserErrors { code field message }
  }
}`;

export const JOB = `query Job($id: ID!) { job(id: $id) { id done } }`;

export const REFUND_CREATE = `mutation Refund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { id note totalRefundedSet { shopMoney { amount } } refundLineItems(first: 10) { nodes { quantity restockType lineItem { id } } } }
    order { id displayFinancialStatus totalReceivedSet { shopMoney { amount } } }
    userErrors { field message }
  }
}`;

export const LEVEL = `query Level($id: ID!, $location: ID!) {
  inventoryItem(id: $id) { inventoryLevel(locationId: $location) { quantities(names: ["available", "committed", "on_hand", "reserved"]) { name quantity } } }
}`;

/** The nth seeded variant, its inventory tracked, stocked with `available` at the first location only. */
export function stockedVariant(sandbox: ShopifySandbox, n: number, available: number, policy: "DENY" | "CONTINUE" = "DENY"): { variant: StoredVariant; locationId: string; inventoryItemId: string } {
  const variant = [...sandbox.store.variants.values()][n]!;
  const item = sandbox.store.inventoryItems.get(variant.inventoryItemId)!;
  item.tracked = true;
  const [first, ...others] = [...item.levels.keys()];
  sandbox.store.setQuantity(item.id, first!, "available", available);
  for (const other of others) sandbox.store.setQuantity(item.id, other, "available", 0);
  variant.inventoryPolicy = policy;
  variant.sku ??= `SANDBOX-SKU-${n}`;
  return { variant, locationId: first!, inventoryItemId: item.id };
}

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });

/** A TikTok order as the app imports it: channel-liable line and shipping tax, a seller discount, two SALE transactions. */
export function tiktokOrderInput(tiktokId: string, lines: { variantId: string; quantity: number; price: string; tax: string }[], extra: Record<string, unknown> = {}) {
  const items = lines.reduce((n, l) => n + Number(l.price) * l.quantity, 0);
  const tax = lines.reduce((n, l) => n + Number(l.tax), 0) + 0.4;
  const total = items - 1 + 5 + tax;
  return {
    sourceIdentifier: tiktokId,
    sourceUrl: `https://seller-us.tiktok.com/order/detail?order_no=${tiktokId}`,
    processedAt: "2026-05-01T10:00:00Z",
    currency: "USD",
    taxesIncluded: false,
    tags: ["TikTok Shop", `TTS:${tiktokId}`, "FBS"],
    note: `TikTok Shop order ${tiktokId}.`,
    customAttributes: [{ key: "tiktok_order_id", value: tiktokId }],
    lineItems: lines.map((l) => ({
      variantId: l.variantId, quantity: l.quantity, priceSet: usd(l.price),
      taxLines: [{ title: "Sales tax (TikTok Shop, marketplace facilitator)", rate: "0.08", priceSet: usd(l.tax), channelLiable: true }],
    })),
    shippingLines: [{ title: "Standard shipping", code: "tiktok", source: "tiktok_shop", priceSet: usd("5.00"), taxLines: [{ title: "Sales tax", rate: "0.08", priceSet: usd("0.40"), channelLiable: true }] }],
    discountCode: { itemFixedDiscountCode: { code: "TIKTOK-SELLER", amountSet: usd("1.00") } },
    transactions: [
      { kind: "SALE", status: "SUCCESS", gateway: "TikTok Shop", amountSet: usd((total - 2).toFixed(2)) },
      { kind: "SALE", status: "SUCCESS", gateway: "TikTok Shop subsidy", amountSet: usd("2.00") },
    ],
    metafields: [{ namespace: "tiktok", key: "order_id", type: "single_line_text_field", value: tiktokId }],
    ...extra,
  };
}

export async function quantities(sandbox: ShopifySandbox, token: string, itemId: string, locationId: string): Promise<Record<string, number>> {
  const { body } = await graphql(sandbox, token, LEVEL, { id: itemId, location: locationId });
  return Object.fromEntries(body.data.inventoryItem.inventoryLevel.quantities.map((q: { name: string; quantity: number }) => [q.name, q.quantity]));
}

export async function createOrder(sandbox: ShopifySandbox, token: string, order: Record<string, unknown>, inventoryBehaviour = "DECREMENT_IGNORING_POLICY") {
  const { body } = await graphql(sandbox, token, ORDER_CREATE, { order, options: { inventoryBehaviour, sendReceipt: false, sendFulfillmentReceipt: false } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.orderCreate as { order: any; userErrors: { code: string; field: string[] | null; message: string }[] };
}
