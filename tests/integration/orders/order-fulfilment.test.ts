// After the import: what the merchant does in Shopify reaches TikTok (shipments, split by TikTok line, with the
// carrier mapped; tracking corrections), and what the buyer does on TikTok reaches Shopify (a cancellation
// cancels the Shopify order and restocks it). The built app between both sandboxes over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedClient } from "../../support/embedded-fetch";
import { makeProductsLive, sandboxPost, type LiveSku } from "../../support/live-products";
import { adminGraphql, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, TIKTOK_KEY, TIKTOK_SECRET, type SyncHarness } from "../../support/sync-harness";
import { makeCaller } from "../tiktok-sandbox/signed-client";
import { TEST_DATABASES } from "../../support/test-databases";


describe.each(TEST_DATABASES)("TikTok orders after the import ($name)", (backend) => {
  let h: SyncHarness;
  let dropDatabase: () => Promise<void>;
  let sku: LiveSku;
  let shopifyClockOffsetMs = 0;

  beforeAll(async () => {
    const database = await backend.create();
    dropDatabase = database.drop;
    // Shopify's clock can be moved forward (the development store's per-minute order limit).
    h = await startSyncHarness({ databaseUrl: database.url, settings: sampleStoreSettings(), shopify: { now: () => new Date(Date.now() + shopifyClockOffsetMs) } });
    [sku] = (await makeProductsLive(h, 1)) as [LiveSku];
    const level = [...h.shopify.store.inventoryItems.get(sku.inventoryItemId)!.levels.values()][0]!;
    await post(h.shopify.url, "/sandbox/inventory", { inventoryItemId: sku.inventoryItemId, locationId: level.locationId, available: 50 });
    await eventually(async () => (tiktokStock() === 50 ? true : undefined), 30_000, "TikTok's stock at 50");
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await dropDatabase?.();
  }, 30_000);

  const post = sandboxPost;
  function tiktokStock() {
    for (const product of h.tiktok.state.products.values()) {
      const found = product.skus.get(sku.tiktokSkuId);
      if (found) return [...found.inventory.values()].reduce((n, q) => n + q, 0);
    }
    return undefined;
  }
  const tiktokOrder = (id: string) => h.tiktok.state.orders.get(id)!;
  const untilTikTok = (id: string, status: string) => eventually(async () => (tiktokOrder(id)?.status === status ? true : undefined), 15_000, `TikTok order ${status}`);
  const appOrder = (id: string) => h.db.tikTokOrder.findFirst({ where: { tiktokOrderId: id } });
  const untilState = (id: string, state: string) => eventually(async () => ((await appOrder(id))?.state === state ? true : undefined), 45_000, `order ${state}`);
  const timeline = async (id: string) => (await h.db.orderEvent.findMany({ where: { tiktokOrderId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.summary).join(" | ");

  /** A paid TikTok order past its hold, imported: its Shopify order's numeric id and line id. */
  async function importedOrder(quantity: number, options: object = {}) {
    const placed = await post(h.tiktok.url, "/sandbox/orders", { shop_id: h.tiktokShopId, items: [{ sku_id: sku.tiktokSkuId, quantity }], ...options });
    const id = String(placed.order_id);
    if ((options as { hold?: boolean }).hold !== false) {
      await untilTikTok(id, "ON_HOLD");
      await post(h.tiktok.url, `/sandbox/orders/${id}/advance`);
    }
    await untilState(id, "imported");
    const record = (await appOrder(id))!;
    return { id, shopifyOrderId: record.shopifyOrderId!, numericId: record.shopifyOrderId!.split("/").pop()! };
  }

  it("GIVEN the merchant ships 1 of 3 units, then the rest with another carrier, and corrects a tracking number THEN TikTok shows each line shipped with its own tracking", async () => {
    const order = await importedOrder(3);
    const { order: shopifyOrder } = await adminGraphql<{ order: { lineItems: { nodes: Array<{ id: string }> } } }>(h.shopify, `query($id: ID!) { order(id: $id) { lineItems(first: 5) { nodes { id } } } }`, { id: order.shopifyOrderId });
    const lineItemId = shopifyOrder.lineItems.nodes[0]!.id;

    await post(h.shopify.url, `/sandbox/orders/${order.numericId}/fulfill`, { trackingCompany: "USPS", trackingNumber: "9400100000000000000001", lineItems: [{ lineItemId, quantity: 1 }] });
    await untilTikTok(order.id, "PARTIALLY_SHIPPING");
    expect(tiktokOrder(order.id).line_items.filter((l) => l.tracking_number === "9400100000000000000001").map((l) => l.shipping_provider_name)).toEqual(["USPS"]);

    const second = await post(h.shopify.url, `/sandbox/orders/${order.numericId}/fulfill`, { trackingCompany: "UPS", trackingNumber: "1Z999AA10123456784" });
    await untilTikTok(order.id, "IN_TRANSIT");
    expect(tiktokOrder(order.id).line_items.map((l) => l.tracking_number).sort()).toEqual(["1Z999AA10123456784", "1Z999AA10123456784", "9400100000000000000001"]);

    const fulfillmentId = String((second.fulfillments as Array<{ id: string }>)[0]!.id).split("/").pop();
    await post(h.shopify.url, `/sandbox/fulfillments/${fulfillmentId}/tracking`, { trackingNumber: "1Z999AA10123456799" });
    await eventually(async () => (tiktokOrder(order.id).line_items.filter((l) => l.tracking_number === "1Z999AA10123456799").length > 0 ? true : undefined), 20_000, "the corrected tracking on TikTok");
    await eventually(async () => ((await timeline(order.id)).includes("Tracking corrected on TikTok") ? true : undefined), 20_000, "the correction on the timeline");
  });

  it("GIVEN a carrier TikTok does not list THEN the order asks which TikTok carrier it is, sends the shipment once told, and remembers the choice", async () => {
    const order = await importedOrder(1);
    await post(h.shopify.url, `/sandbox/orders/${order.numericId}/fulfill`, { trackingCompany: "Pigeon Post", trackingNumber: "PP-1" });
    await eventually(async () => ((await appOrder(order.id))?.problemCode === "CARRIER_UNKNOWN" ? true : undefined), 20_000, "the carrier question");
    expect(tiktokOrder(order.id).status).toBe("AWAITING_SHIPMENT");
    const app = embeddedClient(h.app.url, h.shopify);
    const detail = await app.load(`/app/orders/${order.id}`, "routes/app.orders.$id");
    expect(detail).toMatchObject({ waitingCarrier: "Pigeon Post", carriers: ["USPS", "UPS", "FedEx"] });
    expect(await app.act(`/app/orders/${order.id}`, "routes/app.orders.$id", { intent: "map-carrier", company: "Pigeon Post", provider: "UPS" })).toMatchObject({ ok: true });
    await untilTikTok(order.id, "IN_TRANSIT");
    expect(tiktokOrder(order.id).line_items[0]).toMatchObject({ tracking_number: "PP-1", shipping_provider_name: "UPS" });
    expect((await appOrder(order.id))!.problemCode).toBeNull();

    const next = await importedOrder(1); // the choice is remembered
    await post(h.shopify.url, `/sandbox/orders/${next.numericId}/fulfill`, { trackingCompany: "Pigeon Post", trackingNumber: "PP-2" });
    await untilTikTok(next.id, "IN_TRANSIT");
  });

  it("GIVEN the buyer cancels on TikTok after the import THEN the Shopify order is cancelled and its units restocked", async () => {
    const available = () => [...h.shopify.store.inventoryItems.get(sku.inventoryItemId)!.levels.values()].reduce((n, l) => n + l.quantities.available, 0);
    const order = await importedOrder(2, { hold: false }); // a legacy order: the buyer may cancel outright for an hour
    const before = available();
    await post(h.tiktok.url, `/sandbox/orders/${order.id}/buyer-cancel`);
    await untilState(order.id, "cancelled");
    const cancelled = async () => (await adminGraphql<{ order: { cancelledAt: string | null } }>(h.shopify, `query($id: ID!) { order(id: $id) { cancelledAt } }`, { id: order.shopifyOrderId })).order.cancelledAt;
    await eventually(async () => ((await cancelled()) ? true : undefined), 20_000, "the Shopify order cancelled");
    await eventually(async () => (available() === before + 2 ? true : undefined), 20_000, "the units restocked");
    expect(await timeline(order.id)).toContain("Cancelled on TikTok");
  });

  it("GIVEN the merchant cancels a TikTok order in Shopify as out of stock THEN it is cancelled on TikTok with TikTok's out-of-stock reason", async () => {
    const order = await importedOrder(1);
    await post(h.shopify.url, `/sandbox/orders/${order.numericId}/cancel`, { reason: "INVENTORY", restock: true });
    await untilTikTok(order.id, "CANCELLED");
    await untilState(order.id, "cancelled");
    await eventually(async () => ((await timeline(order.id)).includes("seller_cancel_reason_out_of_stock") ? true : undefined), 20_000, "the reason on the timeline");
  });

  it("GIVEN the merchant cancels it in Shopify as fraud THEN TikTok is not given a seller-fault reason: the order says what to do", async () => {
    const order = await importedOrder(1);
    await post(h.shopify.url, `/sandbox/orders/${order.numericId}/cancel`, { reason: "FRAUD", restock: true });
    await untilState(order.id, "problem");
    expect((await appOrder(order.id))!.problemFix).toContain("TikTok Seller Center");
    expect(tiktokOrder(order.id).status).toBe("AWAITING_SHIPMENT");
  });

  it("GIVEN TikTok refunds a delivered order's item after a return request THEN the Shopify order shows the same refund, once", async () => {
    const order = await importedOrder(2);
    await post(h.shopify.url, `/sandbox/orders/${order.numericId}/fulfill`, { trackingCompany: "USPS", trackingNumber: "9400100000000000000777" });
    await untilTikTok(order.id, "IN_TRANSIT");
    const requested = await post(h.tiktok.url, `/sandbox/orders/${order.id}/return`, { return_type: "REFUND" });
    const returnId = String(requested.return_id);
    // The seller approves the refund in Seller Center (here: TikTok's API, signed).
    const seller = (await post(h.tiktok.url, "/sandbox/seller-token", { shop_id: h.tiktokShopId })) as { access_token: string; shop_cipher: string };
    const call = makeCaller(h.tiktok.url, TIKTOK_KEY, TIKTOK_SECRET, Date.now);
    await post(h.tiktok.url, "/sandbox/faults", { webhook_duplicate_rate: 1 }); // every return webhook twice
    const approved = await call(`/return_refund/202309/returns/${returnId}/approve`, { token: seller.access_token, cipher: seller.shop_cipher, query: { idempotency_key: "approve-1" }, body: {} });
    expect(approved.code).toBe(0);
    const refunds = async () => (await adminGraphql<{ order: { refunds: Array<{ id: string; totalRefundedSet: { shopMoney: { amount: string } } }> } }>(h.shopify, `query($id: ID!) { order(id: $id) { refunds { id totalRefundedSet { shopMoney { amount } } } } }`, { id: order.shopifyOrderId })).order.refunds;
    await eventually(async () => ((await refunds()).length === 1 ? true : undefined), 30_000, "the Shopify refund").catch(async (e) => {
      throw new Error(`${e.message}\n${await timeline(order.id)}\n${JSON.stringify(await h.db.job.findMany({ where: { type: "orders.return" } }))}\n${JSON.stringify(await h.db.webhookDelivery.findMany({ where: { topic: "RETURN_STATUS_CHANGE" }, select: { status: true, error: true, payload: true } }))}`);
    });
    const refundTotal = h.tiktok.state.returns.get(returnId)!.refund_amount.refund_total;
    expect(Number((await refunds())[0]!.totalRefundedSet.shopMoney.amount)).toBe(Number(refundTotal));
    await post(h.tiktok.url, "/sandbox/faults", {});
    await eventually(async () => ((await timeline(order.id)).includes(`return ${returnId}`) ? true : undefined), 20_000, "the refund on the timeline");
    await eventually(async () => ((await h.db.job.count({ where: { type: "orders.return", status: { in: ["pending", "running"] } } })) === 0 ? true : undefined), 20_000, "the return jobs done");
    expect(await refunds()).toHaveLength(1);
    expect(await timeline(order.id)).not.toContain("does not pay the buyer back"); // the app's own refund is not questioned

    // A refund the merchant makes in Shopify is explained: TikTok holds the buyer's money.
    await adminGraphql(h.shopify, `mutation($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "merchant-1") { refund { id } userErrors { message } } }`, {
      input: { orderId: order.shopifyOrderId, transactions: [{ orderId: order.shopifyOrderId, gateway: "TikTok Shop", kind: "REFUND", amount: "1.00" }] },
    });
    await eventually(async () => ((await timeline(order.id)).includes("does not pay the buyer back") ? true : undefined), 20_000, "the Shopify refund explained");
  });

  it("GIVEN the buyer asks to cancel after the hold THEN the order page shows the request and approving it cancels the order on both sides", async () => {
    const order = await importedOrder(1);
    await post(h.tiktok.url, `/sandbox/orders/${order.id}/buyer-cancel`);
    await eventually(async () => ((await appOrder(order.id))?.cancelRequested ? true : undefined), 20_000, "the request recorded");
    const app = embeddedClient(h.app.url, h.shopify);
    const page = await app.load("/app/orders", "routes/app.orders._index");
    expect(page.orders.find((o: { tiktokOrderId: string }) => o.tiktokOrderId === order.id)).toMatchObject({ cancelRequested: true });
    const refused = await app.act(`/app/orders/${order.id}`, "routes/app.orders.$id", { intent: "reject-cancel" });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("ship the order") }); // a US shop refuses by shipping
    expect(await app.act(`/app/orders/${order.id}`, "routes/app.orders.$id", { intent: "approve-cancel" })).toMatchObject({ ok: true });
    await untilTikTok(order.id, "CANCELLED");
    await untilState(order.id, "cancelled");
    const cancelledAt = async () => (await adminGraphql<{ order: { cancelledAt: string | null } }>(h.shopify, `query($id: ID!) { order(id: $id) { cancelledAt } }`, { id: order.shopifyOrderId })).order.cancelledAt;
    await eventually(async () => ((await cancelledAt()) ? true : undefined), 20_000, "the Shopify order cancelled");
  });
  // Last: it moves Shopify's clock ahead, and session tokens from a clock ahead of the app's are refused.
  it("GIVEN a development store (5 new orders a minute) and 6 orders at once THEN the sixth waits for the next minute and is imported, none lost or doubled", async () => {
    await post(h.shopify.url, "/sandbox/plan", { plan: "development" });
    shopifyClockOffsetMs += 61_000; // past the minute of the orders earlier tests created
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(String((await post(h.tiktok.url, "/sandbox/orders", { shop_id: h.tiktokShopId, items: [{ sku_id: sku.tiktokSkuId, quantity: 1 }], hold: false })).order_id));
      const imported = async () => (await h.db.tikTokOrder.count({ where: { tiktokOrderId: { in: ids }, state: "imported" } }));
      await eventually(async () => ((await imported()) === 5 ? true : undefined), 45_000, "five orders imported");
      // The sixth met Shopify's limit: its job waits (deferred, no attempt spent) instead of failing.
      await eventually(async () => ((await h.db.job.count({ where: { type: "orders.sync", status: "pending", lastError: { contains: "order limit" } } })) === 1 ? true : undefined), 30_000, "the sixth deferred by Shopify's limit");
      const waiting = await h.db.tikTokOrder.findFirst({ where: { tiktokOrderId: { in: ids }, state: { not: "imported" } } });
      expect(waiting?.shopifyOrderId ?? null).toBeNull();
      shopifyClockOffsetMs += 61_000; // a minute later for Shopify
      await eventually(async () => ((await imported()) === 6 ? true : undefined), 45_000, "the sixth imported after the minute");
      for (const id of ids) expect((await adminGraphql<{ orders: { nodes: unknown[] } }>(h.shopify, `query($q: String!) { orders(first: 5, query: $q) { nodes { id } } }`, { q: `source_identifier:${id}` })).orders.nodes).toHaveLength(1);
    } finally {
      await post(h.shopify.url, "/sandbox/plan", { plan: "standard" });
    }
  });
});
