import { z } from "zod";

export const webhookSubscriptionsResultSchema = z.looseObject({
  webhooks: z
    .array(z.looseObject({ event_type: z.string(), address: z.string(), create_time: z.number().optional(), update_time: z.number().optional() }))
    .default([]),
  total_count: z.number().int().optional(),
});
export type TikTokWebhookSubscription = z.infer<typeof webhookSubscriptionsResultSchema>["webhooks"][number];

export type TikTokWebhookEventType =
  | "ORDER_STATUS_CHANGE" | "RECIPIENT_ADDRESS_UPDATE" | "PACKAGE_UPDATE" | "PRODUCT_STATUS_CHANGE" | "SELLER_DEAUTHORIZATION"
  | "UPCOMING_AUTHORIZATION_EXPIRATION" | "CANCELLATION_STATUS_CHANGE" | "RETURN_STATUS_CHANGE" | "PRODUCT_INFORMATION_CHANGE"
  | "PRODUCT_CREATION" | "PRODUCT_CATEGORY_CHANGE" | "INVENTORY_STATUS_CHANGE" | "PRODUCT_AUDIT_STATUS_CHANGE";

