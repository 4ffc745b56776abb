// products/create|update|delete keep the catalog mirror current (stale deliveries dropped), then hand the
// product to the sync engine when the merchant syncs it. The payload is enough for the mirror; the sync
// job reads the product's latest full state from the Admin API.
import {
  parseShopifyJson,
  productDeleteWebhookPayload,
  productWebhookPayload,
  type ProductWebhookPayload,
} from "../../integrations/shopify/shopify-webhook-payloads";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import type { CatalogIndexFields, CatalogRepository } from "./catalog-repository";

export interface ProductChange {
  shop: string;
  productId: string;
  trigger: string;
  shopifyUpdatedAt?: Date;
  deleted?: boolean;
  /** For a new product: what the auto-include rules look at. */
  created?: { vendor: string; productType: string; tags: string[] };
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

export function createCatalogWebhookProcessors(deps: CatalogWebhookDeps): Record<string, WebhookProcessor> {
  const upsert: WebhookProcessor = async ({ shop, topic, payload }) => {
    const product = productWebhookPayload.parse(parseShopifyJson(payload));
    const outcome = await deps.catalog.upsert(shop, indexFieldsFromWebhook(product));
    if (outcome === "stale") return { ignored: "stale: a newer version of this product was already applied" };
    await deps.onProductChanged({
      shop,
      productId: product.admin_graphql_api_id,
      trigger: `webhook:${topic}`,
      shopifyUpdatedAt: product.updated_at,
      ...(topic === "products/create" ? { created: { vendor: product.vendor, productType: product.product_type, tags: product.tags } } : {}),
    });
  };
  return {
    "shopify:products/create": upsert,
    "shopify:products/update": upsert,
    "shopify:products/delete": async ({ shop, topic, payload, triggeredAt }) => {
      const { productId } = productDeleteWebhookPayload.parse(parseShopifyJson(payload));
      const deleted = await deps.catalog.markDeleted(shop, productId, triggeredAt ?? new Date());
      if (!deleted) return { ignored: "product was not in the catalog or already deleted" };
      await deps.onProductChanged({ shop, productId, trigger: `webhook:${topic}`, deleted: true });
    },
  };
}
