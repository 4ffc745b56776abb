import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import {
  deliveryOptionsResultSchema, shippingProvidersResultSchema, warehousesResultSchema,
  type TikTokDeliveryOptionsResult, type TikTokShippingProvidersResult, type TikTokWarehousesResult,
} from "./types/logistics";

/** Warehouses, delivery options and carriers (contract §6). */
export function createLogisticsApi(call: ShopCall) {
  return {
    getWarehouses(): Promise<TikTokResult<TikTokWarehousesResult>> {
      return call({ method: "GET", path: "/logistics/202309/warehouses", schema: warehousesResultSchema, shopScoped: true, idempotent: true });
    },

    getDeliveryOptions(warehouseId: string, scope?: "WAREHOUSE" | "PRODUCT"): Promise<TikTokResult<TikTokDeliveryOptionsResult>> {
      return call({ method: "GET", path: "/logistics/202309/warehouses/{warehouse_id}/delivery_options",
        pathParams: { warehouse_id: warehouseId }, query: { scope }, schema: deliveryOptionsResultSchema, shopScoped: true, idempotent: true });
    },

    getShippingProviders(deliveryOptionId: string): Promise<TikTokResult<TikTokShippingProvidersResult>> {
      return call({ method: "GET", path: "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers",
        pathParams: { delivery_option_id: deliveryOptionId }, schema: shippingProvidersResultSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokLogisticsApi = ReturnType<typeof createLogisticsApi>;
