// Refunds: line items taken back (unfulfilled units leave their fulfillment orders; CANCEL puts committed units
// back to available, RETURN restocks shipped ones, NO_RESTOCK writes them off) and money paid back as REFUND
// transactions, never more than was received unless over-refunding is allowed.
import type { Cents } from "./money";
import { moneyReceived, moneyRefunded, type RestockType, type StoredLineItem, type StoredOrder, type StoredRefund } from "./order-model";
import { dropUnits, releaseUnits, restockReturned } from "./order-inventory";
import type { Refusal } from "./order-fulfillment";
import type { ShopifyStore } from "./store";

export interface RefundLineRequest {
  lineItemId: string;
  quantity: number;
  restockType: RestockType | "LEGACY_RESTOCK";
  locationId: string | null;
}

export interface RefundRequest {
  lines: RefundLineRequest[];
  transactions: { orderId: string; gateway: string; kind: string; amountCents: Cents; parentId: string | null }[];
  shippingCents: Cents;
  note: string | null;
  allowOverRefunding: boolean;
}

function lineErrors(store: ShopifyStore, order: StoredOrder, r: RefundLineRequest, field: string[]): Refusal[] {
  const line = order.lineItems.find((l) => l.id === r.lineItemId);
  if (!line) return [{ field: [...field, "lineItemId"], message: `Line item ${r.lineItemId} does not belong to order ${order.id}.` }];
  if (r.restockType === "LEGACY_RESTOCK") return [{ field: [...field, "restockType"], message: "Restock type LEGACY_RESTOCK is not accepted when creating new refunds." }];
  if (r.quantity < 1 || r.quantity > line.quantity - line.refundedQuantity) return [{ field: [...field, "quantity"], message: "Quantity cannot refund more items than were purchased." }];
  const book = store.orders;
  if (r.restockType === "CANCEL" && r.quantity > book.unfulfilledQuantity(line)) return [{ field: [...field, "restockType"], message: "Cannot cancel more items than are unfulfilled; use RETURN for fulfilled items." }];
  if (r.restockType === "RETURN" && r.quantity > book.fulfilledQuantity(line)) return [{ field: [...field, "restockType"], message: "Cannot return more items than were fulfilled; use CANCEL for unfulfilled items." }];
  if (r.locationId && !store.locations.has(r.locationId)) return [{ field: [...field, "locationId"], message: `Location ${r.locationId} does not exist.` }];
  return [];
}

export function refundErrors(store: ShopifyStore, order: StoredOrder, request: RefundRequest): Refusal[] {
  const errors = request.lines.flatMap((r, i) => lineErrors(store, order, r, ["input", "refundLineItems", String(i)]));
  request.transactions.forEach((t, i) => {
    const field = ["input", "transactions", String(i)];
    if (t.kind !== "REFUND") errors.push({ field: [...field, "kind"], message: "Refund transactions must be of kind REFUND." });
    if (t.orderId !== order.id) errors.push({ field: [...field, "orderId"], message: "The transaction's order must be the refunded order." });
    if (t.amountCents <= 0) errors.push({ field: [...field, "amount"], message: "Amount must be greater than 0." });
    if (t.parentId && !order.transactions.some((x) => x.id === t.parentId)) errors.push({ field: [...field, "parentId"], message: `Transaction ${t.parentId} does not belong to the order.` });
  });
  const refunding = request.transactions.reduce((n, t) => n + t.amountCents, 0);
  const available = moneyReceived(order) - moneyRefunded(order);
  if (!request.allowOverRefunding && refunding > available) {
    errors.push({ field: ["input", "transactions"], message: `Refund amount $${(refunding / 100).toFixed(2)} is greater than net payment received $${(available / 100).toFixed(2)}.` });
  }
  return errors;
}

/** Takes unfulfilled units off the line's fulfillment orders; their committed units go back or are written off. */
function removeUnfulfilled(store: ShopifyStore, order: StoredOrder, line: StoredLineItem, quantity: number, restock: boolean): void {
  let left = quantity;
  for (const fo of store.orders.fulfillmentOrdersOf(order)) {
    for (const foLine of fo.lineItems.filter((l) => l.lineItemId === line.id && l.remainingQuantity > 0)) {
      const take = Math.min(left, foLine.remainingQuantity);
      foLine.remainingQuantity -= take;
      left -= take;
    }
    if (fo.lineItems.every((l) => l.remainingQuantity === 0) && fo.status !== "CLOSED") fo.status = "CLOSED";
  }
  const units = quantity - left;
  if (line.claimedLocationId && units > 0) (restock ? releaseUnits : dropUnits)(store, line.inventoryItemId!, line.claimedLocationId, units);
}

function applyLine(store: ShopifyStore, order: StoredOrder, r: RefundLineRequest): StoredRefund["lineItems"][number] {
  const line = order.lineItems.find((l) => l.id === r.lineItemId)!;
  line.refundedQuantity += r.quantity;
  if (r.restockType === "RETURN") {
    const locationId = r.locationId ?? line.claimedLocationId;
    if (locationId && line.inventoryItemId && store.inventoryItems.get(line.inventoryItemId)?.levels.has(locationId)) restockReturned(store, line.inventoryItemId, locationId, r.quantity);
  } else {
    removeUnfulfilled(store, order, line, Math.min(r.quantity, store.orders.unfulfilledQuantity(line)), r.restockType === "CANCEL");
  }
  const unit = (line.priceCents * line.quantity - line.discountCents) / line.quantity;
  const tax = line.taxLines.reduce((n, t) => n + t.priceCents, 0) / line.quantity;
  return {
    id: store.nextId("RefundLineItem"),
    lineItemId: line.id,
    quantity: r.quantity,
    restockType: r.restockType as RestockType,
    locationId: r.restockType === "NO_RESTOCK" ? null : (r.locationId ?? line.claimedLocationId),
    subtotalCents: Math.round(unit * r.quantity),
    taxCents: Math.round(tax * r.quantity),
  };
}

export function createRefund(store: ShopifyStore, order: StoredOrder, request: RefundRequest): StoredRefund {
  const now = store.timestamp();
  const lineItems = request.lines.map((r) => applyLine(store, order, r));
  const transactions = request.transactions.map((t) => ({
    id: store.nextId("OrderTransaction"), kind: "REFUND", status: "SUCCESS", gateway: t.gateway, amountCents: t.amountCents,
    parentId: t.parentId, test: order.test, createdAt: now, processedAt: now,
  }));
  order.transactions.push(...transactions);
  order.financialStatusOverride = null;
  const refund: StoredRefund = {
    id: store.nextId("Refund"), orderId: order.id, note: request.note, lineItems, shippingCents: request.shippingCents,
    transactionIds: transactions.map((t) => t.id), createdAt: now, processedAt: now,
  };
  store.orders.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  store.orders.touch(order, { kind: "refund/create", refundId: refund.id }, { kind: "order/update", orderId: order.id });
  return refund;
}
