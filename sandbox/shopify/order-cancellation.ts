// Cancelling an order: refused when already cancelled; the unfulfilled units leave their fulfillment orders
// (committed units back to available with restock, written off without), the money received can be refunded,
// and the order closes. orderCancel runs it as an asynchronous job; the merchant's admin runs it at once.
import { randomUUID } from "node:crypto";
import { moneyReceived, moneyRefunded, type StoredOrder } from "./order-model";
import { dropUnits, releaseUnits } from "./order-inventory";
import type { Refusal } from "./order-fulfillment";
import { createRefund } from "./order-refunds";
import type { StoredJob } from "./store-orders";
import type { ShopifyStore } from "./store";

export interface CancelRequest {
  reason: string;
  restock: boolean;
  refund: boolean;
  staffNote: string | null;
}

export function cancellationErrors(order: StoredOrder, request: CancelRequest): (Refusal & { code: string })[] {
  if (order.cancelledAt) return [{ field: ["orderId"], message: "Order has already been cancelled.", code: "INVALID" }];
  if (request.staffNote && request.staffNote.length > 255) return [{ field: ["staffNote"], message: "Staff note is too long (maximum is 255 characters).", code: "INVALID" }];
  return [];
}

function closeFulfillmentOrders(store: ShopifyStore, order: StoredOrder, restock: boolean): void {
  for (const fo of store.orders.fulfillmentOrdersOf(order)) {
    for (const foLine of fo.lineItems) {
      const line = order.lineItems.find((l) => l.id === foLine.lineItemId)!;
      if (line.claimedLocationId && foLine.remainingQuantity > 0) {
        (restock ? releaseUnits : dropUnits)(store, line.inventoryItemId!, line.claimedLocationId, foLine.remainingQuantity);
      }
      foLine.remainingQuantity = 0;
    }
    fo.holds = [];
    fo.status = "CLOSED";
    fo.updatedAt = store.timestamp();
  }
}

/** Refunds what was received and not yet refunded, through the gateway that took it. */
function refundReceived(store: ShopifyStore, order: StoredOrder): void {
  const due = moneyReceived(order) - moneyRefunded(order);
  const sale = order.transactions.find((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"));
  if (due <= 0 || !sale) return;
  createRefund(store, order, {
    lines: [], shippingCents: 0, note: null, allowOverRefunding: false,
    transactions: [{ orderId: order.id, gateway: sale.gateway ?? "manual", kind: "REFUND", amountCents: due, parentId: sale.id }],
  });
}

export function cancelOrder(store: ShopifyStore, order: StoredOrder, request: CancelRequest): void {
  closeFulfillmentOrders(store, order, request.restock);
  order.cancelledAt = store.timestamp();
  order.cancelReason = request.reason;
  if (request.refund) refundReceived(store, order);
  store.orders.touch(order, { kind: "order/cancel", orderId: order.id }, { kind: "order/update", orderId: order.id });
}

/** orderCancel: the job is queued now and cancels shortly after (re-checking, as the order may have changed). */
export function scheduleCancellation(store: ShopifyStore, order: StoredOrder, request: CancelRequest): StoredJob {
  const job: StoredJob = { id: `gid://shopify/Job/${randomUUID()}`, done: false, status: "STARTED", orderId: order.id, errors: [] };
  store.orders.schedule(job, (j) => {
    const errors = cancellationErrors(order, request);
    if (errors.length) {
      j.errors = errors;
      j.status = "FAILED";
      return;
    }
    cancelOrder(store, order, request);
    j.status = "SUCCEEDED";
  });
  return job;
}
