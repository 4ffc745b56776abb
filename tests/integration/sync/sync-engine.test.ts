// The sync engine end to end: the built app (web + worker) between the Shopify sandbox and the TikTok
// simulator, over real HTTP, on its own database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedClient } from "../../support/embedded-fetch";
import { prepareSampleStoreForTikTok } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const PRODUCTS = "routes/app.products._index";

/** Independent of the app's pricing code: +10 %, then up to the next .99. */
function expectedPrice(shopifyPrice: string): string {
  const cents = Math.round(Number(shopifyPrice) * 100);
  const marked = Math.ceil((cents * 110) / 100); // cents, rounded up to the cent
  const whole = Math.floor(marked / 100);
  const candidate = whole * 100 + 99;
  return ((candidate >= marked ? candidate : candidate + 100) / 100).toFixed(2);
}

describe("sync engine against both sandboxes", () => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;

  beforeAll(async () => {
    h = await startSyncHarness();
    app = embeddedClient(h.app.url, h.shopify);
    await prepareSampleStoreForTikTok(h.shopify, h.db, {
      price: { adjustment: { kind: "percent", percent: "10" }, rounding: { kind: "ending", ending: "0.99" } },
      inventory: { buffer: { kind: "fixed", units: 1 } },
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const availableInShopify = (inventoryItemId: string) =>
    [...(h.shopify.store.inventoryItems.get(inventoryItemId)?.levels.values() ?? [])].reduce((n, l) => n + l.quantities.available, 0);
  const totalStock = (inventory: Map<string, number>) => [...inventory.values()].reduce((n, q) => n + q, 0);
  const tiktokProducts = () => [...h.tiktok.state.products.values()].filter((p) => p.status !== "DELETED");

  it("loads the catalog, and the 60 sample products chosen go live on TikTok with the right SKUs, prices and stock", async () => {
    await app.load("/app/products", PRODUCTS); // first visit starts the catalog import
    await eventually(async () => ((await app.load("/app/products", PRODUCTS)).page.total === 60 ? true : undefined), 30_000, "the catalog import");
    const result = await app.act("/app/products?index", PRODUCTS, { intent: "select-matching", selected: "true", search: "" });
    expect(result).toMatchObject({ ok: true, message: "60 products queued for TikTok." });

    await eventually(async () => {
      const states = await h.db.productSync.groupBy({ by: ["state"], _count: { _all: true } });
      return states.length === 1 && states[0]!.state === "live" && states[0]!._count._all === 60 ? true : undefined;
    }, 90_000, "all 60 products live");

    const listed = tiktokProducts();
    expect(listed).toHaveLength(60);
    const variants = [...h.shopify.store.variants.values()];
    expect(new Set(listed.map((p) => p.content.external_product_id)).size).toBe(60); // no duplicates
    for (const product of listed) {
      expect(product.status).toBe("ACTIVATE");
      for (const sku of product.skus.values()) {
        const variant = variants.find((v) => v.id === sku.external_sku_id);
        expect(variant, `SKU ${sku.seller_sku} maps to a Shopify variant`).toBeDefined();
        expect(sku.price.amount).toBe(expectedPrice(variant!.price));
        expect(totalStock(sku.inventory)).toBe(Math.max(0, availableInShopify(variant!.inventoryItemId) - 1));
      }
    }
  });
});
