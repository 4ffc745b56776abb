// What the app lifecycle and compliance webhooks change in our own data: app/uninstalled and
// app/scopes_update touch the shop's Shopify sessions; shop/redact erases the store's data; customers/redact
// scrubs the customer's personal data from the order webhooks held; customers/data_request reports what is held.
import { z } from "zod";
import type { Database } from "../../db.server";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import { describeCustomerData, redactCustomer } from "./customer-data";
import { eraseShopData } from "./erase-shop-data";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

/** Where the answer to a customer's data request goes (the merchant's support sees it in the logs). */
export type DataRequestReport = (shop: string, report: string) => void;

export function createSessionWebhookProcessors(db: Database, reportDataRequest: DataRequestReport): Record<string, WebhookProcessor> {
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
    "shopify:customers/data_request": async ({ shop, payload }) => {
      reportDataRequest(shop, await describeCustomerData(db, shop, payload));
    },
    "shopify:customers/redact": async ({ shop, payload }) => {
      await redactCustomer(db, shop, payload);
    },
  };
}
