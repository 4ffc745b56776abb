import type { TikTokResult } from "./tiktok-envelope";
import { assertBatchSize, type ShopCall } from "./tiktok-shop-call";
import {
  orderDetailResultSchema, searchOrdersResultSchema,
  type TikTokOrder, type TikTokOrderSearchFilter, type TikTokOrderSearchPaging, type TikTokSearchOrdersResult,
} from "./types/order";
import {
  addExternalReferencesResultSchema, getExternalReferencesResultSchema, searchByExternalReferenceResultSchema,
  type TikTokAddExternalReferencesResult, type TikTokExternalOrderReference, type TikTokExternalPlatform,
  type TikTokGetExternalReferencesResult, type TikTokSearchByExternalReferenceResult,
} from "./types/order-external-reference";
import { priceDetailResultSchema, type TikTokPriceDetail } from "./types/order-price-detail";

/** Orders (contract §7), external order references (202406) and price detail (202407). */
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

    /**
     * Tells TikTok our order and line ids (≤100 orders, ≤100 lines each). An order TikTok does not take comes back in
     * `data.errors[]` while the call succeeds. Sending the same platform again replaces the reference, so resending is safe.
     */
    addExternalReferences(refs: TikTokExternalOrderReference[]): Promise<TikTokResult<TikTokAddExternalReferencesResult>> {
      assertBatchSize("external order references", refs, 100);
      for (const ref of refs) assertBatchSize(`external order ${ref.id} line_items`, ref.external_order.line_items, 100);
      return call({ method: "POST", path: "/order/202406/orders/external_orders", body: { orders: refs },
        schema: addExternalReferencesResultSchema, shopScoped: true, idempotent: true });
    },

    getExternalReferences(orderId: string, platform: TikTokExternalPlatform = "SHOPIFY"): Promise<TikTokResult<TikTokGetExternalReferencesResult>> {
      return call({ method: "GET", path: "/order/202406/orders/{order_id}/external_orders", pathParams: { order_id: orderId },
        query: { platform }, schema: getExternalReferencesResultSchema, shopScoped: true, idempotent: true });
    },

    /** The TikTok order(s) carrying our order id — a second source of truth when recovering an import. */
    searchByExternalReference(externalOrderId: string, platform: TikTokExternalPlatform = "SHOPIFY"):
      Promise<TikTokResult<TikTokSearchByExternalReferenceResult>> {
      return call({ method: "POST", path: "/order/202406/orders/external_order_search", query: { platform, external_order_id: externalOrderId },
        body: {}, schema: searchByExternalReferenceResultSchema, shopScoped: true, idempotent: true });
    },

    getPriceDetail(orderId: string): Promise<TikTokResult<TikTokPriceDetail>> {
      return call({ method: "GET", path: "/order/202407/orders/{order_id}/price_detail", pathParams: { order_id: orderId },
        schema: priceDetailResultSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokOrdersApi = ReturnType<typeof createOrdersApi>;
