// TikTok's authorization webhooks: a seller who removes the app in Seller Center (type 6) pauses sync for
// every store linked to that shop until they reconnect (jobs wait, nothing is dropped); the 30-day expiry
// notice (type 7) records the date so the home page counts down and warns.
import { parseTikTokWebhook } from "../../integrations/tiktok";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import type { TikTokShopLinkRepository } from "./tiktok-shop-link-repository";

export function createAuthorizationWebhookProcessors(links: () => TikTokShopLinkRepository): Record<string, WebhookProcessor> {
  return {
    "tiktok:SELLER_DEAUTHORIZATION": async ({ payload }) => {
      const event = parseTikTokWebhook(payload);
      if (event.kind !== "event") return { ignored: "not a deauthorization event" };
      const linked = await links().byTikTokShopId(event.shopId);
      if (linked.length === 0) return { ignored: "no store is linked to this TikTok shop" };
      for (const link of linked) {
        await links().pause(link.id, "The app's access was removed in TikTok Seller Center. Reconnect your TikTok Shop to resume syncing.");
      }
    },
    "tiktok:UPCOMING_AUTHORIZATION_EXPIRATION": async ({ payload }) => {
      const event = parseTikTokWebhook(payload);
      if (event.kind !== "event" || event.type !== 7) return { ignored: "not an expiry notice" };
      const linked = await links().byTikTokShopId(event.shopId);
      if (linked.length === 0) return { ignored: "no store is linked to this TikTok shop" };
      for (const link of linked) await links().setAuthorizationExpiry(link.id, new Date(event.data.expiration_time * 1000));
    },
  };
}
