import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import type { Cancellation, Order, ReturnRecord } from "./model";
import { setOrderStatus } from "./order-lifecycle";
import { asObject, decodePageToken, encodePageToken, optionalInt, optionalString, pageSize, stringArray } from "./request-fields";
import { SHIPPING_PROVIDERS } from "./seed-data";
import type { Simulator } from "./simulator";

export function orderView(o: Order) {
  const { shopId: _shop, stockReleased: _released, shipped_time: _shipped, ...wire } = o;
  return {
    ...wire,
    fulfillment_type: "FULFILLMENT_BY_SELLER", delivery_type: "HOME_DELIVERY", is_on_hold_order: o.status === "ON_HOLD", is_cod: false,
    order_type: "NORMAL", rts_sla_time: o.create_time + 3 * 86_400, tts_sla_time: o.create_time + 5 * 86_400,
    line_items: o.line_items.map(({ warehouse_id: _w, shipped_time: _s, shipping_provider_id: _p, ...li }) => li),
  };
}

function orderFor(ctx: ApiContext, id: string | undefined): Order {
  const order = ctx.sim.state.orders.get(id ?? "");
  if (!order || order.shopId !== requireShop(ctx).id) throw businessError(36009004, `Invalid params: order ${id} does not exist in this shop.`);
  return order;
}

function paged<T>(ctx: ApiContext, all: T[]) {
  const size = pageSize(ctx.query);
  const offset = decodePageToken(ctx.query.get("page_token"));
  return { page: all.slice(offset, offset + size), next: offset + size < all.length ? encodePageToken(offset + size) : "", total: all.length };
}

function sortByTime<T extends { create_time: number; update_time: number }>(ctx: ApiContext, list: T[]): T[] {
  const field = ctx.query.get("sort_field") ?? "create_time";
  const order = ctx.query.get("sort_order") ?? "DESC";
  if (field !== "create_time" && field !== "update_time") throw businessError(36009004, "Invalid params: sort_field must be create_time or update_time.");
  if (order !== "ASC" && order !== "DESC") throw businessError(36009004, "Invalid params: sort_order must be ASC or DESC.");
  const dir = order === "ASC" ? 1 : -1;
  return list.sort((a, b) => dir * (a[field] - b[field]));
}

function searchOrders(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const body = asObject(ctx.body);
  const status = optionalString(body, "order_status");
  const cge = optionalInt(body, "create_time_ge");
  const clt = optionalInt(body, "create_time_lt");
  const uge = optionalInt(body, "update_time_ge");
  const ult = optionalInt(body, "update_time_lt");
  const shippingType = optionalString(body, "shipping_type");
  const buyer = optionalString(body, "buyer_user_id");
  const all = (ctx.sim.state.ordersByShop.get(shop.id) ?? []).map((id) => ctx.sim.state.orders.get(id)!).filter((o) =>
    (!status || o.status === status) && (cge === undefined || o.create_time >= cge) && (clt === undefined || o.create_time < clt) &&
    (uge === undefined || o.update_time >= uge) && (ult === undefined || o.update_time < ult) &&
    (!shippingType || o.shipping_type === shippingType) && (!buyer || o.user_id === buyer) &&
    (body.is_buyer_request_cancel === undefined || o.is_buyer_request_cancel === body.is_buyer_request_cancel));
  const { page, next, total } = paged(ctx, sortByTime(ctx, all));
  return { orders: page.map(orderView), next_page_token: next, total_count: total };
}

function providerName(sim: Simulator, region: string, id: string): string {
  const p = (SHIPPING_PROVIDERS[region] ?? []).find((x) => x.id === id);
  if (!p) throw businessError(36009004, `Invalid params: shipping_provider_id ${id} is not a provider for this shop.`);
  return p.name;
}

function markShipped(sim: Simulator, order: Order, lineIds: string[] | null, tracking: string, providerId: string, region: string): void {
  const name = providerName(sim, region, providerId);
  const now = sim.nowSeconds();
  for (const li of order.line_items) {
    if (lineIds && !lineIds.includes(li.id)) continue;
    li.tracking_number = tracking;
    li.shipping_provider_name = name;
    li.shipping_provider_id = providerId;
    li.package_status = "PROCESSING";
    li.shipped_time = now;
  }
  order.tracking_number = tracking;
  order.shipping_provider = name;
  order.shipping_provider_id = providerId;
  order.shipped_time = now;
  const allShipped = order.line_items.every((li) => li.shipped_time !== null);
  setOrderStatus(sim, order, allShipped ? "IN_TRANSIT" : "PARTIALLY_SHIPPING");
}

const SHIPPABLE = new Set(["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING"]);

function shipPackage(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const orderId = ctx.sim.state.packageToOrder.get(ctx.params.package_id ?? "");
  const order = orderId ? ctx.sim.state.orders.get(orderId) : undefined;
  if (!order || order.shopId !== shop.id) throw businessError(36009004, "Invalid params: package does not exist in this shop.");
  if (!SHIPPABLE.has(order.status)) throw businessError(12052901, `The package cannot be shipped while the order is ${order.status}.`);
  const body = asObject(ctx.body);
  if (order.shipping_type === "SELLER") {
    const self = body.self_shipment;
    if (typeof self !== "object" || self === null) throw businessError(36009004, "Invalid params: self_shipment {tracking_number, shipping_provider_id} is required for seller-shipped packages.");
    const s = self as Record<string, unknown>;
    if (typeof s.tracking_number !== "string" || s.tracking_number === "") throw businessError(36009004, "Invalid params: self_shipment.tracking_number is required.");
    markShipped(ctx.sim, order, null, s.tracking_number, String(s.shipping_provider_id ?? ""), shop.region);
  } else {
    const method = optionalString(body, "handover_method");
    if (method !== "PICKUP" && method !== "DROP_OFF") throw businessError(36009004, "Invalid params: handover_method must be PICKUP or DROP_OFF.");
    for (const li of order.line_items) li.package_status = "FULFILLING";
    setOrderStatus(ctx.sim, order, "AWAITING_COLLECTION");
  }
  return {};
}

function markAsShipped(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const order = orderFor(ctx, ctx.params.order_id);
  if (order.shipping_type !== "SELLER") throw businessError(12052901, "Mark as shipped is only for seller-shipped orders.");
  if (!SHIPPABLE.has(order.status)) throw businessError(12052901, `The order cannot be shipped while it is ${order.status}.`);
  const body = asObject(ctx.body);
  const tracking = optionalString(body, "tracking_number");
  const provider = optionalString(body, "shipping_provider_id");
  if (!tracking || !provider) throw businessError(36009004, "Invalid params: tracking_number and shipping_provider_id are required.");
  const lineIds = stringArray(body, "order_line_item_ids") ?? null;
  if (lineIds) for (const id of lineIds) if (!order.line_items.some((li) => li.id === id)) throw businessError(36009004, `Invalid params: line item ${id} is not in the order.`);
  markShipped(ctx.sim, order, lineIds, tracking, provider, shop.region);
  return { order_id: order.id, package_id: order.packages[0]!.id, order_line_item_ids: lineIds ?? order.line_items.map((l) => l.id), warning: "" };
}

function updateTracking(ctx: ApiContext, order: Order) {
  const shop = requireShop(ctx);
  if (order.shipping_type !== "SELLER") throw businessError(12052901, "Tracking can only be updated for seller-shipped orders.");
  if (!order.shipped_time || !["IN_TRANSIT", "PARTIALLY_SHIPPING"].includes(order.status)) throw businessError(12052901, "The order has not been shipped.");
  if (ctx.sim.nowSeconds() > order.shipped_time + 72 * 3600) throw businessError(12052901, "Tracking can only be updated within 72 hours of shipping.");
  const body = asObject(ctx.body);
  const tracking = optionalString(body, "tracking_number");
  const provider = optionalString(body, "shipping_provider_id");
  if (!tracking || !provider) throw businessError(36009004, "Invalid params: tracking_number and shipping_provider_id are required.");
  const name = providerName(ctx.sim, shop.region, provider);
  order.tracking_number = tracking;
  order.shipping_provider = name;
  order.shipping_provider_id = provider;
  for (const li of order.line_items) if (li.shipped_time) Object.assign(li, { tracking_number: tracking, shipping_provider_name: name, shipping_provider_id: provider });
  order.update_time = ctx.sim.nowSeconds();
  return {};
}

/** Seller or buyer cancellation (§7); emits types 11 and 1. */
export function createCancellation(sim: Simulator, order: Order, role: "SELLER" | "BUYER", reason: string): Cancellation {
  const now = sim.nowSeconds();
  const cancellable = ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT"];
  if (!cancellable.includes(order.status)) throw businessError(12052901, `The order cannot be cancelled while it is ${order.status}.`);
  const immediate = role === "SELLER" || order.status !== "AWAITING_SHIPMENT";
  const c: Cancellation = {
    cancel_id: sim.ids.next("cancellation"), order_id: order.id, shopId: order.shopId,
    cancel_status: immediate ? "CANCELLATION_REQUEST_COMPLETE" : "CANCELLATION_REQUEST_PENDING",
    cancel_type: role === "SELLER" ? "CANCEL" : "BUYER_CANCEL", role, cancel_reason: reason,
    cancel_line_items: order.line_items.map((li) => ({ order_line_item_id: li.id, sku_id: li.sku_id, seller_sku: li.seller_sku })),
    refund_amount: { currency: order.payment.currency!, refund_total: order.payment.total_amount!, refund_subtotal: order.payment.sub_total!, refund_shipping_fee: order.payment.shipping_fee!, refund_tax: order.payment.tax! },
    create_time: now, update_time: now,
  };
  sim.state.cancellations.set(c.cancel_id, c);
  sim.webhooks.emit(11, order.shopId, { order_id: order.id, cancellations_role: role, cancel_status: c.cancel_status, cancel_id: c.cancel_id, create_time: now });
  if (immediate) {
    order.cancel_reason = reason;
    order.cancellation_initiator = role;
    order.cancel_time = now;
    setOrderStatus(sim, order, "CANCELLED");
  } else {
    order.is_buyer_request_cancel = true;
    order.request_cancel_time = now;
    order.update_time = now;
  }
  return c;
}

export function createReturn(sim: Simulator, order: Order, type: ReturnRecord["return_type"], reason: string): ReturnRecord {
  if (!["IN_TRANSIT", "DELIVERED"].includes(order.status)) throw businessError(12052901, `A return cannot be requested while the order is ${order.status}.`);
  const now = sim.nowSeconds();
  const r: ReturnRecord = {
    return_id: sim.ids.next("return"), order_id: order.id, shopId: order.shopId, return_type: type, return_status: "RETURN_OR_REFUND_REQUEST_PENDING",
    return_reason: reason, role: "BUYER",
    return_line_items: order.line_items.map((li) => ({ order_line_item_id: li.id, sku_id: li.sku_id, seller_sku: li.seller_sku })),
    refund_amount: { currency: order.payment.currency!, refund_total: order.payment.total_amount!, refund_subtotal: order.payment.sub_total!, refund_shipping_fee: order.payment.shipping_fee!, refund_tax: order.payment.tax! },
    create_time: now, update_time: now,
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
  const now = ctx.sim.nowSeconds();
  c.cancel_status = approve ? "CANCELLATION_REQUEST_COMPLETE" : "CANCELLATION_REQUEST_CANCEL";
  c.update_time = now;
  const order = ctx.sim.state.orders.get(c.order_id)!;
  order.is_buyer_request_cancel = false;
  ctx.sim.webhooks.emit(11, c.shopId, { order_id: c.order_id, cancellations_role: "SELLER", cancel_status: c.cancel_status, cancel_id: c.cancel_id, create_time: c.create_time });
  if (approve) {
    order.cancel_reason = c.cancel_reason;
    order.cancellation_initiator = "BUYER";
    order.cancel_time = now;
    setOrderStatus(ctx.sim, order, "CANCELLED");
  }
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

export const orderRoutes: ApiRoute[] = [
  { method: "POST", template: "/order/202309/orders/search", shopScoped: true, scope: "seller.order.info", handle: searchOrders },
  {
    method: "GET", template: "/order/202309/orders", shopScoped: true, scope: "seller.order.info",
    handle: (ctx) => {
      const ids = (ctx.query.get("ids") ?? "").split(",").filter((s) => s !== "");
      if (ids.length === 0 || ids.length > 50) throw businessError(36009004, "Invalid params: ids must list 1-50 order ids (comma-joined).");
      const shop = requireShop(ctx);
      return { orders: ids.map((id) => ctx.sim.state.orders.get(id)).filter((o): o is Order => o !== undefined && o.shopId === shop.id).map(orderView) };
    },
  },
  { method: "POST", template: "/fulfillment/202309/packages/{package_id}/ship", shopScoped: true, scope: "seller.fulfillment.basic", handle: shipPackage },
  { method: "POST", template: "/fulfillment/202309/orders/{order_id}/packages", shopScoped: true, scope: "seller.fulfillment.basic", handle: markAsShipped },
  { method: "POST", template: "/fulfillment/202309/orders/{order_id}/shipping_info/update", shopScoped: true, scope: "seller.fulfillment.basic", handle: (ctx) => updateTracking(ctx, orderFor(ctx, ctx.params.order_id)) },
  {
    method: "POST", template: "/fulfillment/202309/packages/{package_id}/shipping_info/update", shopScoped: true, scope: "seller.fulfillment.basic",
    handle: (ctx) => updateTracking(ctx, orderFor(ctx, ctx.sim.state.packageToOrder.get(ctx.params.package_id ?? ""))),
  },
  {
    method: "GET", template: "/fulfillment/202309/packages/{package_id}", shopScoped: true, scope: "seller.fulfillment.basic",
    handle: (ctx) => {
      const order = orderFor(ctx, ctx.sim.state.packageToOrder.get(ctx.params.package_id ?? ""));
      return { package_id: ctx.params.package_id, order_line_item_ids: order.line_items.map((l) => l.id), orders: [{ id: order.id }], package_status: order.line_items[0]?.package_status, tracking_number: order.tracking_number, shipping_provider_id: order.shipping_provider_id, shipping_provider_name: order.shipping_provider };
    },
  },
  {
    method: "GET", template: "/fulfillment/202309/orders/{order_id}/tracking", shopScoped: true, scope: "seller.fulfillment.basic",
    handle: (ctx) => {
      const order = orderFor(ctx, ctx.params.order_id);
      return { tracking: order.shipped_time ? [{ description: `Shipped with ${order.shipping_provider} (${order.tracking_number})`, update_time_millis: order.shipped_time * 1000 }] : [] };
    },
  },
  {
    method: "POST", template: "/return_refund/202309/cancellations/search", shopScoped: true, scope: "seller.return_refund.basic",
    handle: (ctx) => {
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
    },
  },
  {
    method: "POST", template: "/return_refund/202309/cancellations", shopScoped: true, scope: "seller.return_refund.basic",
    handle: (ctx) => {
      const body = asObject(ctx.body);
      const order = orderFor(ctx, optionalString(body, "order_id"));
      const c = createCancellation(ctx.sim, order, "SELLER", optionalString(body, "cancel_reason") ?? "seller_cancel");
      return { cancel_id: c.cancel_id, cancel_status: c.cancel_status };
    },
  },
  { method: "POST", template: "/return_refund/202309/cancellations/{cancel_id}/approve", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideCancellation(ctx, true) },
  { method: "POST", template: "/return_refund/202309/cancellations/{cancel_id}/reject", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideCancellation(ctx, false) },
  {
    method: "POST", template: "/return_refund/202309/returns/search", shopScoped: true, scope: "seller.return_refund.basic",
    handle: (ctx) => {
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
    },
  },
  { method: "POST", template: "/return_refund/202309/returns/{return_id}/approve", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideReturn(ctx, true) },
  { method: "POST", template: "/return_refund/202309/returns/{return_id}/reject", shopScoped: true, scope: "seller.return_refund.basic", handle: (ctx) => decideReturn(ctx, false) },
];
