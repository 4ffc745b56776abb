// The merchant maps a Shopify location to another TikTok warehouse after products are listed. TikTok's
// stock endpoint refuses moving a SKU's stock between warehouses, so the app edits the listing instead:
// the stock ends up in the new warehouse, and the timeline says why the listing is reviewed again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_SHOP_IDS } from "../../../sandbox/tiktok/seed-data";
import { embeddedClient } from "../../support/embedded-fetch";
import { prepareSampleStoreForTikTok, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const PRODUCTS = "routes/app.products._index";
const DEFAULT_WAREHOUSE = "7068517275539719950"; // Brit NJ Warehouse
const SECOND_WAREHOUSE = "7068517275539719951"; // Brit Second Warehouse

describe("changing the location → warehouse mapping after listing", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ settings: sampleStoreSettings(), tiktokShopId: SEED_SHOP_IDS.twoShopsUs, tiktokShopName: "Brit & Co US" });
    await prepareSampleStoreForTikTok(h.shopify);
    await eventually(async () => ((await embeddedClient(h.app.url, h.shopify).load("/app/products", PRODUCTS)).page.total === 60 ? true : undefined), 30_000, "the catalog");
  }, 120_000);
  afterAll(async () => h?.close(), 30_000);

  it("moves the stock to the new warehouse with a listing edit, not a refused stock update", { timeout: 90_000 }, async () => {
    const variant = [...h.shopify.store.variants.values()].find((v) => h.shopify.store.inventoryItems.get(v.inventoryItemId)?.tracked)!;
    const item = h.shopify.store.inventoryItems.get(variant.inventoryItemId)!;
    const locationIds = [...item.levels.keys()];
    await embeddedClient(h.app.url, h.shopify).act("/app/products?index", PRODUCTS, { intent: "select", productIds: variant.productId, selected: "true" });
    const onTikTok = () => [...h.tiktok.state.products.values()].find((p) => p.status !== "DELETED" && [...p.skus.values()].some((s) => s.external_sku_id === variant.id));
    const skuOnTikTok = () => [...onTikTok()!.skus.values()].find((s) => s.external_sku_id === variant.id)!;
    await eventually(async () => (onTikTok()?.status === "ACTIVATE" ? true : undefined), 30_000, "the product live");
    expect([...skuOnTikTok().inventory.keys()]).toEqual([DEFAULT_WAREHOUSE]);

    // Every location now feeds the second warehouse (as the shipping page saves it).
    const settings = await h.db.storeSettings.findUniqueOrThrow({ where: { shop: h.shop } });
    const document = JSON.parse(settings.document) as { inventory?: Record<string, unknown> };
    document.inventory = { ...document.inventory, mode: "per_warehouse", locationWarehouses: locationIds.map((locationId) => ({ locationId, warehouseId: SECOND_WAREHOUSE })), defaultWarehouseId: SECOND_WAREHOUSE };
    await h.db.storeSettings.update({ where: { shop: h.shop }, data: { document: JSON.stringify(document) } });

    const response = await fetch(`${h.shopify.url}/sandbox/inventory`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ inventoryItemId: item.id, locationId: locationIds[0], available: 55 }) });
    expect(response.status).toBe(200);
    const total = () => [...item.levels.values()].reduce((n, l) => n + l.quantities.available, 0);
    await eventually(async () => {
      const inventory = skuOnTikTok().inventory;
      return inventory.size === 1 && inventory.has(SECOND_WAREHOUSE) ? true : undefined;
    }, 45_000, "the SKU's stock in the second warehouse");
    expect(skuOnTikTok().inventory.get(SECOND_WAREHOUSE)).toBe(total()); // every location feeds it; no buffer in these settings
    const events = await h.db.syncEvent.findMany({ where: { productId: variant.productId }, orderBy: { createdAt: "asc" }, select: { action: true, outcome: true, summary: true } });
    expect(events.some((e) => e.summary.includes("only accepts that as a listing edit"))).toBe(true);
    expect(events.some((e) => e.action === "edit" && e.outcome === "ok")).toBe(true);
    expect(events.filter((e) => e.outcome === "failed")).toEqual([]); // no refused stock update
    expect(await h.db.job.count({ where: { status: "dead" } })).toBe(0);
  });
});
