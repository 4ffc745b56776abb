import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import type { ExternalOrderReference, Order } from "./model";
import type { Simulator } from "./simulator";

/**
 * External order references (Order API 202406): the seller's OMS order and line ids attached to a TikTok order.
 * One reference per platform; adding the same platform again replaces it. An unknown order is reported in
 * `data.errors[]` (code "36020001", as TikTok's sample) while the other orders are saved; a malformed body fails the
 * whole call with 21001001. Scopes: seller.order.ext_ref.write / seller.order.ext_ref.read.
 */
export const EXTERNAL_PLATFORMS = new Set([
  "SHOPIFY", "WOOCOMMERCE", "BIGCOMMERCE", "MAGENTO", "SALESFORCE_COMMERCE_CLOUD", "CHANNEL_ADVISOR", "AMAZON",
  "ORDER_MANAGEMENT_SYSTEM", "WAREHOUSE_MANAGEMENT_SYSTEM", "ERP_SYSTEM",
]);
const MAX_ORDERS = 100;
const MAX_LINES = 100;

interface Submitted {
  orderId: string;
  ref: ExternalOrderReference;
}

const invalidParams = (what: string) => businessError(21001001, `Invalid parameters. Please ensure you are passing the correct request parameter(s): ${what}.`);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v !== "";

function objectAt(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw invalidParams(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function platformOf(v: unknown, where: string): string {
  if (typeof v !== "string" || !EXTERNAL_PLATFORMS.has(v)) throw invalidParams(`${where} must be one of ${[...EXTERNAL_PLATFORMS].join(", ")}`);
  return v;
}

function readLines(value: unknown, where: string): ExternalOrderReference["line_items"] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LINES) throw invalidParams(`${where} must list 1-${MAX_LINES} line items`);
  return value.map((l, i) => {
    const line = objectAt(l, `${where}[${i}]`);
    if (!nonEmpty(line.id) || !nonEmpty(line.origin_id)) throw invalidParams(`${where}[${i}] needs id and origin_id strings`);
    return { id: line.id, origin_id: line.origin_id };
  });
}

function readSubmission(value: unknown, i: number): Submitted {
  const entry = objectAt(value, `orders[${i}]`);
  const external = objectAt(entry.external_order, `orders[${i}].external_order`);
  if (!nonEmpty(entry.id)) throw invalidParams(`orders[${i}].id is required`);
  if (!nonEmpty(external.id)) throw invalidParams(`orders[${i}].external_order.id is required`);
  const platform = platformOf(external.platform, `orders[${i}].external_order.platform`);
  return { orderId: entry.id, ref: { id: external.id, platform, line_items: readLines(external.line_items, `orders[${i}].external_order.line_items`) } };
}

const indexKey = (shopId: string, platform: string, externalId: string) => `${shopId}\u0000${platform}\u0000${externalId}`;

function saveReference(sim: Simulator, order: Order, ref: ExternalOrderReference): void {
  const index = sim.state.externalOrderIndex;
  const previous = order.externalOrders.get(ref.platform);
  if (previous) index.get(indexKey(order.shopId, previous.platform, previous.id))?.delete(order.id);
  order.externalOrders.set(ref.platform, ref);
  const key = indexKey(order.shopId, ref.platform, ref.id);
  index.set(key, (index.get(key) ?? new Set()).add(order.id));
}

/** The per-order outcome: null when saved, else the `data.errors[]` entry. */
function applySubmission(ctx: ApiContext, s: Submitted) {
  const order = ctx.sim.state.orders.get(s.orderId);
  const detail = { order_id: s.orderId, external_order: { id: s.ref.id, platform: s.ref.platform } };
  if (!order || order.shopId !== requireShop(ctx).id) return { code: "36020001", message: "Invalid order_id", detail };
  const lineIds = new Set(order.line_items.map((l) => l.id));
  const stranger = s.ref.line_items.find((l) => !lineIds.has(l.origin_id));
  if (stranger) return { code: "21001001", message: `Invalid origin_id: ${stranger.origin_id} is not a line item of order ${order.id}`, detail };
  saveReference(ctx.sim, order, s.ref);
  return null;
}

function addReferences(ctx: ApiContext) {
  const orders = objectAt(ctx.body ?? {}, "body").orders;
  if (!Array.isArray(orders) || orders.length === 0 || orders.length > MAX_ORDERS) throw invalidParams(`orders must list 1-${MAX_ORDERS} orders`);
  const submissions = orders.map(readSubmission);
  return { errors: submissions.map((s) => applySubmission(ctx, s)).filter((e) => e !== null) };
}

function ownOrder(ctx: ApiContext, id: string | undefined): Order {
  const order = ctx.sim.state.orders.get(id ?? "");
  if (!order || order.shopId !== requireShop(ctx).id) throw businessError(21008111, "The order or package does not belong to the current seller.");
  return order;
}

function getReferences(ctx: ApiContext) {
  const platform = platformOf(ctx.query.get("platform"), "platform");
  const ref = ownOrder(ctx, ctx.params.order_id).externalOrders.get(platform);
  return { external_orders: ref ? [ref] : [] };
}

function searchByReference(ctx: ApiContext) {
  const platform = platformOf(ctx.query.get("platform"), "platform");
  const externalId = ctx.query.get("external_order_id");
  if (!nonEmpty(externalId)) throw invalidParams("external_order_id is required");
  const shop = requireShop(ctx);
  const ids = [...(ctx.sim.state.externalOrderIndex.get(indexKey(shop.id, platform, externalId)) ?? [])];
  return { orders: ids.map((id) => ({ id, external_order: ctx.sim.state.orders.get(id)!.externalOrders.get(platform)! })) };
}

export const externalOrderReferenceRoutes: ApiRoute[] = [
  { method: "POST", template: "/order/202406/orders/external_orders", shopScoped: true, scope: "seller.order.ext_ref.write", handle: addReferences },
  { method: "GET", template: "/order/202406/orders/{order_id}/external_orders", shopScoped: true, scope: "seller.order.ext_ref.read", handle: getReferences },
  { method: "POST", template: "/order/202406/orders/external_order_search", shopScoped: true, scope: "seller.order.ext_ref.read", handle: searchByReference },
];
