// What the app lifecycle and compliance webhooks change in our own data: app/uninstalled and
// app/scopes_update touch the shop's Shopify sessions; shop/redact erases the store's data; the app keeps no
// customer data, so customers/data_request and customers/redact have nothing to return or erase.
import { z } from "zod";
import type { Database } from "../../db.server";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import { eraseShopData } from "./erase-shop-data";

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
    "shopify:shop/redact": async ({ shop }) => {
      await eraseShopData(db, shop);
    },
    "shopify:customers/data_request": async () => ({ ignored: "the app stores no customer data" }),
    "shopify:customers/redact": async () => ({ ignored: "the app stores no customer data" }),
  };
}
