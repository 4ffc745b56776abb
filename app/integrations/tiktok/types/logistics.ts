import { z } from "zod";
import { tiktokId } from "./tiktok-primitives";

export const warehousesResultSchema = z.looseObject({
  warehouses: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        type: z.string(), // SALES_WAREHOUSE | RETURN_WAREHOUSE
        sub_type: z.string().optional(),
        is_default: z.boolean().optional(),
        effect_status: z.string().optional(), // ENABLED | DISABLED | RESTRICTED
        entity_id: z.string().optional(),
        // Warehouse addresses are business data, not buyer PII.
        address: z.looseObject({ region_code: z.string().optional(), full_address: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});
export type TikTokWarehousesResult = z.infer<typeof warehousesResultSchema>;
export type TikTokWarehouse = TikTokWarehousesResult["warehouses"][number];

export const deliveryOptionsResultSchema = z.looseObject({
  delivery_options: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        type: z.string().optional(), // STANDARD | EXPRESS | ECONOMY | SEND_BY_SELLER
        description: z.string().optional(),
        weight_limit: z.looseObject({}).optional(),
        dimension_limit: z.looseObject({}).optional(),
        platform: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});
export type TikTokDeliveryOptionsResult = z.infer<typeof deliveryOptionsResultSchema>;

export const shippingProvidersResultSchema = z.looseObject({
  shipping_providers: z.array(z.looseObject({ id: tiktokId, name: z.string() })).default([]),
});
export type TikTokShippingProvidersResult = z.infer<typeof shippingProvidersResultSchema>;
