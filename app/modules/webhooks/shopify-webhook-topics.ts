// The Shopify webhook topics the app subscribes to (shopify.app.toml) and the path each is delivered to.
// tests/unit/webhooks/shopify-webhook-topics.test.ts keeps this list and the toml in step.
export const SHOPIFY_WEBHOOK_TOPICS = [
  "products/create",
  "products/update",
  "products/delete",
  "inventory_levels/update",
  "inventory_items/update",
  "orders/cancelled",
  "fulfillments/create",
  "fulfillments/update",
  "refunds/create",
  "app/uninstalled",
  "app/scopes_update",
  "shop/update",
  "bulk_operations/finish",
] as const;

export const SHOPIFY_COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number] | (typeof SHOPIFY_COMPLIANCE_TOPICS)[number];

/** "products/update" from either the header form or Shopify's enum form ("PRODUCTS_UPDATE"). */
export function normalizeTopic(topic: string): string {
  if (topic.includes("/")) return topic.toLowerCase();
  const all: readonly string[] = [...SHOPIFY_WEBHOOK_TOPICS, ...SHOPIFY_COMPLIANCE_TOPICS];
  return all.find((t) => t.replace("/", "_").toUpperCase() === topic.toUpperCase()) ?? topic.toLowerCase();
}

/** The delivery path (relative to the app URL) → the topics accepted there. */
export function topicsForPath(path: string): readonly string[] {
  if (path === "compliance") return SHOPIFY_COMPLIANCE_TOPICS;
  return (SHOPIFY_WEBHOOK_TOPICS as readonly string[]).includes(path) ? [path] : [];
}
