// TikTok orders into Shopify end to end: the built app (web + worker) between the Shopify sandbox and the
// TikTok simulator over real HTTP, on both databases. A buyer's order reserves its units in Shopify during
// TikTok's hold and becomes exactly one paid Shopify order after it — also with webhooks delivered several
// times and out of order, an orderCreate answer lost, a crash between create and record, and the safety net.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedClient } from "../../support/embedded-fetch";
import { makeProductsLive, sandboxPost, type LiveSku } from "../../support/live-products";
import { adminGraphql, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";
import { TEST_DATABASES } from "../../support/test-databases";

const ORDERS = "routes/app.orders._index";

interface ShopifyOrder {
  id: string; name: string; sourceIdentifier: string; tags: string[]; displayFinancialStatus: string;
  totalPriceSet: { shopMoney: { amount: string } };
  lineItems: { nodes: Array<{ quantity: number; variant: { id: string } | null; taxLines: Array<{ channelLiable: boolean }> }> };
  transactions: Array<{ gateway: string; amountSet: { shopMoney: { amount: string } } }>;
  fulfillmentOrders: { nodes: Array<{ id: string; status: string; fulfillmentHolds: Array<{ handle: string | null }> }> };
}

const ORDERS_QUERY = `query($q: String!) { orders(first: 10, query: $q) { nodes {
  id name sourceIdentifier tags displayFinancialStatus totalPriceSet { shopMoney { amount } }
  lineItems(first: 20) { nodes { quantity variant { id } taxLines { channelLiable } } }
  transactions { gateway amountSet { shopMoney { amount } } }
  fulfillmentOrders(first: 5) { nodes { id status fulfillmentHolds { handle } } }
} } }`;

describe.each(TEST_DATABASES)("TikTok orders into Shopify ($name)", (backend) => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;
  let dropDatabase: () => Promise<void>;
  const linked: LiveSku[] = [];

  beforeAll(async () => {
    const database = await backend.create();
    dropDatabase = database.drop;
    h = await startSyncHarness({
      databaseUrl: database.url,
      settings: sampleStoreSettings(),
      appEnv: { ORDER_CREATE_LOOKUP_GRACE_MS: "1500", ORDER_POLL_INTERVAL_MS: "3000" },
    });
    app = embeddedClient(h.app.url, h.shopify);
    linked.push(...(await makeProductsLive(h, 4)));
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await dropDatabase?.();
  }, 30_000);

  const placeOrder = async (skuId: string, quantity: number, options: object = {}) =>
    String((await sandboxPost(h.tiktok.url, "/sandbox/orders", { shop_id: h.tiktokShopId, items: [{ sku_id: skuId, quantity }], ...options })).order_id);
  const advance = (orderId: string) => sandboxPost(h.tiktok.url, `/sandbox/orders/${orderId}/advance`);
  const tiktokStatus = (orderId: string) => h.tiktok.state.orders.get(orderId)?.status;
  // The buyer pays a second after ordering (simulator clock); TikTok's hold then lasts an hour unless advanced.
  const untilTikTok = (orderId: string, status: string) => eventually(async () => (tiktokStatus(orderId) === status ? true : undefined), 15_000, `TikTok order ${status}`);
  const level = (inventoryItemId: string) => [...h.shopify.store.inventoryItems.get(inventoryItemId)!.levels.values()].sort((a, b) => b.quantities.available - a.quantities.available)[0]!;
  const quantities = (inventoryItemId: string) => {
    const all = [...h.shopify.store.inventoryItems.get(inventoryItemId)!.levels.values()];
    const sum = (name: "available" | "reserved" | "committed") => all.reduce((n, l) => n + l.quantities[name], 0);
    return { available: sum("available"), reserved: sum("reserved"), committed: sum("committed") };
  };
  const setStock = (inventoryItemId: string, available: number) =>
    sandboxPost(h.shopify.url, "/sandbox/inventory", { inventoryItemId, locationId: level(inventoryItemId).locationId, available });
  const tiktokStock = (skuId: string) => {
    for (const product of h.tiktok.state.products.values()) {
      const sku = product.skus.get(skuId);
      if (sku) return [...sku.inventory.values()].reduce((n, q) => n + q, 0);
    }
    return undefined;
  };
  const shopifyOrders = async (tiktokOrderId: string) => (await adminGraphql<{ orders: { nodes: ShopifyOrder[] } }>(h.shopify, ORDERS_QUERY, { q: `source_identifier:${tiktokOrderId}` })).orders.nodes;
  const appOrder = (tiktokOrderId: string) => h.db.tikTokOrder.findFirst({ where: { tiktokOrderId } });
  const untilState = (tiktokOrderId: string, state: string, what = `order ${tiktokOrderId} ${state}`) =>
    eventually(async () => ((await appOrder(tiktokOrderId))?.state === state ? true : undefined), 45_000, what);
  const untilStockSettled = (sku: (typeof linked)[number]) =>
    eventually(async () => (tiktokStock(sku.tiktokSkuId) === quantities(sku.inventoryItemId).available ? true : undefined), 30_000, "TikTok's stock equal to Shopify's available");

  it("reserves the units during TikTok's hold, imports one paid order after it, gives the reservation back, and both sides end with the same stock", async () => {
    const sku = linked[0]!;
    await setStock(sku.inventoryItemId, 10);
    await untilStockSettled(sku);
    const orderId = await placeOrder(sku.tiktokSkuId, 2);
    await untilTikTok(orderId, "ON_HOLD");

    await untilState(orderId, "reserved", "the reservation during the hold");
    expect(quantities(sku.inventoryItemId)).toMatchObject({ available: 8, reserved: 2 });
    expect(await shopifyOrders(orderId)).toEqual([]); // never imported while ON_HOLD

    await advance(orderId); // the hold ends
    await untilState(orderId, "imported");
    const [order, ...more] = await shopifyOrders(orderId);
    expect(more).toEqual([]);
    expect(order).toMatchObject({ sourceIdentifier: orderId, displayFinancialStatus: "PAID" });
    expect(order!.tags).toEqual(expect.arrayContaining(["TikTok Shop", `TTS:${orderId}`]));
    expect(order!.lineItems.nodes).toEqual([expect.objectContaining({ quantity: 2, variant: { id: sku.variantId } })]);
    expect(order!.lineItems.nodes[0]!.taxLines.every((t) => t.channelLiable)).toBe(true);
    const tiktok = h.tiktok.state.orders.get(orderId)!;
    expect(order!.transactions.map((t) => [t.gateway, Number(t.amountSet.shopMoney.amount)])).toContainEqual(["TikTok Shop", Number(tiktok.payment.total_amount)]);
    await eventually(async () => (quantities(sku.inventoryItemId).reserved === 0 ? true : undefined), 20_000, "the reservation released");
    expect(quantities(sku.inventoryItemId)).toMatchObject({ available: 8, committed: 2 });
    await eventually(async () => ((await appOrder(orderId))?.referenceSent ? true : undefined), 20_000, "the external reference");
    expect([...tiktok.externalOrders.values()][0]).toMatchObject({ platform: "SHOPIFY", id: order!.id.split("/").pop() });
    await untilStockSettled(sku);
    expect(tiktokStock(sku.tiktokSkuId)).toBe(8);

    const page = await app.load("/app/orders", ORDERS);
    expect(page.orders).toContainEqual(expect.objectContaining({ tiktokOrderId: orderId, state: "imported", shopifyOrderName: order!.name }));
    const productPage = await app.load(`/app/products/${sku.productId.split("/").pop()}`, "routes/app.products.$id");
    expect(productPage.orders).toContainEqual(expect.objectContaining({ tiktokOrderId: orderId, units: 2 }));
  });

  it("GIVEN each webhook delivered three times and out of order, a lost orderCreate answer and the safety net at once THEN one Shopify order", async () => {
    const sku = linked[1]!;
    await setStock(sku.inventoryItemId, 20);
    await untilStockSettled(sku);
    await sandboxPost(h.tiktok.url, "/sandbox/faults", { webhook_duplicate_rate: 1, webhook_reorder_window_ms: 300 });
    await sandboxPost(h.shopify.url, "/sandbox/faults", { loseOrderCreateAnswers: 1 });
    try {
      const orderId = await placeOrder(sku.tiktokSkuId, 3);
      await untilTikTok(orderId, "ON_HOLD");
      await advance(orderId);

      await untilState(orderId, "imported");
      expect(await shopifyOrders(orderId)).toHaveLength(1);
      const timeline = await h.db.orderEvent.findMany({ where: { tiktokOrderId: orderId, action: "import" } });
      expect(timeline.map((e) => e.summary).join(" ")).toContain("answer was lost");
      // The safety net runs again (every 3 s here) and changes nothing.
      const runs = await h.db.orderPollCursor.findFirst();
      await eventually(async () => ((await h.db.orderPollCursor.findFirst())!.lastRunAt! > runs!.lastRunAt! ? true : undefined), 20_000, "another safety-net run");
      expect(await shopifyOrders(orderId)).toHaveLength(1);
    } finally {
      await sandboxPost(h.tiktok.url, "/sandbox/faults", {});
    }
  });

  it("GIVEN the worker died between orderCreate and recording its id THEN the retry finds the order instead of creating a second", async () => {
    const sku = linked[2]!;
    await setStock(sku.inventoryItemId, 5);
    await untilStockSettled(sku);
    const orderId = await placeOrder(sku.tiktokSkuId, 1, { hold: false });
    await untilTikTok(orderId, "AWAITING_SHIPMENT");
    await untilState(orderId, "imported");
    // The state a crash right after Shopify's answer leaves: the intent recorded, no Shopify id, long enough ago.
    await h.db.tikTokOrder.updateMany({ where: { tiktokOrderId: orderId }, data: { state: "new", shopifyOrderId: null, shopifyOrderName: null, createIntentAt: new Date(Date.now() - 60_000) } });
    await app.act("/app/orders?index", ORDERS, { intent: "retry", ids: orderId });
    await untilState(orderId, "imported", "the retry adopting the order");
    expect(await shopifyOrders(orderId)).toHaveLength(1);
    // No hold from TikTok: Shopify holds the fulfilment until an hour after payment.
    const [order] = await shopifyOrders(orderId);
    expect(order!.fulfillmentOrders.nodes.flatMap((fo) => fo.fulfillmentHolds.map((hold) => hold.handle))).toContain("tiktok-remorse");
  });

  it("GIVEN a buyer cancels during the hold THEN the reservation goes back and no Shopify order is made", async () => {
    const sku = linked[3]!;
    await setStock(sku.inventoryItemId, 6);
    await untilStockSettled(sku);
    const orderId = await placeOrder(sku.tiktokSkuId, 2);
    await untilTikTok(orderId, "ON_HOLD");
    await untilState(orderId, "reserved");
    expect(quantities(sku.inventoryItemId)).toMatchObject({ available: 4, reserved: 2 });
    await sandboxPost(h.tiktok.url, `/sandbox/orders/${orderId}/buyer-cancel`);
    await untilState(orderId, "cancelled");
    expect(quantities(sku.inventoryItemId)).toMatchObject({ available: 6, reserved: 0 });
    expect(await shopifyOrders(orderId)).toEqual([]);
    await untilStockSettled(sku);
    expect(tiktokStock(sku.tiktokSkuId)).toBe(6);
  });

  it("GIVEN an order for a SKU the app cannot match THEN it waits with the reason and imports once the link is back and the merchant retries", async () => {
    const sku = linked[0]!;
    const saved = await h.db.skuLink.findMany({ where: { tiktokSkuId: sku.tiktokSkuId } });
    await h.db.skuLink.deleteMany({ where: { tiktokSkuId: sku.tiktokSkuId } });
    const orderId = await placeOrder(sku.tiktokSkuId, 1, { hold: false });
    await untilTikTok(orderId, "AWAITING_SHIPMENT");
    await untilState(orderId, "problem");
    const page = await app.load("/app/orders", ORDERS);
    expect(page.orders[0]).toMatchObject({ tiktokOrderId: orderId, problem: { message: expect.stringContaining("cannot match"), fix: expect.stringContaining("Retry") } });
    await h.db.skuLink.createMany({ data: saved });
    await app.act("/app/orders?index", ORDERS, { intent: "retry", ids: orderId });
    await untilState(orderId, "imported");
    expect(await shopifyOrders(orderId)).toHaveLength(1);
  });

  it("GIVEN a fulfilled-by-TikTok order THEN it is imported and later fulfilled with TikTok's tracking, never touching the merchant's stock", async () => {
    const sku = linked[1]!;
    await setStock(sku.inventoryItemId, 7);
    await untilStockSettled(sku);
    const before = quantities(sku.inventoryItemId);
    const orderId = await placeOrder(sku.tiktokSkuId, 1, { fulfillment_type: "FULFILLMENT_BY_TIKTOK" });
    await untilTikTok(orderId, "ON_HOLD");
    await advance(orderId);
    await untilState(orderId, "imported");
    const [order] = await shopifyOrders(orderId);
    expect(order!.tags).toContain("FBT");
    expect(quantities(sku.inventoryItemId)).toEqual(before);

    await advance(orderId); // TikTok's warehouse ships it with TikTok's carrier and tracking
    const tracking = h.tiktok.state.orders.get(orderId)!.tracking_number;
    expect(tracking).toMatch(/^TT/);
    const shopifyTracking = async () => (await adminGraphql<{ order: { fulfillments: Array<{ trackingInfo: Array<{ number: string }> }> } }>(h.shopify, `query($id: ID!) { order(id: $id) { fulfillments { trackingInfo { number } } } }`, { id: order!.id })).order.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.number));
    await eventually(async () => ((await shopifyTracking()).includes(tracking) ? true : undefined), 30_000, "TikTok's tracking on the Shopify order");
    expect(quantities(sku.inventoryItemId)).toEqual(before); // shipped from TikTok's warehouse, not the merchant's
  });
});
