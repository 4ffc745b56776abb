import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import { externalOrderReferenceRoutes } from "./external-order-references";
import { fulfillmentRoutes } from "./fulfillment-api";
import type { Order } from "./model";
import { paged, sortByTime } from "./order-access";
import { priceDetailRoutes } from "./order-price-detail";
import { orderView } from "./order-view";
import { asObject, optionalInt, optionalString } from "./request-fields";
import { reverseRoutes } from "./reverse-api";

/** Search Orders and Get Order Detail (§7); `orderRoutes` also carries the fulfillment, reverse and 2024 order routes. */
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
  return { orders: page.map((o) => orderView(ctx.sim, o)), next_page_token: next, total_count: total };
}

function orderDetails(ctx: ApiContext) {
  const ids = (ctx.query.get("ids") ?? "").split(",").filter((s) => s !== "");
  if (ids.length === 0 || ids.length > 50) throw businessError(36009004, "Invalid params: ids must list 1-50 order ids (comma-joined).");
  const shop = requireShop(ctx);
  const orders = ids.map((id) => ctx.sim.state.orders.get(id)).filter((o): o is Order => o !== undefined && o.shopId === shop.id);
  return { orders: orders.map((o) => orderView(ctx.sim, o)) };
}

export const orderRoutes: ApiRoute[] = [
  { method: "POST", template: "/order/202309/orders/search", shopScoped: true, scope: "seller.order.info", handle: searchOrders },
  { method: "GET", template: "/order/202309/orders", shopScoped: true, scope: "seller.order.info", handle: orderDetails },
  ...priceDetailRoutes,
  ...externalOrderReferenceRoutes,
  ...fulfillmentRoutes,
  ...reverseRoutes,
];
