import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import type { Order } from "./model";
import { orderFor } from "./order-access";
import { setOrderStatus } from "./order-lifecycle";
import { asObject, optionalString, stringArray } from "./request-fields";
import { SHIPPING_PROVIDERS } from "./seed-data";
import type { Simulator } from "./simulator";

/** Shipping and tracking (§6). The seller may act only on its own, released orders. */
const SHIPPABLE = new Set(["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING"]);

/** FBT orders are TikTok's to ship (21008025); ON_HOLD orders cannot be fulfilled yet (21011044, orders-and-money §A). */
function assertSellerMayFulfil(order: Order): void {
  if (order.fulfillment_type === "FULFILLMENT_BY_TIKTOK") throw businessError(21008025, "Seller cannot operate orders which are fulfilled by platform.");
  if (order.status === "ON_HOLD") throw businessError(21011044, "Order status is on hold. Please process when order status update to awaiting shipment.");
}

function providerName(region: string, id: string): string {
  const p = (SHIPPING_PROVIDERS[region] ?? []).find((x) => x.id === id);
  if (!p) throw businessError(36009004, `Invalid params: shipping_provider_id ${id} is not a provider for this shop.`);
  return p.name;
}

function markShipped(sim: Simulator, order: Order, lineIds: string[] | null, tracking: string, providerId: string, region: string): void {
  const name = providerName(region, providerId);
  const now = sim.nowSeconds();
  for (const li of order.line_items) {
    if (lineIds && !lineIds.includes(li.id)) continue;
    Object.assign(li, { tracking_number: tracking, shipping_provider_name: name, shipping_provider_id: providerId, package_status: "PROCESSING", shipped_time: now });
  }
  Object.assign(order, { tracking_number: tracking, shipping_provider: name, shipping_provider_id: providerId, shipped_time: now });
  const allShipped = order.line_items.every((li) => li.shipped_time !== null);
  setOrderStatus(sim, order, allShipped ? "IN_TRANSIT" : "PARTIALLY_SHIPPING");
}

function shipPackage(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const orderId = ctx.sim.state.packageToOrder.get(ctx.params.package_id ?? "");
  const order = orderId ? ctx.sim.state.orders.get(orderId) : undefined;
  if (!order || order.shopId !== shop.id) throw businessError(36009004, "Invalid params: package does not exist in this shop.");
  assertSellerMayFulfil(order);
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
  assertSellerMayFulfil(order);
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
  assertSellerMayFulfil(order);
  if (order.shipping_type !== "SELLER") throw businessError(12052901, "Tracking can only be updated for seller-shipped orders.");
  if (!order.shipped_time || !["IN_TRANSIT", "PARTIALLY_SHIPPING"].includes(order.status)) throw businessError(12052901, "The order has not been shipped.");
  if (ctx.sim.nowSeconds() > order.shipped_time + 72 * 3600) throw businessError(12052901, "Tracking can only be updated within 72 hours of shipping.");
  const body = asObject(ctx.body);
  const tracking = optionalString(body, "tracking_number");
  const provider = optionalString(body, "shipping_provider_id");
  if (!tracking || !provider) throw businessError(36009004, "Invalid params: tracking_number and shipping_provider_id are required.");
  const name = providerName(shop.region, provider);
  Object.assign(order, { tracking_number: tracking, shipping_provider: name, shipping_provider_id: provider, update_time: ctx.sim.nowSeconds() });
  for (const li of order.line_items) if (li.shipped_time) Object.assign(li, { tracking_number: tracking, shipping_provider_name: name, shipping_provider_id: provider });
  return {};
}

const packageOrder = (ctx: ApiContext) => orderFor(ctx, ctx.sim.state.packageToOrder.get(ctx.params.package_id ?? ""));

export const fulfillmentRoutes: ApiRoute[] = [
  { method: "POST", template: "/fulfillment/202309/packages/{package_id}/ship", shopScoped: true, scope: "seller.fulfillment.basic", handle: shipPackage },
  { method: "POST", template: "/fulfillment/202309/orders/{order_id}/packages", shopScoped: true, scope: "seller.fulfillment.basic", handle: markAsShipped },
  { method: "POST", template: "/fulfillment/202309/orders/{order_id}/shipping_info/update", shopScoped: true, scope: "seller.fulfillment.basic", handle: (ctx) => updateTracking(ctx, orderFor(ctx, ctx.params.order_id)) },
  { method: "POST", template: "/fulfillment/202309/packages/{package_id}/shipping_info/update", shopScoped: true, scope: "seller.fulfillment.basic", handle: (ctx) => updateTracking(ctx, packageOrder(ctx)) },
  {
    method: "GET", template: "/fulfillment/202309/packages/{package_id}", shopScoped: true, scope: "seller.fulfillment.basic",
    handle: (ctx) => {
      const order = packageOrder(ctx);
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
];
