// The sync engine end to end: the built app (web + worker) between the Shopify sandbox and the TikTok
// simulator, over real HTTP, on its own database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedClient } from "../../support/embedded-fetch";
import { shopifyWebhookRequest } from "../../support/shopify-webhook-request";
import { adminGraphql, prepareSampleStoreForTikTok, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const PRODUCTS = "routes/app.products._index";

/** Independent of the app's pricing code: +percent, then up to the next .99. */
function expectedPrice(shopifyPrice: string, percent = 10): string {
  const cents = Math.round(Number(shopifyPrice) * 100);
  const marked = Math.ceil((cents * (100 + percent)) / 100); // cents, rounded up to the cent
  const whole = Math.floor(marked / 100);
  const candidate = whole * 100 + 99;
  return ((candidate >= marked ? candidate : candidate + 100) / 100).toFixed(2);
}

describe("sync engine against both sandboxes", () => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;

  beforeAll(async () => {
    h = await startSyncHarness({
      settings: sampleStoreSettings({
        price: { adjustment: { kind: "percent", percent: "10" }, rounding: { kind: "ending", ending: "0.99" } },
        inventory: { buffer: { kind: "fixed", units: 1 } },
      }),
    });
    app = embeddedClient(h.app.url, h.shopify);
    await prepareSampleStoreForTikTok(h.shopify);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  const availableInShopify = (inventoryItemId: string) =>
    [...(h.shopify.store.inventoryItems.get(inventoryItemId)?.levels.values() ?? [])].reduce((n, l) => n + l.quantities.available, 0);
  const totalStock = (inventory: Map<string, number>) => [...inventory.values()].reduce((n, q) => n + q, 0);
  // The simulator logs whole seconds of its own clock.
  // The simulator logs whole seconds, so a window is marked by the requests already logged, not by a time.
  const markTikTokRequests = () => new Set(h.tiktok.simulator.requestLog.list().map((r) => r.request_id));
  // Listings that just went live still get their prices and a product sync may still run: tests that count
  // calls or read the latest event start from a quiet engine.
  const quietEngine = () => eventually(async () => ((await h.db.job.count({ where: { status: { in: ["pending", "running"] }, runAt: { lte: new Date() }, type: { not: "catalog.reconcile-scheduler" } } })) === 0 ? true : undefined), 30_000, "a quiet queue");
  const tiktokRequestsAfter = (mark: Set<string>) => h.tiktok.simulator.requestLog.list().filter((r) => !mark.has(r.request_id));
  const tiktokSkuOf = (variantId: string) => {
    for (const product of tiktokProducts()) for (const sku of product.skus.values()) if (sku.external_sku_id === variantId) return { product, sku };
    return undefined;
  };
  const firstTrackedVariant = () => {
    const variant = [...h.shopify.store.variants.values()].find((v) => tiktokSkuOf(v.id))!;
    const item = h.shopify.store.inventoryItems.get(variant.inventoryItemId)!;
    return { variant, item, locationId: [...item.levels.keys()][0]! };
  };
  const setStock = (inventoryItemId: string, locationId: string, available: number) =>
    fetch(`${h.shopify.url}/sandbox/inventory`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ inventoryItemId, locationId, available }) });
  const tiktokProducts = () => [...h.tiktok.state.products.values()].filter((p) => p.status !== "DELETED");

  it("loads the catalog, and the 60 sample products chosen go live on TikTok with the right SKUs, prices and stock", { timeout: 180_000 }, async () => {
    await eventually(async () => ((await app.load("/app/products", PRODUCTS)).progress.catalogImport?.status === "done" ? true : undefined), 30_000, "the catalog import");
    expect((await app.load("/app/products", PRODUCTS)).page.total).toBe(60);
    const productReads = () => h.shopify.adminOperations.get("productForListing") ?? 0;
    const readsBefore = productReads();
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
    // The catalog exports had everything: no product was read from the Admin API to list it.
    expect(productReads() - readsBefore).toBe(0);
    // Going live needed nothing more: the create carried the prices (no second read of the product, no price call).
    expect(await h.db.syncEvent.count({ where: { trigger: "tiktok:went-live" } })).toBe(0);
    expect(tiktokRequestsAfter(new Set()).filter((r) => r.path.endsWith("/prices/update")).length).toBe(0);
  });

  it("pushes a stock change at one Shopify location to TikTok through the inventory endpoint", async () => {
    const { variant, item, locationId } = firstTrackedVariant();
    await quietEngine();
    const mark = markTikTokRequests();
    expect((await setStock(item.id, locationId, 42)).status).toBe(200);
    await eventually(async () => (totalStock(tiktokSkuOf(variant.id)!.sku.inventory) === Math.max(0, availableInShopify(item.id) - 1) ? true : undefined), 15_000, "the new stock on TikTok");
    const calls = tiktokRequestsAfter(mark);
    expect(calls.some((r) => r.path.endsWith("/inventory/update") && r.http_status === 200)).toBe(true);
    expect(calls.some((r) => r.method === "PUT")).toBe(false); // no content edit, no review
    // The quantity came from the webhook itself (the stock ledger), not from an Admin API read.
    const push = await h.db.syncEvent.findFirst({ where: { productId: variant.productId, action: "inventory" }, orderBy: { createdAt: "desc" } });
    expect(push?.summary).toMatch(/^Stock on TikTok: /);
    expect(push?.summary).not.toContain("read from Shopify");
  });

  it("turns a burst of 150 stock changes to one SKU into a TikTok call for its first second of webhooks and one per two seconds after, ending on the last value, without a Shopify read per change", { timeout: 60_000 }, async () => {
    const { variant, item, locationId } = firstTrackedVariant();
    const tiktokProductId = tiktokSkuOf(variant.id)!.product.id;
    await quietEngine();
    const since = Date.now() / 1000;
    const mark = markTikTokRequests();
    const burstStarted = performance.now();
    await Promise.all(Array.from({ length: 150 }, (_, i) => setStock(item.id, locationId, 201 + i)));
    const burstMs = performance.now() - burstStarted;
    await h.shopify.webhooks.idle();
    await eventually(async () => (totalStock(tiktokSkuOf(variant.id)!.sku.inventory) === availableInShopify(item.id) - 1 ? true : undefined), 15_000, "the last stock value on TikTok");
    await new Promise((r) => setTimeout(r, 1500)); // any push still debouncing
    // Pushes wait 100 ms for more changes but at most 1 s after the first, 2 s once the burst goes on (+ the tail).
    const received = await h.db.webhookDelivery.aggregate({ where: { topic: "inventory_levels/update", receivedAt: { gte: new Date(since * 1000) } }, _min: { receivedAt: true }, _max: { receivedAt: true } });
    const arrivalSpanMs = received._max.receivedAt!.getTime() - received._min.receivedAt!.getTime();
    const stockCalls = tiktokRequestsAfter(mark).filter((r) => r.path === `/product/202309/products/${tiktokProductId}/inventory/update` && r.http_status === 200);
    expect(stockCalls.length).toBeGreaterThanOrEqual(1);
    expect(stockCalls.length, `burst sent in ${Math.round(burstMs)} ms, delivered to the app over ${arrivalSpanMs} ms`).toBeLessThanOrEqual(2 + Math.ceil(Math.max(0, arrivalSpanMs - 1000) / 2000));
    expect(totalStock(tiktokSkuOf(variant.id)!.sku.inventory)).toBe(availableInShopify(item.id) - 1);
    // The changes within one second cannot be ordered by Shopify's updated_at: at most one settling read per push.
    // One event per push (not per change); a push reads Shopify only to settle changes within one second.
    const pushes = await h.db.syncEvent.findMany({ where: { productId: variant.productId, action: "inventory", createdAt: { gte: new Date(since * 1000) } }, select: { tiktokRequestId: true } });
    expect(pushes.map((p) => p.tiktokRequestId).sort()).toEqual(stockCalls.map((c) => c.request_id).sort());
  });

  it("ignores a stock delivery older than the stock already applied", async () => {
    const { variant, item, locationId } = firstTrackedVariant();
    await setStock(item.id, locationId, 77);
    await eventually(async () => (totalStock(tiktokSkuOf(variant.id)!.sku.inventory) === availableInShopify(item.id) - 1 ? true : undefined), 15_000, "77 on TikTok");
    const otherLocations = availableInShopify(item.id) - 77;
    const stale = { inventory_item_id: Number(item.id.split("/").pop()), location_id: Number(locationId.split("/").pop()), available: 5, updated_at: "2020-01-01T00:00:00Z" };
    const response = await fetch(shopifyWebhookRequest({ appUrl: h.app.url, path: "/webhooks/inventory_levels/update", shop: h.shop, topic: "inventory_levels/update", body: JSON.stringify(stale), secret: "harness-api-secret" }));
    expect(response.status).toBe(200);
    await eventually(async () => {
      const row = await h.db.webhookDelivery.findFirst({ where: { topic: "inventory_levels/update", payload: { contains: "2020-01-01" } } });
      return row?.status === "ignored" ? row : undefined;
    }, 10_000, "the stale delivery processed");
    expect(totalStock(tiktokSkuOf(variant.id)!.sku.inventory)).toBe(otherLocations + 77 - 1);
  });

  it("applies a changed price rule through the price endpoint; no product goes back to review", { timeout: 120_000 }, async () => {
    const mark = markTikTokRequests();
    const saved = await app.act("/app/settings", "routes/app.settings", {
      adjustmentKind: "percent", adjustmentValue: "20", rounding: "0.99", bufferKind: "fixed", bufferValue: "1", outOfStockThreshold: "0", length: "20", width: "15", height: "5",
    });
    expect(saved).toMatchObject({ ok: true, message: "Saved. 60 products are being updated on TikTok." });
    const variants = [...h.shopify.store.variants.values()];
    await eventually(async () => (variants.every((v) => tiktokSkuOf(v.id)?.sku.price.amount === expectedPrice(v.price, 20)) ? true : undefined), 60_000, "every price at +20 %");
    expect(tiktokProducts().every((p) => p.status === "ACTIVATE")).toBe(true);
    const calls = tiktokRequestsAfter(mark);
    // One price call per product whose TikTok price really changed (a cheap item can round to .99 either way).
    const changed = new Set(variants.filter((v) => expectedPrice(v.price, 10) !== expectedPrice(v.price, 20)).map((v) => v.productId));
    expect(changed.size).toBeGreaterThan(50);
    const repriced = new Set(calls.filter((r) => r.path.endsWith("/prices/update") && r.http_status === 200).map((r) => r.path.split("/")[4]));
    const tiktokIdOf = new Map(tiktokProducts().map((p) => [p.content.external_product_id, p.id]));
    expect(repriced).toEqual(new Set([...changed].map((id) => tiktokIdOf.get(id))));
    expect(calls.some((r) => r.method === "PUT" || r.path.endsWith("/partial_edit"))).toBe(false);
  });

  it("sends a price changed while the listing is in review once TikTok puts it live", { timeout: 60_000 }, async () => {
    await quietEngine();
    const { variant } = firstTrackedVariant();
    const tiktokProductId = tiktokSkuOf(variant.id)!.product.id;
    h.tiktok.simulator.options.reviewDelayMs = 4000; // a review long enough to change the price during it
    try {
      // A content change sends the listing back to review…
      await adminGraphql(h.shopify, `mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { field message } } }`, { p: { id: variant.productId, descriptionHtml: "<p>New description, reviewed again.</p>" } });
      await eventually(async () => (h.tiktok.state.products.get(tiktokProductId)?.status === "PENDING" ? true : undefined), 15_000, "the listing in review");
      // (The price rule is +20 % since the previous test.) …and the price changes while TikTok reviews it: TikTok refuses price updates then, so it must wait.
      await adminGraphql(h.shopify, `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { field message } } }`, { productId: variant.productId, variants: [{ id: variant.id, price: "77.00" }] });
      await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: variant.productId } }))?.pricePendingHash ? true : undefined), 15_000, "the new price waiting for the review");
      expect(tiktokSkuOf(variant.id)!.sku.price.amount).not.toBe(expectedPrice("77.00", 20));
      await eventually(async () => (tiktokSkuOf(variant.id)!.product.status === "ACTIVATE" && tiktokSkuOf(variant.id)!.sku.price.amount === expectedPrice("77.00", 20) ? true : undefined), 20_000, "the new price on TikTok once live");
      // (TikTok's webhook and the app's own review check can both see it go live: one or two price calls.)
      // The app records the event after TikTok answered, so it may land just after the simulator shows the price.
      await eventually(async () => ((await h.db.syncEvent.count({ where: { productId: variant.productId, trigger: "tiktok:went-live", action: "price" } })) >= 1 ? true : undefined), 10_000, "the went-live price event");
      await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: variant.productId } }))?.pricePendingHash === null ? true : undefined), 10_000, "nothing left waiting");
    } finally {
      h.tiktok.simulator.options.reviewDelayMs = 150;
    }
  });

  it("finds a review result whose TikTok webhook was lost: the shop's one review sweep asks TikTok", { timeout: 60_000 }, async () => {
    await quietEngine();
    const { variant } = firstTrackedVariant();
    const tiktokProductId = tiktokSkuOf(variant.id)!.product.id;
    const webhookUrl = h.tiktok.simulator.webhookUrl;
    h.tiktok.simulator.webhookUrl = "http://127.0.0.1:9/tiktok/webhooks"; // nothing listens: TikTok's status webhooks (and their retries) are lost
    const since = new Date();
    try {
      await adminGraphql(h.shopify, `mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { field message } } }`, { p: { id: variant.productId, descriptionHtml: "<p>Reviewed while TikTok cannot reach the app.</p>" } });
      await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: variant.productId } }))?.state === "in_review" ? true : undefined), 15_000, "the app showing the listing in review");
      await eventually(async () => (h.tiktok.state.products.get(tiktokProductId)?.status === "ACTIVATE" ? true : undefined), 15_000, "TikTok's review done");
      // One sweep job for the shop, not one per listing.
      expect(await h.db.job.count({ where: { shop: h.shop, type: "product.review-check", status: "pending", createdAt: { gte: since } } })).toBeLessThanOrEqual(1);
      await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: variant.productId } }))?.state === "live" ? true : undefined), 20_000, "the app showing it live from its own check");
      expect(await h.db.syncEvent.count({ where: { productId: variant.productId, trigger: "review-check", createdAt: { gte: since } } })).toBeGreaterThanOrEqual(1);
    } finally {
      h.tiktok.simulator.webhookUrl = webhookUrl;
    }
  });

  it("ends on the right state when Shopify delivers webhooks twice and out of order", async () => {
    await fetch(`${h.shopify.url}/sandbox/webhooks/knobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ duplicate: true, reorder: true }) });
    try {
      const { variant, item, locationId } = firstTrackedVariant();
      for (const available of [10, 11, 12, 13, 14]) await setStock(item.id, locationId, available);
      await h.shopify.webhooks.idle();
      await eventually(async () => (totalStock(tiktokSkuOf(variant.id)!.sku.inventory) === Math.max(0, availableInShopify(item.id) - 1) ? true : undefined), 15_000, "the last stock value on TikTok");
      const duplicates = h.shopify.deliveries.filter((d) => d.attempts.some((a) => a.duplicate));
      expect(duplicates.length).toBeGreaterThan(0);
      // Each webhook id was recorded once, however often it arrived.
      const recorded = await h.db.webhookDelivery.groupBy({ by: ["deliveryId"], _count: { _all: true }, having: { deliveryId: { _count: { gt: 1 } } } });
      expect(recorded).toEqual([]);
    } finally {
      await fetch(`${h.shopify.url}/sandbox/webhooks/knobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ duplicate: false, reorder: false }) });
    }
  });

  it("reconcile repairs drift on TikTok's side and reports what it repaired", { timeout: 120_000 }, async () => {
    const [drifted, gone] = tiktokProducts();
    const sku = [...drifted!.skus.values()][0]!;
    const rightPrice = sku.price.amount;
    sku.price = { ...sku.price, amount: "1.00" }; // changed by hand in Seller Center
    gone!.statusBeforeDelete = gone!.status;
    gone!.status = "DELETED"; // deleted in Seller Center
    const result = await app.act("/app/products?index", PRODUCTS, { intent: "reconcile" });
    expect(result).toMatchObject({ ok: true });
    await eventually(async () => (tiktokSkuOf(sku.external_sku_id)?.sku.price.amount === rightPrice ? true : undefined), 30_000, "the price repaired");
    await eventually(async () => (gone!.status === "ACTIVATE" ? true : undefined), 30_000, "the deleted listing recovered and live again").catch(async (error) => {
      const events = await h.db.syncEvent.findMany({ where: { productId: gone!.content.external_product_id }, orderBy: { createdAt: "asc" } });
      throw new Error(`${(error as Error).message}\n${events.map((e) => `${e.trigger} ${e.action} ${e.outcome}: ${e.summary}`).join("\n")}\n${h.app.output().slice(-1500)}`);
    });
    // One report per listing once every reconcile job has run.
    const reports = await eventually(async () => {
      const all = await h.db.syncEvent.findMany({ where: { trigger: "reconcile" } });
      return new Set(all.map((e) => e.productId)).size === 60 ? all : undefined;
    }, 60_000, "a reconcile report for every listing");
    expect(reports.some((e) => e.summary.includes(`price 1.00 → ${rightPrice}`))).toBe(true);
    expect(reports.some((e) => e.summary.includes("had been deleted on TikTok; recovered it"))).toBe(true);
    expect(tiktokProducts().filter((p) => p.content.external_product_id === gone!.content.external_product_id)).toHaveLength(1);
    expect(reports.filter((e) => e.summary === "Reconcile: TikTok matches Shopify.").length).toBeGreaterThan(50);
  });

  it("syncs a new Shopify product automatically when it matches an auto-include rule", { timeout: 60_000 }, async () => {
    const saved = await app.act("/app/settings", "routes/app.settings", {
      adjustmentKind: "percent", adjustmentValue: "20", rounding: "0.99", bufferKind: "fixed", bufferValue: "1", outOfStockThreshold: "0", length: "20", width: "15", height: "5",
      autoInclude: "vendor: Auto Vendor\ncollection: Jewelery\ntag: tiktok-now",
    });
    expect(saved).toMatchObject({ ok: true });
    const bad = await app.act("/app/settings", "routes/app.settings", { adjustmentKind: "none", rounding: "none", bufferKind: "none", outOfStockThreshold: "0", length: "", width: "", height: "", autoInclude: "colour: red" });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining("vendor: …, type: …, tag: … or collection: …") });

    const created = await fetch(`${h.shopify.url}/sandbox/products`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Summer Tote Bag", descriptionHtml: "<p>Roomy cotton tote for the beach.</p>", vendor: "Auto Vendor", price: "30.00", sku: "TOTE-1", quantity: 7 }),
    });
    expect(created.status).toBe(201);
    const { product } = (await created.json()) as { product: { id: string } };
    const record = await eventually(async () => (await h.db.productSync.findFirst({ where: { productId: product.id, state: "live" } })) ?? undefined, 45_000, "the new product live on TikTok").catch(async (error) => {
      throw new Error(`${(error as Error).message}\n${await h.diagnose([product.id])}\n${JSON.stringify(await h.db.webhookDelivery.findMany({ where: { topic: "products/create" }, select: { status: true, error: true } }))}`);
    });
    expect(record).toMatchObject({ selected: true, selectedBy: "rule:vendor:Auto Vendor" });
    expect(tiktokProducts().filter((p) => p.content.external_product_id === product.id)).toHaveLength(1);

    // A new product in a collection a rule names (its collections are read from Shopify: webhooks do not say).
    const createProduct = async (body: Record<string, unknown>) => {
      const response = await fetch(`${h.shopify.url}/sandbox/products`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ descriptionHtml: "<p>Handmade and gift-boxed.</p>", price: "25.00", quantity: 5, ...body }) });
      expect(response.status).toBe(201);
      return ((await response.json()) as { product: { id: string } }).product.id;
    };
    const ring = await createProduct({ title: "Silver Stacking Ring", vendor: "Ring Maker", sku: "RING-1", collections: ["jewelery"] });
    const ringRecord = await eventually(async () => (await h.db.productSync.findFirst({ where: { productId: ring, state: "live" } })) ?? undefined, 45_000, "the ring live on TikTok");
    expect(ringRecord.selectedBy).toBe("rule:collection:Jewelery");

    // A new product that matches only after an edit (a tag added after creating it) is chosen then.
    const mug = await createProduct({ title: "Plain Stoneware Mug", vendor: "Mug Maker", sku: "MUG-NEW-1" });
    await h.shopify.webhooks.idle();
    await eventually(async () => ((await h.db.webhookDelivery.count({ where: { topic: "products/create", status: { in: ["enqueued", "received"] } } })) === 0 ? true : undefined), 15_000, "products/create processed");
    expect(await h.db.productSync.findFirst({ where: { productId: mug } })).toBeNull(); // no rule matched yet
    const tagged = await fetch(`${h.shopify.url}/sandbox/products/${encodeURIComponent(mug)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tags: "tiktok-now" }) });
    expect(tagged.status).toBe(200);
    await eventually(async () => (await h.db.productSync.findFirst({ where: { productId: mug, selected: true } })) ?? undefined, 30_000, "the mug chosen after its edit");

    // The merchant stops syncing the first product; editing it later does not bring it back.
    await app.act("/app/products?index", PRODUCTS, { intent: "select", productIds: product.id, selected: "false" });
    await fetch(`${h.shopify.url}/sandbox/products/${encodeURIComponent(product.id)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Summer Tote Bag (new colours)" }) });
    await h.shopify.webhooks.idle();
    await quietEngine();
    expect(await h.db.productSync.findFirst({ where: { productId: product.id } })).toMatchObject({ selected: false });
  });

  it("deactivates a product that stops syncing, or deletes it when the merchant chose that", { timeout: 90_000 }, async () => {
    const [first, second] = tiktokProducts().filter((p) => p.status === "ACTIVATE");
    await app.act("/app/products?index", PRODUCTS, { intent: "select", productIds: first!.content.external_product_id, selected: "false" });
    await eventually(async () => (first!.status === "SELLER_DEACTIVATED" ? true : undefined), 30_000, "the product deactivated on TikTok");
    await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: first!.content.external_product_id } }))?.state === "deactivated" ? true : undefined), 10_000, "the app's record");
    expect(await h.db.productSync.findFirst({ where: { productId: first!.content.external_product_id } })).toMatchObject({ state: "deactivated", selected: false });

    await app.act("/app/settings", "routes/app.settings", {
      adjustmentKind: "percent", adjustmentValue: "20", rounding: "0.99", bufferKind: "fixed", bufferValue: "1", outOfStockThreshold: "0", length: "20", width: "15", height: "5",
      autoInclude: "vendor: Auto Vendor", onRemove: "delete",
    });
    await app.act("/app/products?index", PRODUCTS, { intent: "select", productIds: second!.content.external_product_id, selected: "false" });
    await eventually(async () => (second!.status === "DELETED" ? true : undefined), 60_000, "the product deleted on TikTok");
    // TikTok answers before the app records it: wait for the app's side too.
    await eventually(async () => ((await h.db.productSync.findFirst({ where: { productId: second!.content.external_product_id } }))?.state === "not_synced" ? true : undefined), 10_000, "the app's record");
    expect(await h.db.productSync.findFirst({ where: { productId: second!.content.external_product_id } })).toMatchObject({ state: "not_synced", tiktokProductId: null });
  });
});
