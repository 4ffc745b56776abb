// Placing an order (orderCreate, a webstore checkout): route each line to a location, commit inventory as the
// inventory behaviour says, and open one fulfillment order per location holding lines — all or nothing.
import type { ShopifyStore } from "./store";
import type { InventoryBehaviour, StoredFulfillmentOrder, StoredLineItem, StoredOrder, StoredShippingLine, StoredTransaction } from "./order-model";
import { commitUnits, routeLine, type Routing } from "./order-inventory";

export type LineDraft = Omit<StoredLineItem, "id" | "claimedLocationId" | "refundedQuantity">;
export type TransactionDraft = Omit<StoredTransaction, "id" | "createdAt" | "processedAt"> & { processedAt: string | null };
export type OrderFields = Omit<StoredOrder, "id" | "number" | "name" | "createdAt" | "updatedAt" | "cancelledAt" | "cancelReason" | "closedAt" | "lineItems" | "shippingLines" | "transactions" | "fulfillmentOrderIds" | "fulfillmentIds" | "refundIds">;

export interface OrderDraft {
  fields: OrderFields;
  name: string | null;
  lineItems: LineDraft[];
  shippingLines: Omit<StoredShippingLine, "id">[];
  transactions: TransactionDraft[];
  metafields: { namespace: string; key: string; type: string; value: string }[];
}

export type Placement = { order: StoredOrder } | { claimFailed: number };

/** Routes every line first; a line that cannot be routed (policy obeyed, not enough stock) places nothing. */
function routeAll(store: ShopifyStore, lines: LineDraft[], behaviour: InventoryBehaviour): Routing[] | { claimFailed: number } {
  const routes: Routing[] = [];
  for (const [i, line] of lines.entries()) {
    const route = routeLine(store, line.variantId, line.quantity, behaviour);
    if (!route) return { claimFailed: i };
    routes.push(route);
  }
  return routes;
}

function openFulfillmentOrders(store: ShopifyStore, orderId: string, lines: StoredLineItem[], routes: Routing[], now: string): StoredFulfillmentOrder[] {
  const byLocation = new Map<string, StoredFulfillmentOrder>();
  lines.forEach((line, i) => {
    const locationId = routes[i]!.locationId;
    let fo = byLocation.get(locationId);
    if (!fo) byLocation.set(locationId, (fo = { id: store.nextId("FulfillmentOrder"), orderId, locationId, status: "OPEN", lineItems: [], holds: [], createdAt: now, updatedAt: now }));
    fo.lineItems.push({ id: store.nextId("FulfillmentOrderLineItem"), lineItemId: line.id, totalQuantity: line.quantity, remainingQuantity: line.quantity });
  });
  return [...byLocation.values()];
}

export function placeOrder(store: ShopifyStore, draft: OrderDraft): Placement {
  const routes = routeAll(store, draft.lineItems, draft.fields.inventoryBehaviour);
  if (!Array.isArray(routes)) return routes;
  const book = store.orders;
  const now = store.timestamp();
  const id = store.nextId("Order");
  const number = book.nextNumber();
  const lineItems: StoredLineItem[] = draft.lineItems.map((line, i) => ({
    ...line,
    id: store.nextId("LineItem"),
    claimedLocationId: routes[i]!.claim ? routes[i]!.locationId : null,
    refundedQuantity: 0,
  }));
  const fulfillmentOrders = openFulfillmentOrders(store, id, lineItems, routes, now);
  const order: StoredOrder = {
    ...draft.fields,
    id,
    number,
    name: draft.name ?? `#${number}`,
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    lineItems,
    shippingLines: draft.shippingLines.map((s) => ({ ...s, id: store.nextId("ShippingLine") })),
    transactions: draft.transactions.map((t) => ({ ...t, id: store.nextId("OrderTransaction"), createdAt: now, processedAt: t.processedAt ?? draft.fields.processedAt })),
    fulfillmentOrderIds: fulfillmentOrders.map((fo) => fo.id),
    fulfillmentIds: [],
    refundIds: [],
  };
  for (const line of lineItems) if (line.claimedLocationId) commitUnits(store, line.inventoryItemId!, line.claimedLocationId, line.quantity);
  book.add(order, fulfillmentOrders);
  for (const m of draft.metafields) store.setMetafield({ ownerId: id, ...m });
  book.closeIfDone(order, now);
  store.announce({ kind: "order/create", orderId: id });
  return { order };
}
