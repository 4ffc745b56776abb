import { businessError } from "./api-error";
import { requireShop, type ApiContext } from "./api-route";
import type { Order } from "./model";
import { decodePageToken, encodePageToken, pageSize } from "./request-fields";

/** Shared by the order, fulfillment and reverse (cancel/return) routes: look-ups, paging and sorting. */
export function orderFor(ctx: ApiContext, id: string | undefined): Order {
  const order = ctx.sim.state.orders.get(id ?? "");
  if (!order || order.shopId !== requireShop(ctx).id) throw businessError(36009004, `Invalid params: order ${id} does not exist in this shop.`);
  return order;
}

export function paged<T>(ctx: ApiContext, all: T[]) {
  const size = pageSize(ctx.query);
  const offset = decodePageToken(ctx.query.get("page_token"));
  return { page: all.slice(offset, offset + size), next: offset + size < all.length ? encodePageToken(offset + size) : "", total: all.length };
}

export function sortByTime<T extends { create_time: number; update_time: number }>(ctx: ApiContext, list: T[]): T[] {
  const field = ctx.query.get("sort_field") ?? "create_time";
  const order = ctx.query.get("sort_order") ?? "DESC";
  if (field !== "create_time" && field !== "update_time") throw businessError(36009004, "Invalid params: sort_field must be create_time or update_time.");
  if (order !== "ASC" && order !== "DESC") throw businessError(36009004, "Invalid params: sort_order must be ASC or DESC.");
  const dir = order === "ASC" ? 1 : -1;
  return list.sort((a, b) => dir * (a[field] - b[field]));
}
