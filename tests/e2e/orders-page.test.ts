// The merchant's orders journey in a real browser, inside the sandbox admin: no orders yet; then a TikTok
// buyer orders a product the app syncs (it becomes a Shopify order) and a product the merchant had listed by
// hand in TikTok Seller Center (the app cannot match its SKU: it waits at the top with why and what to do);
// the merchant does what the page says — syncs that product from the Products page, which links the listing
// already on TikTok — retries the order, and it becomes a Shopify order; its detail tells the story.
import path from "node:path";
import type { Browser, FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP_CHROME_UA, launchChromium } from "../support/chromium";
import { adminGraphql, prepareSampleStoreForTikTok, sampleStoreSettings } from "../support/merchant-setup";
import { listProductByHand } from "../support/seller-center";
import { eventually, startSyncHarness, type SyncHarness } from "../support/sync-harness";

const artifacts = path.resolve("tests", "artifacts");

const SYNCED = "Ocean Blue Shirt"; // listed on TikTok by the app
const BY_HAND = "Striped Silk Blouse"; // listed on TikTok by the merchant in Seller Center
const BY_HAND_SKU = "SSB-BLUE-M"; // the merchant's SKU, on the Shopify variant and on the hand-made listing

interface Variant { id: string; sku: string | null; inventoryItem: { id: string } }

describe("orders page", () => {
  let h: SyncHarness;
  let browser: Browser;
  let page: Page;
  let app: FrameLocator;

  const nav = (name: string) => page.locator("#app-nav").getByText(name, { exact: true }).click();
  const rows = () => app.locator(".Polaris-IndexTable__TableRow");
  const row = (text: string): Locator => app.locator(".Polaris-IndexTable__TableRow", { hasText: text });
  const sandboxPost = async (base: string, urlPath: string, body: object) => {
    const response = await fetch(`${base}${urlPath}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${urlPath} → ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const productByTitle = async (title: string) => {
    const { products } = await adminGraphql<{ products: { nodes: Array<{ id: string; title: string; variants: { nodes: Variant[] } }> } }>(
      h.shopify, `query($q: String!) { products(first: 5, query: $q) { nodes { id title variants(first: 5) { nodes { id sku inventoryItem { id } } } } } }`, { q: `title:'${title}'` },
    );
    const product = products.nodes.find((p) => p.title === title);
    if (!product) throw new Error(`No product titled ${title} in the sample store`);
    return product;
  };
  /** The merchant's stock in Shopify, at the location that holds most of it. */
  const setStock = async (inventoryItemId: string, available: number) => {
    const [level] = [...h.shopify.store.inventoryItems.get(inventoryItemId)!.levels.values()].sort((a, b) => b.quantities.available - a.quantities.available);
    await sandboxPost(h.shopify.url, "/sandbox/inventory", { inventoryItemId, locationId: level!.locationId, available });
  };
  /** A TikTok buyer's paid order (no cancellation hold: it awaits shipment at once). */
  const placeOrder = async (skuId: string) =>
    String((await sandboxPost(h.tiktok.url, "/sandbox/orders", { shop_id: h.tiktokShopId, items: [{ sku_id: skuId, quantity: 1 }], hold: false })).order_id);
  const appOrderState = async (tiktokOrderId: string) => (await h.db.tikTokOrder.findFirst({ where: { tiktokOrderId } }))?.state;
  const untilOrderState = (tiktokOrderId: string, state: string) =>
    eventually(async () => ((await appOrderState(tiktokOrderId)) === state ? true : undefined), 45_000, `TikTok order ${tiktokOrderId} ${state} in the app`);
  const shopifyOrderName = async (tiktokOrderId: string) =>
    (await adminGraphql<{ orders: { nodes: Array<{ name: string }> } }>(h.shopify, `query($q: String!) { orders(first: 5, query: $q) { nodes { name } } }`, { q: `source_identifier:${tiktokOrderId}` })).orders.nodes;

  beforeAll(async () => {
    h = await startSyncHarness({ settings: sampleStoreSettings() });
    await prepareSampleStoreForTikTok(h.shopify); // weights and tracked stock: what TikTok needs to list the sample store
    browser = await launchChromium();
    page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1400, height: 1000 } });
    await page.goto(h.shopify.adminUrl);
    app = page.frameLocator("iframe");
    await app.getByText("Linked TikTok shops").waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  }, 30_000);

  it("shows a problem order first with what to do, imports it once the merchant fixes the cause and retries, and tells its story", { timeout: 180_000 }, async () => {
    // 1. No orders yet: the empty state, and asking TikTok now.
    await nav("Orders");
    await app.getByRole("heading", { name: "Orders", exact: true }).waitFor({ timeout: 20_000 });
    await app.getByText("No TikTok orders yet").waitFor({ timeout: 15_000 });
    await app.getByRole("button", { name: "Check TikTok now" }).click();
    await app.getByText("Asking TikTok for new and changed orders now; they appear here within a minute.").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, "orders-empty.png"), fullPage: true });

    // 2. The merchant syncs the shirt from the Products page; it goes live on TikTok.
    const shirt = await productByTitle(SYNCED);
    const blouse = await productByTitle(BY_HAND);
    await setStock(shirt.variants.nodes[0]!.inventoryItem.id, 10);
    await nav("Products");
    await app.getByRole("heading", { name: "Products", exact: true }).waitFor({ timeout: 20_000 });
    await row(SYNCED).getByRole("button", { name: "Sync" }).click();
    await app.getByText("1 product queued for TikTok.").waitFor({ timeout: 15_000 });
    await row(SYNCED).getByText("Live", { exact: true }).waitFor({ timeout: 30_000 });
    const shirtSku = await eventually(async () => (await h.db.skuLink.findFirst({ where: { productId: shirt.id } }))?.tiktokSkuId, 10_000, "the shirt's TikTok SKU");

    // Meanwhile, in Seller Center, the merchant had listed the blouse by hand, with the SKU it has in Shopify.
    await adminGraphql(h.shopify, `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { message } } }`, {
      productId: blouse.id, variants: [{ id: blouse.variants.nodes[0]!.id, inventoryItem: { sku: BY_HAND_SKU } }],
    });
    await setStock(blouse.variants.nodes[0]!.inventoryItem.id, 10);
    const handListing = await listProductByHand(h.tiktok, h.tiktokShopId, { title: BY_HAND, sellerSku: BY_HAND_SKU, price: "39.00", quantity: 10 });

    // A buyer orders the blouse, then another buyer the shirt.
    const blouseOrder = await placeOrder(handListing.skuId);
    await untilOrderState(blouseOrder, "problem");
    const shirtOrder = await placeOrder(shirtSku);
    await untilOrderState(shirtOrder, "imported");
    const [shirtShopifyOrder] = await shopifyOrderName(shirtOrder);

    await nav("Orders");
    await eventually(async () => ((await rows().count()) === 2 ? true : undefined), 20_000, "both orders in the table");
    // The blouse's order is older, yet it comes first: it needs the merchant.
    await expect(rows().first().innerText()).resolves.toContain(blouseOrder);
    const problemRow = row(blouseOrder);
    await problemRow.getByText("Needs attention").waitFor();
    await problemRow.getByText(`TikTok sold ${BY_HAND_SKU} (${BY_HAND}), which the app cannot match to a Shopify variant.`, { exact: false }).waitFor();
    await problemRow.getByText(/Sync the product from the Products page/).waitFor();
    // APP BUG (soft): the reason and the fix are one unwrapped line that runs past the table's edge (pushing
    // "Placed" out of view too): the merchant has to scroll the table sideways to read what to do.
    const whatToDo = (await problemRow.getByText(/TikTok sold/).boundingBox())!;
    const table = (await app.locator(".Polaris-IndexTable").first().boundingBox())!;
    expect.soft(whatToDo.x + whatToDo.width, "the reason and the fix can be read without scrolling the table").toBeLessThanOrEqual(table.x + table.width);
    await app.getByText("1 order cannot be imported yet").waitFor();
    await row(shirtOrder).getByText("In Shopify").waitFor();
    await row(shirtOrder).getByText(shirtShopifyOrder!.name, { exact: true }).waitFor();
    await app.getByRole("button", { name: "Needs attention (1)" }).waitFor();
    await app.getByRole("button", { name: "In Shopify (1)" }).waitFor();
    await page.screenshot({ path: path.join(artifacts, "orders-problem.png"), fullPage: true });

    // 3. The fix the page names: sync the blouse from the Products page. The app finds the listing already on
    //    TikTok by its SKU and links it instead of listing it twice.
    await nav("Products");
    await app.getByRole("heading", { name: "Products", exact: true }).waitFor({ timeout: 20_000 });
    await row(BY_HAND).getByRole("button", { name: "Sync" }).click();
    await app.getByText("1 product queued for TikTok.").waitFor({ timeout: 15_000 });
    await row(BY_HAND).getByText(/^(In review|Live)$/).waitFor({ timeout: 30_000 });
    await row(BY_HAND).locator("a").first().click();
    await app.getByRole("heading", { name: BY_HAND }).waitFor({ timeout: 15_000 });
    await app.getByText(`Found this product already on TikTok (${handListing.productId})`, { exact: false }).first().waitFor({ timeout: 15_000 });
    await app.getByRole("cell", { name: handListing.skuId }).waitFor(); // the TikTok SKU the buyer bought, now linked to the variant
    expect(h.tiktok.state.products.size).toBe(2); // adopted, not listed a second time

    // Back on Orders: select the blouse's order and press Retry. TikTok's API takes a second and a half to
    // answer here, as it often does in production: the retry outlasts the page's own reload after the press.
    await nav("Orders");
    await problemRow.waitFor({ timeout: 20_000 });
    await problemRow.locator(".Polaris-IndexTable__TableCell--first, .Polaris-IndexTable-Checkbox__Wrapper").first().click();
    await sandboxPost(h.tiktok.url, "/sandbox/faults", { latency_ms: 1500 });
    try {
      await app.getByRole("button", { name: "Retry", exact: true }).click();
      await app.getByText("Trying 1 order again now.", { exact: false }).waitFor({ timeout: 15_000 });
      await untilOrderState(blouseOrder, "imported");
    } finally {
      await sandboxPost(h.tiktok.url, "/sandbox/faults", {});
    }
    const [blouseShopifyOrder, ...more] = await shopifyOrderName(blouseOrder);
    expect(more).toEqual([]);
    // APP BUG (soft): the page should show the retried order as imported by itself — it refreshes every 2 s only
    // while orders wait or hold stock, so a retried problem order stays "Needs attention" until a reload.
    const refreshedByItself = await problemRow.getByText("In Shopify").waitFor({ timeout: 15_000 }).then(() => true, () => false);
    expect.soft(refreshedByItself, "the orders page shows the retried order as In Shopify without a reload").toBe(true);
    if (!refreshedByItself) await nav("Orders"); // what the merchant does meanwhile
    await problemRow.getByText("In Shopify").waitFor({ timeout: 20_000 });
    await problemRow.getByRole("link", { name: blouseShopifyOrder!.name, exact: true }).waitFor();
    await expect(problemRow.getByRole("link", { name: blouseShopifyOrder!.name, exact: true }).getAttribute("href")).resolves.toMatch(/\/orders\/\d+$/);
    await expect(app.getByText("cannot be imported yet").count()).resolves.toBe(0);
    await app.getByRole("button", { name: "In Shopify (2)" }).waitFor();
    await page.screenshot({ path: path.join(artifacts, "orders-imported.png"), fullPage: true });

    // The state filters.
    await app.getByRole("button", { name: "Needs attention (0)" }).click();
    await eventually(async () => ((await rows().count()) === 0 ? true : undefined), 15_000, "no rows under Needs attention");
    await page.screenshot({ path: path.join(artifacts, "orders-filter-empty.png"), fullPage: true });
    // APP BUG (soft): an empty filter shows the first-run empty state ("No TikTok orders yet") beside "In Shopify (2)".
    expect.soft(await app.getByText("No TikTok orders yet").count(), "a filter that matches nothing does not say there are no TikTok orders").toBe(0);
    await app.getByRole("button", { name: "In Shopify (2)" }).click();
    await eventually(async () => ((await rows().count()) === 2 ? true : undefined), 15_000, "both orders under In Shopify");

    // 4. The order's detail: its item, the Shopify order, and the timeline from the problem to the import.
    await row(blouseOrder).getByRole("link", { name: blouseOrder }).click();
    await app.getByRole("heading", { name: `TikTok order ${blouseOrder}` }).waitFor({ timeout: 15_000 });
    await app.getByText("In Shopify").first().waitFor();
    await app.getByRole("cell", { name: BY_HAND_SKU, exact: true }).waitFor();
    await app.getByRole("link", { name: `Open ${blouseShopifyOrder!.name} in Shopify` }).waitFor();
    const timeline = app.getByRole("table").filter({ hasText: "What happened" });
    await timeline.getByText(`⚠ TikTok sold ${BY_HAND_SKU} (${BY_HAND}), which the app cannot match`, { exact: false }).first().waitFor();
    await timeline.getByText(`Created Shopify order ${blouseShopifyOrder!.name} (paid through TikTok Shop).`).first().waitFor();
    await timeline.getByText(`TikTok knows this order as Shopify order ${blouseShopifyOrder!.name}.`).first().waitFor(); // the external reference sent back
    await page.screenshot({ path: path.join(artifacts, "order-detail.png"), fullPage: true });
  });
});
