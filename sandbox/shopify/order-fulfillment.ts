// Fulfilling orders: holds on fulfillment orders (up to 10 per app, unique handles), fulfillments that ship
// some or all remaining units (committed and on_hand go down), and tracking updates.
import type { StoredFulfillment, StoredFulfillmentOrder, StoredHold, StoredOrder } from "./order-model";
import { shipUnits } from "./order-inventory";
import type { ShopifyStore } from "./store";

export interface Refusal {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export interface TrackingInput {
  company?: string | null;
  number?: string | null;
  numbers?: string[] | null;
  url?: string | null;
  urls?: string[] | null;
}

export interface FulfilRequest {
  fulfillmentOrderId: string;
  /** Blank: every remaining unit of the fulfillment order. */
  lines?: { id: string; quantity: number }[] | null;
}

const MAX_HOLDS_PER_APP = 10;
/** Carriers whose tracking pages Shopify links by itself (a subset of FulfillmentTrackingInfo's list). */
const TRACKING_URLS: Record<string, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
};

export function trackingOf(input: TrackingInput | null | undefined): Pick<StoredFulfillment, "trackingCompany" | "trackingNumbers" | "trackingUrls"> {
  const numbers = input?.number ? [input.number] : (input?.numbers ?? []);
  const given = input?.url ? [input.url] : (input?.urls ?? []);
  const build = input?.company ? TRACKING_URLS[input.company] : undefined;
  return { trackingCompany: input?.company ?? null, trackingNumbers: numbers, trackingUrls: given.length || !build ? given : numbers.map(build) };
}

function reopenStatus(fo: StoredFulfillmentOrder): StoredFulfillmentOrder["status"] {
  return fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity) ? "IN_PROGRESS" : "OPEN";
}

export function placeHold(store: ShopifyStore, fo: StoredFulfillmentOrder, input: Omit<StoredHold, "id" | "heldByApp">): { hold: StoredHold } | { errors: Refusal[] } {
  if (fo.status === "CLOSED" || fo.status === "CANCELLED") return { errors: [{ field: ["id"], message: `Fulfillment order ${fo.id} has an unholdable status= ${fo.status.toLowerCase()}.`, code: null }] };
  if (input.handle.length > 64) return { errors: [{ field: ["fulfillmentHold", "handle"], message: "Handle is too long (maximum is 64 characters).", code: null }] };
  const own = fo.holds.filter((h) => h.heldByApp);
  if (own.some((h) => h.handle === input.handle)) {
    return { errors: [{ field: ["fulfillmentHold", "handle"], message: "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }] };
  }
  if (own.length >= MAX_HOLDS_PER_APP) {
    return { errors: [{ field: ["id"], message: "The maximum number of fulfillment holds for this fulfillment order has been reached for this app. An app can only have up to 10 holds on a single fulfillment order at any one time.", code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED" }] };
  }
  const hold: StoredHold = { ...input, id: store.nextId("FulfillmentHold"), heldByApp: true };
  fo.holds.push(hold);
  fo.status = "ON_HOLD";
  fo.updatedAt = store.timestamp();
  return { hold };
}

/** Releases the given holds of this fulfillment order (all of them when none are named); without holds it reopens. */
export function releaseHolds(store: ShopifyStore, fo: StoredFulfillmentOrder, holdIds: string[] | null | undefined): void {
  fo.holds = holdIds ? fo.holds.filter((h) => !holdIds.includes(h.id)) : [];
  if (fo.status === "ON_HOLD" && fo.holds.length === 0) fo.status = reopenStatus(fo);
  fo.updatedAt = store.timestamp();
}

type Picked = { fo: StoredFulfillmentOrder; line: StoredFulfillmentOrder["lineItems"][number]; quantity: number };

/** What each requested fulfillment order ships, or why it cannot (held, closed, more than remains). */
function pickUnits(store: ShopifyStore, requests: FulfilRequest[]): { picked: Picked[]; order: StoredOrder } | { errors: Refusal[] } {
  const picked: Picked[] = [];
  const orders = new Set<string>();
  for (const [i, request] of requests.entries()) {
    const field = ["fulfillment", "lineItemsByFulfillmentOrder", String(i)];
    const fo = store.orders.fulfillmentOrders.get(request.fulfillmentOrderId);
    if (!fo) return { errors: [{ field: [...field, "fulfillmentOrderId"], message: `Fulfillment order ${request.fulfillmentOrderId} does not exist.` }] };
    orders.add(fo.orderId);
    if (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS") return { errors: [{ field: [...field, "fulfillmentOrderId"], message: `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.` }] };
    const wanted = request.lines?.length ? request.lines : fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const w of wanted) {
      const line = fo.lineItems.find((l) => l.id === w.id);
      if (!line) return { errors: [{ field: [...field, "fulfillmentOrderLineItems"], message: `Fulfillment order line item ${w.id} does not belong to fulfillment order ${fo.id}.` }] };
      if (w.quantity <= 0 || w.quantity > line.remainingQuantity) return { errors: [{ field: [...field, "fulfillmentOrderLineItems"], message: "Invalid fulfillment order line item quantity requested." }] };
      picked.push({ fo, line, quantity: w.quantity });
    }
  }
  if (orders.size > 1) return { errors: [{ field: ["fulfillment", "lineItemsByFulfillmentOrder"], message: "All fulfillment orders must belong to the same order." }] };
  if (picked.length === 0) return { errors: [{ field: ["fulfillment", "lineItemsByFulfillmentOrder"], message: "Invalid fulfillment order line item quantity requested." }] };
  return { picked, order: store.orders.orders.get([...orders][0]!)! };
}

export function createFulfillment(store: ShopifyStore, requests: FulfilRequest[], tracking: TrackingInput | null | undefined, notifyCustomer: boolean): { fulfillment: StoredFulfillment } | { errors: Refusal[] } {
  const result = pickUnits(store, requests);
  if ("errors" in result) return result;
  const { picked, order } = result;
  const book = store.orders;
  const now = store.timestamp();
  for (const { fo, line, quantity } of picked) {
    line.remainingQuantity -= quantity;
    const orderLine = book.lineItem(line.lineItemId)!;
    if (orderLine.claimedLocationId) shipUnits(store, orderLine.inventoryItemId!, orderLine.claimedLocationId, quantity);
    fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
    fo.updatedAt = now;
  }
  const fulfillment: StoredFulfillment = {
    id: store.nextId("Fulfillment"),
    orderId: order.id,
    name: `${order.name}.${order.fulfillmentIds.length + 1}`,
    status: "SUCCESS",
    locationId: picked[0]!.fo.locationId,
    ...trackingOf(tracking),
    lineItems: picked.map((p) => ({ id: store.nextId("FulfillmentLineItem"), lineItemId: p.line.lineItemId, fulfillmentOrderId: p.fo.id, quantity: p.quantity })),
    notifyCustomer,
    createdAt: now,
    updatedAt: now,
  };
  book.fulfillments.set(fulfillment.id, fulfillment);
  order.fulfillmentIds.push(fulfillment.id);
  book.touch(order, { kind: "fulfillment/create", fulfillmentId: fulfillment.id }, { kind: "order/update", orderId: order.id });
  return { fulfillment };
}

export function updateTracking(store: ShopifyStore, fulfillment: StoredFulfillment, tracking: TrackingInput, notifyCustomer: boolean): void {
  Object.assign(fulfillment, trackingOf(tracking));
  if (notifyCustomer) fulfillment.notifyCustomer = true;
  fulfillment.updatedAt = store.timestamp();
  store.announce({ kind: "fulfillment/update", fulfillmentId: fulfillment.id });
}
