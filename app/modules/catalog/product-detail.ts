// What the product detail page shows: the listing as it would be sent now (mapped from the last product
// read with the current settings), its findings with fixes, the TikTok ids and review status, and the
// sync timeline.
import type { Database } from "../../db.server";
import { mapProductToListing } from "../listing/product-to-listing";
import type { ShopifyProduct } from "../listing/shopify-product";
import type { CatalogRepository } from "./catalog-repository";
import type { StoreSettingsRepository } from "./store-settings-repository";
import type { SyncStateRepository } from "./sync-state-repository";

export async function loadProductDetail(deps: { db: Database; catalog: CatalogRepository; state: SyncStateRepository; settings: StoreSettingsRepository }, shop: string, productId: string) {
  const product = await deps.catalog.find(shop, productId);
  if (!product) return null;
  const settings = await deps.settings.settings(shop);
  const snapshot = product.snapshot ? (JSON.parse(product.snapshot) as ShopifyProduct) : null;
  // Only a full product read (the first sync) has what the mapper needs; the catalog import does not.
  const preview = snapshot?.variants.nodes.every((v) => v.inventoryItem) ? mapProductToListing(snapshot, { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory }) : null;
  const [skuLinks, timeline, deadJobs] = await Promise.all([
    deps.state.skuLinks(shop, productId),
    deps.state.timeline(shop, productId),
    deps.db.job.count({ where: { shop, key: `product:${shop}:${productId}`, status: "dead" } }),
  ]);
  return {
    productId,
    title: product.title,
    imageUrl: product.imageUrl,
    sync: product.sync ? { ...product.sync, findings: JSON.parse(product.sync.findings) as Array<{ code: string; severity: string; field: string; message: string; fix: string }> } : null,
    preview: preview ? { body: preview.body, findings: preview.findings } : null,
    skuLinks,
    timeline: timeline.map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as unknown) : null })),
    deadJobs,
  };
}

/** "Retry now": dead-lettered syncs are replayed and a fresh sync is queued. */
export async function retryProductSync(deps: { db: Database; replay: (jobId: string) => Promise<void>; enqueue: () => Promise<unknown> }, shop: string, productId: string) {
  const dead = await deps.db.job.findMany({ where: { shop, key: `product:${shop}:${productId}`, status: "dead" }, select: { id: true } });
  for (const job of dead) await deps.replay(job.id);
  if (dead.length === 0) await deps.enqueue();
  return dead.length;
}
