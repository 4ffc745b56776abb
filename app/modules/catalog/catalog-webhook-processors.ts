// products/create|update|delete keep the catalog mirror current (stale deliveries dropped), then hand the
// product to the sync engine when the merchant syncs it. The payload is enough for the mirror; the sync
// job reads the product's latest full state from the Admin API.
import {
  parseShopifyJson,
  productDeleteWebhookPayload,
  productWebhookPayload,
  type ProductWebhookPayload,
} from "../../integrations/shopify/shopify-webhook-payloads";
import type { WebhookBatchProcessor, WebhookProcessor } from "../webhooks/process-webhook-delivery";
import type { NewProductFacts } from "./auto-include-new-product";
import type { CatalogIndexFields, CatalogRepository } from "./catalog-repository";

export interface ProductChange {
  shop: string;
  productId: string;
  trigger: string;
  shopifyUpdatedAt?: Date;
  deleted?: boolean;
  /** What the auto-include rules look at (created and updated products). */
  facts?: NewProductFacts;
}

export interface CatalogWebhookDeps {
  catalog: CatalogRepository;
  /** Called for every applied (non-stale) change; the sync engine decides whether it concerns TikTok. */
  onProductChanged: (change: ProductChange) => Promise<void>;
}

export function indexFieldsFromWebhook(payload: ProductWebhookPayload): CatalogIndexFields {
  const variants = payload.variants as Array<{ sku?: string | null }>;
  return {
    productId: payload.admin_graphql_api_id,
    handle: payload.handle,
    title: payload.title,
    vendor: payload.vendor,
    productType: payload.product_type,
    status: payload.status,
    tags: payload.tags,
    imageUrl: payload.image?.src ?? null,
    variantCount: variants.length,
    skus: variants.map((v) => v.sku ?? "").filter(Boolean),
    shopifyUpdatedAt: payload.updated_at,
  };
}

/** products/create and products/update: the catalog mirror, then the sync engine (stale deliveries change nothing). */
async function applyProductWebhook(deps: CatalogWebhookDeps, { shop, topic }: { shop: string; topic: string }, product: ProductWebhookPayload): Promise<void | { ignored: string }> {
  const outcome = await deps.catalog.upsert(shop, indexFieldsFromWebhook(product));
  if (outcome === "stale") return { ignored: "stale: a newer version of this product was already applied" };
  await deps.onProductChanged({
    shop,
    productId: product.admin_graphql_api_id,
    trigger: `webhook:${topic}`,
    shopifyUpdatedAt: product.updated_at,
    // Without created_at (older payloads), a products/create is new now; an update is not known to be new.
    facts: { vendor: product.vendor, productType: product.product_type, tags: product.tags, createdAt: product.created_at ?? (topic === "products/create" ? product.updated_at : new Date(0)) },
  });
}

export function createCatalogWebhookProcessors(deps: CatalogWebhookDeps): Record<string, WebhookProcessor> {
  const upsert: WebhookProcessor = (delivery) => applyProductWebhook(deps, delivery, productWebhookPayload.parse(parseShopifyJson(delivery.payload)));
  return {
    "shopify:products/create": upsert,
    "shopify:products/delete": async ({ shop, topic, payload, triggeredAt }) => {
      const { productId } = productDeleteWebhookPayload.parse(parseShopifyJson(payload));
      const deleted = await deps.catalog.markDeleted(shop, productId, triggeredAt ?? new Date());
      if (!deleted) return { ignored: "product was not in the catalog or already deleted" };
      await deps.onProductChanged({ shop, productId, trigger: `webhook:${topic}`, deleted: true });
    },
  };
}

/**
 * products/update arrives in bursts (a bulk edit, an app rewriting metafields): only each product's newest
 * delivery of the batch is applied — the older ones would be dropped as stale anyway, after a read and a sync
 * enqueue each.
 */
export function createCatalogBatchProcessors(deps: CatalogWebhookDeps): Record<string, WebhookBatchProcessor> {
  return {
    "shopify:products/update": async (deliveries) => {
      const parsed = deliveries.map((d) => productWebhookPayload.parse(parseShopifyJson(d.payload)));
      const keyOf = (i: number) => `${deliveries[i]!.shop} ${parsed[i]!.admin_graphql_api_id}`;
      const newest = new Map<string, number>(); // product → index of its newest delivery (a tie: the later one)
      parsed.forEach((p, i) => {
        const held = newest.get(keyOf(i));
        if (held === undefined || parsed[held]!.updated_at.getTime() <= p.updated_at.getTime()) newest.set(keyOf(i), i);
      });
      const results: Array<void | { ignored: string }> = [];
      for (let i = 0; i < deliveries.length; i++) {
        results.push(newest.get(keyOf(i)) === i ? await applyProductWebhook(deps, deliveries[i]!, parsed[i]!) : { ignored: "superseded by a newer delivery of this product in the same batch" });
      }
      return results;
    },
  };
}
