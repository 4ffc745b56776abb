import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import { assertBatchSize } from "./tiktok-shop-call";
import {
  inventorySearchResultSchema, type TikTokInventorySearchResult, type TikTokInventoryUpdateBody, type TikTokPriceUpdateBody,
} from "./types/product";
import { batchResultSchema, emptyDataSchema, type TikTokBatchResult } from "./types/tiktok-primitives";

/** Stock and price (contract §5): absolute values, so resending is harmless. */
export function createInventoryApi(call: ShopCall) {
  return {
    /** Every warehouse the SKU is stocked in must be listed. Per-SKU failures come back in `data.errors`. */
    updateInventory(productId: string, body: TikTokInventoryUpdateBody): Promise<TikTokResult<TikTokBatchResult>> {
      return call({ method: "POST", path: "/product/202309/products/{product_id}/inventory/update", pathParams: { product_id: productId },
        body, schema: batchResultSchema, shopScoped: true, idempotent: true });
    },

    /** By `sku_ids` (≤600, wins when both are given) or `product_ids` (≤100). */
    searchInventory(filter: { product_ids?: string[]; sku_ids?: string[] }): Promise<TikTokResult<TikTokInventorySearchResult>> {
      if (filter.sku_ids) assertBatchSize("inventory search sku_ids", filter.sku_ids, 600);
      else if (filter.product_ids) assertBatchSize("inventory search product_ids", filter.product_ids, 100);
      else throw new TypeError("inventory search needs product_ids or sku_ids");
      return call({ method: "POST", path: "/product/202309/inventory/search", body: filter, schema: inventorySearchResultSchema,
        shopScoped: true, idempotent: true });
    },

    /** Product must be ACTIVATE; TikTok answers with empty `data`. */
    updatePrice(productId: string, body: TikTokPriceUpdateBody) {
      return call({ method: "POST", path: "/product/202309/products/{product_id}/prices/update", pathParams: { product_id: productId },
        body, schema: emptyDataSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokInventoryApi = ReturnType<typeof createInventoryApi>;
