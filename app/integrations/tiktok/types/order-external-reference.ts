import { z } from "zod";
import { tiktokId } from "./tiktok-primitives";

/** The seller's OMS platforms TikTok accepts for external order references (Order API 202406). */
export type TikTokExternalPlatform =
  | "SHOPIFY"
  | "WOOCOMMERCE"
  | "BIGCOMMERCE"
  | "MAGENTO"
  | "SALESFORCE_COMMERCE_CLOUD"
  | "CHANNEL_ADVISOR"
  | "AMAZON"
  | "ORDER_MANAGEMENT_SYSTEM"
  | "WAREHOUSE_MANAGEMENT_SYSTEM"
  | "ERP_SYSTEM";

/** One TikTok order's reference in our OMS: `line_items[].id` is the OMS line, `origin_id` the TikTok line item. */
export interface TikTokExternalOrderReference {
  /** TikTok order id. */
  id: string;
  external_order: {
    id: string;
    platform: TikTokExternalPlatform;
    /** ≤100; several TikTok lines (one per unit) may point at the same OMS line. */
    line_items: Array<{ id: string; origin_id: string }>;
  };
}

export const externalOrderSchema = z.looseObject({
  id: tiktokId,
  platform: z.string(),
  line_items: z.array(z.looseObject({ id: tiktokId, origin_id: tiktokId })).default([]),
});
export type TikTokExternalOrder = z.infer<typeof externalOrderSchema>;

/** Per-order refusals of Add External Order References; TikTok's sample sends `code` as a string ("36020001"). */
export const addExternalReferencesResultSchema = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.union([z.string(), z.number()]).transform((v) => String(v)),
        message: z.string().default(""),
        detail: z
          .looseObject({
            order_id: tiktokId.optional(),
            external_order: z.looseObject({ id: z.string().optional(), platform: z.string().optional() }).optional(),
          })
          .optional(),
      })
    )
    .default([]),
});
export type TikTokAddExternalReferencesResult = z.infer<typeof addExternalReferencesResultSchema>;

export const getExternalReferencesResultSchema = z.looseObject({
  external_orders: z.array(externalOrderSchema).default([]),
});
export type TikTokGetExternalReferencesResult = z.infer<typeof getExternalReferencesResultSchema>;

export const searchByExternalReferenceResultSchema = z.looseObject({
  orders: z.array(z.looseObject({ id: tiktokId, external_order: externalOrderSchema })).default([]),
});
export type TikTokSearchByExternalReferenceResult = z.infer<typeof searchByExternalReferenceResultSchema>;
