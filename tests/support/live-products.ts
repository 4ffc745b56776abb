// The state order and money tests start from: the sample store prepared for TikTok (weights, tracked stock),
// its catalog imported by the app, and the first `count` products chosen and live on TikTok. Returns each
// live SKU's Shopify and TikTok ids.
import { embeddedClient } from "./embedded-fetch";
import { prepareSampleStoreForTikTok } from "./merchant-setup";
import { eventually, type SyncHarness } from "./sync-harness";

const PRODUCTS = "routes/app.products._index";

export interface LiveSku {
  productId: string;
  variantId: string;
  inventoryItemId: string;
  tiktokSkuId: string;
}

export async function makeProductsLive(h: SyncHarness, count: number): Promise<LiveSku[]> {
  const app = embeddedClient(h.app.url, h.shopify);
  await prepareSampleStoreForTikTok(h.shopify);
  await eventually(async () => ((await app.load("/app/products", PRODUCTS)).progress.catalogImport?.status === "done" ? true : undefined), 30_000, "the catalog import");
  const productIds = [...h.shopify.store.products.keys()].slice(0, count);
  await app.act("/app/products?index", PRODUCTS, { intent: "select", productIds: productIds.join(","), selected: "true" });
  await eventually(async () => ((await h.db.productSync.count({ where: { productId: { in: productIds }, state: "live" } })) === count ? true : undefined), 60_000, `${count} products live on TikTok`);
  const links = await h.db.skuLink.findMany({ where: { productId: { in: productIds } } });
  return links.map((l) => ({ productId: l.productId, variantId: l.variantId, inventoryItemId: l.inventoryItemId!, tiktokSkuId: l.tiktokSkuId }));
}

/** POST to a sandbox's unsigned admin API; a refusal fails the test with the sandbox's answer. */
export async function sandboxPost(base: string, path: string, body: object = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}
