// The order records the sandbox keeps, and what Shopify derives from them: totals, the financial status (from
// the transactions), the fulfillment status (from the fulfillment orders) and whether the order is closed.
import type { Cents } from "./money";

export type InventoryBehaviour = "BYPASS" | "DECREMENT_IGNORING_POLICY" | "DECREMENT_OBEYING_POLICY";
export type FulfillmentOrderStatus = "OPEN" | "IN_PROGRESS" | "ON_HOLD" | "CLOSED" | "CANCELLED";
export type RestockType = "CANCEL" | "RETURN" | "NO_RESTOCK";

export interface StoredTaxLine {
  title: string;
  rate: number;
  priceCents: Cents;
  channelLiable: boolean | null;
}

export interface StoredLineItem {
  id: string;
  variantId: string | null;
  productId: string | null;
  inventoryItemId: string | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  priceCents: Cents;
  taxable: boolean;
  requiresShipping: boolean;
  giftCard: boolean;
  taxLines: StoredTaxLine[];
  /** The order's discount code allocated to this line. */
  discountCents: Cents;
  properties: { name: string; value: string }[];
  /** Where the line's units were committed (orderCreate decremented inventory), or null. */
  claimedLocationId: string | null;
  refundedQuantity: number;
}

export interface StoredShippingLine {
  id: string;
  title: string;
  code: string | null;
  source: string | null;
  priceCents: Cents;
  discountCents: Cents;
  taxLines: StoredTaxLine[];
}

export interface StoredTransaction {
  id: string;
  kind: string;
  status: string;
  gateway: string | null;
  amountCents: Cents;
  parentId: string | null;
  test: boolean;
  createdAt: string;
  processedAt: string;
}

export interface StoredDiscountCode {
  code: string;
  kind: "itemFixedDiscountCode" | "itemPercentageDiscountCode" | "freeShippingDiscountCode";
  amountCents: Cents;
  percentage: number | null;
}

export interface StoredHold {
  id: string;
  reason: string;
  reasonNotes: string | null;
  handle: string;
  notifyMerchant: boolean;
  /** Holds belong to the app that placed them (the sandbox's one app), or to the merchant. */
  heldByApp: boolean;
}

export interface StoredFulfillmentOrderLine {
  id: string;
  lineItemId: string;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface StoredFulfillmentOrder {
  id: string;
  orderId: string;
  locationId: string;
  status: FulfillmentOrderStatus;
  lineItems: StoredFulfillmentOrderLine[];
  holds: StoredHold[];
  createdAt: string;
  updatedAt: string;
}

export interface StoredFulfillment {
  id: string;
  orderId: string;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  locationId: string;
  trackingCompany: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  lineItems: { id: string; lineItemId: string; fulfillmentOrderId: string; quantity: number }[];
  notifyCustomer: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StoredRefund {
  id: string;
  orderId: string;
  note: string | null;
  lineItems: { id: string; lineItemId: string; quantity: number; restockType: RestockType; locationId: string | null; subtotalCents: Cents; taxCents: Cents }[];
  shippingCents: Cents;
  transactionIds: string[];
  createdAt: string;
  processedAt: string;
}

export interface StoredAddress {
  [field: string]: string | null | undefined;
}

export interface StoredOrder {
  id: string;
  number: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closedAt: string | null;
  /** The app that created the order (REST app_id); the online store is 580111. */
  appId: number | null;
  sourceName: string | null;
  sourceIdentifier: string | null;
  sourceUrl: string | null;
  tags: string[];
  customAttributes: { key: string; value: string }[];
  note: string | null;
  email: string | null;
  phone: string | null;
  poNumber: string | null;
  test: boolean;
  buyerAcceptsMarketing: boolean;
  currency: string;
  taxesIncluded: boolean;
  inventoryBehaviour: InventoryBehaviour;
  lineItems: StoredLineItem[];
  shippingLines: StoredShippingLine[];
  discountCode: StoredDiscountCode | null;
  transactions: StoredTransaction[];
  /** A financialStatus given to orderCreate persists until an operation recalculates it. */
  financialStatusOverride: string | null;
  shippingAddress: StoredAddress | null;
  billingAddress: StoredAddress | null;
  fulfillmentOrderIds: string[];
  fulfillmentIds: string[];
  refundIds: string[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function lineSubtotal(line: StoredLineItem): Cents {
  return line.priceCents * line.quantity - line.discountCents;
}

export function orderTotals(order: StoredOrder) {
  const lineItems = sum(order.lineItems.map((l) => l.priceCents * l.quantity));
  const discounts = sum(order.lineItems.map((l) => l.discountCents)) + sum(order.shippingLines.map((s) => s.discountCents));
  const subtotal = sum(order.lineItems.map(lineSubtotal));
  const shipping = sum(order.shippingLines.map((s) => s.priceCents));
  const tax = sum([...order.lineItems, ...order.shippingLines].flatMap((x) => x.taxLines.map((t) => t.priceCents)));
  const shippingAfterDiscounts = shipping - sum(order.shippingLines.map((s) => s.discountCents));
  const total = subtotal + shippingAfterDiscounts + (order.taxesIncluded ? 0 : tax);
  return { lineItems, discounts, subtotal, shipping, tax, total };
}

const successful = (order: StoredOrder, kinds: string[]) =>
  sum(order.transactions.filter((t) => t.status === "SUCCESS" && kinds.includes(t.kind)).map((t) => t.amountCents));

export function moneyReceived(order: StoredOrder): Cents {
  return successful(order, ["SALE", "CAPTURE"]);
}

export function moneyRefunded(order: StoredOrder): Cents {
  return successful(order, ["REFUND"]);
}

/** displayFinancialStatus, derived from the transactions unless orderCreate was told otherwise. */
export function financialStatus(order: StoredOrder): string {
  if (order.financialStatusOverride) return order.financialStatusOverride;
  const received = moneyReceived(order);
  const refunded = moneyRefunded(order);
  if (refunded > 0) return refunded >= received ? "REFUNDED" : "PARTIALLY_REFUNDED";
  const total = orderTotals(order).total;
  if (received >= total) return "PAID";
  if (received > 0) return "PARTIALLY_PAID";
  if (successful(order, ["AUTHORIZATION"]) > 0) return "AUTHORIZED";
  return "PENDING";
}
