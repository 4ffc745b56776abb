import { businessError } from "./api-error";
import type { Order, OrderStatus } from "./model";
import { releaseStock } from "./order-stock";
import { SHIPPING_PROVIDERS } from "./seed-data";
import type { Simulator } from "./simulator";

/**
 * Order status flow (§7, orders-and-money §A). Two flows coexist:
 *   hold (default):  UNPAID → ON_HOLD → (onHoldSeconds of simulator clock, default 1 h) → AWAITING_SHIPMENT
 *   legacy / sample: UNPAID → AWAITING_SHIPMENT (is_on_hold_order false)
 * then AWAITING_SHIPMENT → [AWAITING_COLLECTION] → IN_TRANSIT → DELIVERED → COMPLETED, or CANCELLED.
 * Every change is pushed as webhook type 1.
 */
export const DEFAULT_PAY_MS = 1_000;
export const DEFAULT_ON_HOLD_SECONDS = 3_600;

const NEXT: Partial<Record<OrderStatus, OrderStatus>> = {
  AWAITING_SHIPMENT: "IN_TRANSIT",
  AWAITING_COLLECTION: "IN_TRANSIT",
  PARTIALLY_SHIPPING: "IN_TRANSIT",
  IN_TRANSIT: "DELIVERED",
  DELIVERED: "COMPLETED",
};

export function emitStatus(sim: Simulator, order: Order): void {
  sim.webhooks.emit(1, order.shopId, {
    order_id: order.id, order_status: order.status, is_on_hold_order: order.is_on_hold_order, update_time: order.update_time,
  });
}

export function setOrderStatus(sim: Simulator, order: Order, status: OrderStatus): void {
  const now = sim.nowSeconds();
  if (order.status === "UNPAID" && status !== "CANCELLED") order.paid_time = now;
  order.status = status;
  order.update_time = now;
  if (status === "DELIVERED") order.delivery_time = now;
  if (status === "COMPLETED") order.completedAt = now;
  for (const li of order.line_items) li.display_status = status;
  if (status === "CANCELLED") releaseStock(sim, order, true);
  if (status === "IN_TRANSIT") releaseStock(sim, order, false);
  emitStatus(sim, order);
}

/** The buyer pays `payMs` (simulator clock) after placing the order. */
export function schedulePayment(sim: Simulator, order: Order): void {
  const payAtMs = sim.nowMs() + (sim.options.orderDelaysMs?.payMs ?? DEFAULT_PAY_MS);
  sim.scheduler.at(payAtMs, () => {
    if (order.status === "UNPAID") payOrder(sim, order, payAtMs);
  });
}

/**
 * UNPAID → ON_HOLD (hold flow) or → AWAITING_SHIPMENT (legacy flow, samples). The hold ends `onHoldSeconds` after the
 * payment's own time, so one clock jump past both ends the hold too.
 */
function payOrder(sim: Simulator, order: Order, paidAtMs: number): void {
  setOrderStatus(sim, order, order.is_on_hold_order ? "ON_HOLD" : "AWAITING_SHIPMENT");
  order.paid_time = Math.floor(paidAtMs / 1000);
  if (!order.is_on_hold_order) return;
  sim.scheduler.at(paidAtMs + order.onHoldSeconds * 1000, () => {
    if (order.status === "ON_HOLD") setOrderStatus(sim, order, "AWAITING_SHIPMENT");
  });
}

/** TikTok ships FBT orders and TikTok-shipping packages: the carrier and tracking number are TikTok's. */
function assignTikTokTracking(sim: Simulator, order: Order, region: string): void {
  if (order.tracking_number !== "" || (order.fulfillment_type === "FULFILLMENT_BY_SELLER" && order.shipping_type === "SELLER")) return;
  const provider = (SHIPPING_PROVIDERS[region] ?? [])[0];
  if (!provider) return;
  const now = sim.nowSeconds();
  const tracking = `TT${String(Math.floor(sim.random.next() * 1e12)).padStart(12, "0")}${order.id.slice(-6)}`;
  Object.assign(order, { tracking_number: tracking, shipping_provider: provider.name, shipping_provider_id: provider.id, shipped_time: now });
  for (const li of order.line_items) {
    Object.assign(li, { tracking_number: tracking, shipping_provider_name: provider.name, shipping_provider_id: provider.id, shipped_time: now });
  }
}

/** Admin "advance": the next step of the order's own flow (ending a hold early, shipping on TikTok's side, …). */
export function advanceOrder(sim: Simulator, order: Order): OrderStatus {
  if (order.status === "UNPAID") {
    payOrder(sim, order, sim.nowMs());
    return order.status;
  }
  const next = order.status === "ON_HOLD" ? "AWAITING_SHIPMENT" : NEXT[order.status];
  if (!next) throw businessError(12052901, `Order ${order.id} in status ${order.status} cannot advance.`);
  if (next === "IN_TRANSIT") {
    for (const li of order.line_items) li.package_status = "PROCESSING";
    order.shipped_time ??= sim.nowSeconds();
    assignTikTokTracking(sim, order, sim.shopOrThrow(order.shopId).region);
  }
  setOrderStatus(sim, order, next);
  return next;
}
