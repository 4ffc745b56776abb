// One Shopify store linked to Brit & Co's two TikTok shops (US first, then GB). The catalog syncs to the
// first one until the merchant chooses; choosing the GB shop on the home page makes the next sync list
// the product in the GB shop (its warehouse, its category tree, GBP) and nothing in the US shop; and
// once a product is listed there, moving the catalog back is refused with what to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_SHOP_IDS } from "../../../sandbox/tiktok/seed-data";
import { embeddedClient } from "../../support/embedded-fetch";
import { adminGraphql, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const HOME = "routes/app._index";
const PRODUCTS = "routes/app.products._index";
const PRODUCT = "gid://shopify/Product/8012345600108"; // "Red Sports Tee": a T-shirt in both category trees

describe("choosing the TikTok shop the catalog syncs to", () => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;
  const listedIn = (shopId: string) => [...h.tiktok.state.products.values()].filter((p) => p.shopId === shopId && p.status !== "DELETED");

  beforeAll(async () => {
    // GB's T-shirt category requires "Material" (attribute 100392): the merchant keeps it in a metafield.
    h = await startSyncHarness({
      tiktokShopId: SEED_SHOP_IDS.twoShopsUs,
      tiktokShopName: "Brit & Co US",
      settings: sampleStoreSettings({ listing: { attributeSources: [{ attributeId: "100392", attributeName: "Material", metafield: { namespace: "custom", key: "material" } }] } }),
    });
    await h.linkShop(SEED_SHOP_IDS.twoShopsGb, "Brit & Co UK");
    app = embeddedClient(h.app.url, h.shopify);
    // A UK-facing store: prices in GBP (TikTok GB sells in GBP), the product weighed and its stock tracked.
    h.shopify.store.shop.currencyCode = "GBP";
    const { product } = await adminGraphql<{ product: { variants: { nodes: Array<{ id: string }> } } }>(h.shopify, `query($id: ID!) { product(id: $id) { variants(first: 100) { nodes { id } } } }`, { id: PRODUCT });
    await adminGraphql(h.shopify, `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { field message } } }`, {
      productId: PRODUCT,
      variants: product.variants.nodes.map((v) => ({ id: v.id, inventoryItem: { tracked: true, measurement: { weight: { unit: "GRAMS", value: 250 } } } })),
    });
    await adminGraphql(h.shopify, `mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field message } } }`, {
      metafields: [{ ownerId: PRODUCT, namespace: "custom", key: "material", type: "single_line_text_field", value: "Cotton" }],
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  it("defaults to the first linked shop, and the home page shows it", async () => {
    const home = (await app.load("/app", HOME)) as { links: Array<{ tiktokShopId: string; syncsCatalog: boolean }> };
    expect(home.links.map((l) => [l.tiktokShopId, l.syncsCatalog])).toEqual([[SEED_SHOP_IDS.twoShopsUs, true], [SEED_SHOP_IDS.twoShopsGb, false]]);
  });

  it("GIVEN the GB shop is chosen on the home page WHEN a product syncs THEN it is listed in the GB shop only", { timeout: 90_000 }, async () => {
    const chosen = await app.act("/app?index", HOME, { intent: "choose-catalog-shop", tiktokShopId: SEED_SHOP_IDS.twoShopsGb });
    expect(chosen).toMatchObject({ error: null, notice: expect.stringContaining("Brit & Co UK (GB)") });
    const home = (await app.load("/app", HOME)) as { links: Array<{ tiktokShopId: string; syncsCatalog: boolean }> };
    expect(home.links.find((l) => l.syncsCatalog)?.tiktokShopId).toBe(SEED_SHOP_IDS.twoShopsGb);

    await eventually(async () => ((await app.load("/app/products", PRODUCTS)).page.total === 60 ? true : undefined), 30_000, "the catalog import");
    expect(await app.act("/app/products?index", PRODUCTS, { intent: "select", productIds: PRODUCT, selected: "true" })).toMatchObject({ ok: true });
    await eventually(async () => {
      const sync = await h.db.productSync.findUnique({ where: { shop_productId: { shop: h.shop, productId: PRODUCT } } });
      if (sync?.state === "rejected" || sync?.state === "error") throw new Error(`sync ended ${sync.state}: ${sync.lastError ?? sync.findings}`);
      return sync?.state === "live" ? sync : undefined;
    }, 60_000, `the product live on TikTok (${await h.diagnose([PRODUCT])})`);

    const gb = listedIn(SEED_SHOP_IDS.twoShopsGb);
    expect(gb).toHaveLength(1);
    expect(listedIn(SEED_SHOP_IDS.twoShopsUs)).toHaveLength(0);
    const skus = [...gb[0]!.skus.values()];
    expect(skus.every((s) => s.price.currency === "GBP")).toBe(true);
    expect(skus.every((s) => [...s.inventory.keys()].every((w) => w === "7068517275539719960"))).toBe(true); // Brit London Warehouse
    expect(gb[0]!.content.category_id).toMatch(/^8/); // GB's v1 tree
  });

  it("refuses to move the catalog back while a product is listed in the GB shop, and says what to do", async () => {
    const refused = await app.act("/app?index", HOME, { intent: "choose-catalog-shop", tiktokShopId: SEED_SHOP_IDS.twoShopsUs });
    expect(refused).toMatchObject({ error: expect.stringContaining("1 product is already listed on Brit & Co UK (GB)") });
    expect(refused.error).toMatch(/Delete it from TikTok/);
    expect((await h.db.tikTokShopLink.findFirstOrThrow({ where: { shop: h.shop, syncsCatalog: true } })).tiktokShopId).toBe(SEED_SHOP_IDS.twoShopsGb);
  });
});
