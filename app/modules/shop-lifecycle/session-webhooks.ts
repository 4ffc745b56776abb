// What app/uninstalled and app/scopes_update change in our own data: the shop's Shopify sessions.
// (What uninstalling means for TikTok links and sync jobs is handled by those features.)
import { z } from "zod";
import type { Database } from "../../db.server";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

export function createSessionWebhookProcessors(db: Database): Record<string, WebhookProcessor> {
  return {
    "shopify:app/uninstalled": async ({ shop }) => {
      await db.session.deleteMany({ where: { shop } });
    },
    "shopify:app/scopes_update": async ({ shop, payload }) => {
      const { current } = scopesUpdatePayload.parse(JSON.parse(payload));
      await db.session.updateMany({ where: { shop }, data: { scope: current.join(",") } });
    },
  };
}
