import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import { cancelReason } from "./cancel-reasons";
import type { Cancellation, Order, ReturnRecord } from "./model";
import { orderFor, paged, sortByTime } from "./order-access";
import { setOrderStatus } from "./order-lifecycle";
import { asObject, optionalString, stringArray } from "./request-fields";
import type { Simulator } from "./simulator";

/** Cancellations and returns (§7, category return_refund). Webhooks: type 11 (cancellation), 12 (return), 1 (order). */
const REMORSE_SECONDS = 3_600;
const SHIPPED = new Set(["PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED"]);

/** Legacy-flow orders (no ON_HOLD) keep the buyer's 1-hour remorse window after payment (orders-and-money §A). */
function inRemorseWindow(sim: Simulator, order: Order): boolean {
  const paidOrder = !order.is_on_hold_order && !order.is_sample_order && !order.is_replacement_order;
  return paidOrder && order.paid_time !== null && sim.nowSeconds() < order.paid_time + REMORSE_SECONDS;
}

function assertCancellable(order: Order): void {
  if (order.status === "CANCELLED" || order.status === "COMPLETED") throw businessError(25001051, `The order is ${order.status} and cannot be cancelled.`);
  if (SHIPPED.has(order.status)) throw businessError(25001045, `The order has already been shipped (${order.status}).`);
  if (order.is_buyer_request_cancel) throw businessError(25001011, "A cancellation of this order is already in process.");
}

function refundOf(order: Order): Record<string, string> {
  const p = order.payment;
  return { currency: p.currency!, refund_total: p.total_amount!, refund_subtotal: p.sub_total!, refund_shipping_fee: p.shipping_fee!, refund_tax: p.tax!, retail_delivery_fee: p.retail_delivery_fee ?? "0.00" };
}

function cancelNow(sim: Simulator, order: Order, role: string, reasonText: string): void {
  Object.assign(order, { cancel_reason: reasonText, cancellation_initiator: role, cancel_time: sim.nowSeconds(), is_buyer_request_cancel: false });
  setOrderStatus(sim, order, "CANCELLED");
}

/**
 * Seller or buyer cancellation. Sellers cancel at once; buyers cancel at once before AWAITING_SHIPMENT (and inside a
 * legacy order's remorse hour), later they ask and the seller approves or rejects. Emits types 11 and 1.
 */
export function createCancellation(sim: Simulator, order: Order, role: "SELLER" | "BUYER", reasonName: string): Cancellation {
  assertCancellable(order);
  const reason = cancelReason(sim.shopOrThrow(order.shopId).region, role, order.status, reasonName);
  const now = sim.nowSeconds();
  const immediate = role === "SELLER" || order.status !== "AWAITING_SHIPMENT" || inRemorseWindow(sim, order);
  const c: Cancellation = {
    cancel_id: sim.ids.next("cancellation"), order_id: order.id, shopId: order.shopId,
    cancel_status: immediate ? "CANCELLATION_REQUEST_COMPLETE" : "CANCELLATION_REQUEST_PENDING",
    cancel_type: role === "SELLER" ? "CANCEL" : "BUYER_CANCEL", role, cancel_reason: reason.name, cancel_reason_text: reason.text,
    cancel_line_items: order.line_items.map((li) => ({ order_line_item_id: li.id, sku_id: li.sku_id, seller_sku: li.seller_sku })),
    refund_amount: refundOf(order), create_time: now, update_time: now,
  };
  sim.state.cancellations.set(c.cancel_id, c);
  sim.webhooks.emit(11, order.shopId, { order_id: order.id, cancellations_role: role, cancel_status: c.cancel_status, cancel_id: c.cancel_id, create_time: now });
  if (immediate) cancelNow(sim, order, role, reason.text);
  else Object.assign(order, { is_buyer_request_cancel: true, request_cancel_time: now, update_time: now });
  return c;
}

export function createReturn(sim: Simulator, order: Order, type: ReturnRecord["return_type"], reason: string): ReturnRecord {
  if (!["IN_TRANSIT", "DELIVERED"].includes(order.status)) throw businessError(12052901, `A return cannot be requested while the order is ${order.status}.`);
  const now = sim.nowSeconds();
  const r: ReturnRecord = {
    return_id: sim.ids.next("return"), order_id: order.id, shopId: order.shopId, return_type: type, return_status: "RETURN_OR_REFUND_REQUEST_PENDING",
    return_reason: reason, role: "BUYER",
    return_line_items: order.line_items.map((li) => ({ order_line_item_id: li.id, sku_id: li.sku_id, seller_sku: li.seller_sku })),
    refund_amount: refundOf(order), create_time: now, update_time: now,
  };
  sim.state.returns.set(r.return_id, r);
  emitReturn(sim, r);
  return r;
}

function emitReturn(sim: Simulator, r: ReturnRecord): void {
  sim.webhooks.emit(12, r.shopId, { order_id: r.order_id, return_role: r.role, return_type: r.return_type, return_status: r.return_status, return_id: r.return_id, create_time: r.create_time, update_time: r.update_time });
}

function decideCancellation(ctx: ApiContext, approve: boolean) {
  const c = ctx.sim.state.cancellations.get(ctx.params.cancel_id ?? "");
  if (!c || c.shopId !== requireShop(ctx).id) throw businessError(36009004, "Invalid params: cancellation does not exist.");
  if (c.cancel_status !== "CANCELLATION_REQUEST_PENDING") throw businessError(12052901, `The cancellation is ${c.cancel_status}.`);
  c.cancel_status = approve ? "CANCELLATION_REQUEST_COMPLETE" : "CANCELLATION_REQUEST_CANCEL";
  c.update_time = ctx.sim.nowSeconds();
  const order = ctx.sim.state.orders.get(c.order_id)!;
  order.is_buyer_request_cancel = false;
  ctx.sim.webhooks.emit(11, c.shopId, { order_id: c.order_id, cancellations_role: "SELLER", cancel_status: c.cancel_status, cancel_id: c.cancel_id, create_time: c.create_time });
  if (approve) cancelNow(ctx.sim, order, "BUYER", c.cancel_reason_text);
  return {};
}

function decideReturn(ctx: ApiContext, approve: boolean) {
  const r = ctx.sim.state.returns.get(ctx.params.return_id ?? "");
  if (!r || r.shopId !== requireShop(ctx).id) throw businessError(36009004, "Invalid params: return does not exist.");
  if (r.return_status !== "RETURN_OR_REFUND_REQUEST_PENDING") throw businessError(12052901, `The return is ${r.return_status}.`);
  r.return_status = approve ? (r.return_type === "REFUND" ? "RETURN_OR_REFUND_REQUEST_COMPLETE" : "AWAITING_BUYER_SHIP") : "REFUND_OR_RETURN_REQUEST_REJECT";
  r.update_time = ctx.sim.nowSeconds();
  emitReturn(ctx.sim, r);
  return {};
}

function searchCancellations(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const body = asObject(ctx.body);
  const orderIds = stringArray(body, "order_ids");
  const cancelIds = stringArray(body, "cancel_ids");
  const statuses = stringArray(body, "cancel_status");
  const types = stringArray(body, "cancel_types");
  const all = [...ctx.sim.state.cancellations.values()].filter((c) => c.shopId === shop.id && (!orderIds || orderIds.includes(c.order_id)) &&
    (!cancelIds || cancelIds.includes(c.cancel_id)) && (!statuses || statuses.includes(c.cancel_status)) && (!types || types.includes(c.cancel_type)));
  const { page, next, total } = paged(ctx, sortByTime(ctx, all));
  return { cancellations: page.map(({ shopId: _s, ...c }) => c), next_page_token: next, total_count: total };
}

function searchReturns(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const body = asObject(ctx.body);
  const orderIds = stringArray(body, "order_ids");
  const returnIds = stringArray(body, "return_ids");
  const statuses = stringArray(body, "return_status");
  const types = stringArray(body, "return_types");
  const all = [...ctx.sim.state.returns.values()].filter((r) => r.shopId === shop.id && (!orderIds || orderIds.includes(r.order_id)) &&
    (!returnIds || returnIds.includes(r.return_id)) && (!statuses || statuses.includes(r.return_status)) && (!types || types.includes(r.return_type)));
  const { page, next, total } = paged(ctx, sortByTime(ctx, all));
  return { return_orders: page.map(({ shopId: _s, ...r }) => r), next_page_token: next, total_count: total };
}

function sellerCancel(ctx: ApiContext) {
  const body = asObject(ctx.body);
  const order = orderFor(ctx, optionalString(body, "order_id"));
  const reason = optionalString(body, "cancel_reason");
  if (!reason) throw businessError(25001001, "An invalid request parameter was passed: cancel_reason is required.");
  const c = createCancellation(ctx.sim, order, "SELLER", reason);
  return { cancel_id: c.cancel_id, cancel_status: c.cancel_status };
}

export const reverseRoutes: ApiRoute[] = [
  { method: "POST", template: "/return_refund/202309/cancellations/search", shopScoped: true, scope: "seller.return_refund.basic", handle: searchCancellations },
  { method: "POST", template: "/return_refund/202309/cancellations", shopScoped: true, scope: "seller.return_refund.basic", handle: sellerCancel },
  { method: "POST", template: "/return_refund/202309/cancellations/{cancel_id}/approve", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideCancellation(ctx, true) },
  { method: "POST", template: "/return_refund/202309/cancellations/{cancel_id}/reject", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideCancellation(ctx, false) },
  { method: "POST", template: "/return_refund/202309/returns/search", shopScoped: true, scope: "seller.return_refund.basic", handle: searchReturns },
  { method: "POST", template: "/return_refund/202309/returns/{return_id}/approve", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideReturn(ctx, true) },
  { method: "POST", template: "/return_refund/202309/returns/{return_id}/reject", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideReturn(ctx, false) },
];
