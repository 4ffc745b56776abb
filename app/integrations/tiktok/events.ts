import type { ShopCall } from "./tiktok-shop-call";
import { webhookSubscriptionsResultSchema, type TikTokWebhookEventType } from "./types/events";
import { emptyDataSchema } from "./types/tiktok-primitives";

/** Per-shop webhook subscriptions (contract §8.1, Event API). */
export function createEventsApi(call: ShopCall) {
  return {
    getWebhooks() {
      return call({ method: "GET", path: "/event/202309/webhooks", schema: webhookSubscriptionsResultSchema, shopScoped: true, idempotent: true });
    },
    /** `address` must be https, a domain (no IP), no port, ≤255 chars. */
    updateWebhook(eventType: TikTokWebhookEventType, address: string) {
      if (address.length > 255) throw new RangeError("webhook address: at most 255 characters");
      return call({ method: "PUT", path: "/event/202309/webhooks", body: { event_type: eventType, address }, schema: emptyDataSchema,
        shopScoped: true, idempotent: true });
    },
    deleteWebhook(eventType: TikTokWebhookEventType) {
      return call({ method: "DELETE", path: "/event/202309/webhooks", body: { event_type: eventType }, schema: emptyDataSchema,
        shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokEventsApi = ReturnType<typeof createEventsApi>;
