import type { TikTokResult } from "./tiktok-envelope";
import { assertBatchSize, type ShopCall } from "./tiktok-shop-call";
import {
  orderDetailResultSchema, searchOrdersResultSchema,
  type TikTokOrder, type TikTokOrderSearchFilter, type TikTokOrderSearchPaging, type TikTokSearchOrdersResult,
} from "./types/order";

/** Orders (contract §7). */
export function createOrdersApi(call: ShopCall) {
  const search = (filter: TikTokOrderSearchFilter, paging: TikTokOrderSearchPaging): Promise<TikTokResult<TikTokSearchOrdersResult>> => {
    if (filter.warehouse_ids) assertBatchSize("order search warehouse_ids", filter.warehouse_ids, 100);
    return call({ method: "POST", path: "/order/202309/orders/search",
      query: { page_size: paging.pageSize, page_token: paging.pageToken, sort_field: paging.sortField, sort_order: paging.sortOrder },
      body: filter, schema: searchOrdersResultSchema, shopScoped: true, idempotent: true });
  };

  return {
    search,

    async *searchAll(filter: TikTokOrderSearchFilter, paging: Omit<TikTokOrderSearchPaging, "pageToken"> = { pageSize: 50 }):
      AsyncGenerator<TikTokOrder, void, undefined> {
      let pageToken: string | undefined;
      const seen = new Set<string>();
      do {
        const { data } = await search(filter, { ...paging, pageToken });
        yield* data.orders;
        pageToken = data.next_page_token || undefined;
        if (pageToken !== undefined) {
          if (seen.has(pageToken)) throw new Error("TikTok order search returned the same page token twice");
          seen.add(pageToken);
        }
      } while (pageToken !== undefined);
    },

    /** Up to 50 ids per call. */
    getDetails(orderIds: string[]): Promise<TikTokResult<{ orders: TikTokOrder[] }>> {
      assertBatchSize("order detail ids", orderIds, 50);
      return call({ method: "GET", path: "/order/202309/orders", query: { ids: orderIds }, schema: orderDetailResultSchema,
        shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokOrdersApi = ReturnType<typeof createOrdersApi>;
