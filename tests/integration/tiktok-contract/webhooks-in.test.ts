import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTikTokWebhook, verifyTikTokWebhookSignature } from "../../../app/integrations/tiktok/tiktok-webhook";
import { APP_KEY, APP_SECRET, listActiveMug, startContractHarness, type ContractHarness } from "./contract-harness";

interface Received {
  raw: string;
  authorization: string | undefined;
}

let receiver: Server;
let received: Received[] = [];
let h: ContractHarness;

beforeAll(async () => {
  // Stands in for the app's TikTok webhook route: records the raw bytes and the Authorization header.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ raw: Buffer.concat(chunks).toString("utf8"), authorization: req.headers.authorization });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  h = await startContractHarness({ webhookUrl: `http://127.0.0.1:${port}/tiktok/webhooks`, webhookRetryScheduleMs: [50, 50] });
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("webhooks pushed by the simulator, verified and parsed by the client", () => {
  it("every delivery verifies with the app secret and parses into a typed event (product review, order status)", async () => {
    received = [];
    const t = await h.sellerToken();
    const shop = h.client.forShop({ accessToken: t.access_token, shopCipher: t.shop_cipher, shopId: t.shop_id });
    const mug = await listActiveMug(shop, "WH-MUG");
    await h.admin("POST", "/sandbox/orders", { shop_id: t.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 1 }] });
    await h.sandbox.drainWebhooks();

    expect(received.length).toBeGreaterThan(0);
    for (const r of received) {
      expect(verifyTikTokWebhookSignature(r.raw, r.authorization, APP_KEY, APP_SECRET)).toBe(true);
      expect(verifyTikTokWebhookSignature(r.raw, r.authorization, APP_KEY, "wrong-secret")).toBe(false);
    }
    const events = received.map((r) => parseTikTokWebhook(r.raw));
    expect(events.filter((e) => e.kind === "invalid")).toEqual([]);
    const types = new Set(events.map((e) => (e.kind === "invalid" ? -1 : e.type)));
    expect(types).toContain(16); // PRODUCT_CREATION
    expect(types).toContain(37); // PRODUCT_AUDIT_STATUS_CHANGE
    expect(types).toContain(1); // ORDER_STATUS_CHANGE
    const productCreation = events.find((e) => e.kind === "event" && e.type === 16);
    expect(productCreation).toMatchObject({ shopId: t.shop_id, data: { product_id: mug.productId } });
    const orderEvent = events.find((e) => e.kind === "event" && e.type === 1);
    expect(orderEvent).toMatchObject({ eventType: "ORDER_STATUS_CHANGE", data: { order_id: expect.stringMatching(/^57\d+$/) } });
    // Notification ids make redeliveries deduplicable.
    for (const e of events) if (e.kind !== "invalid") expect(e.dedupeKey).toBeTruthy();
  });

  it("deauthorization arrives as SELLER_DEAUTHORIZATION", async () => {
    received = [];
    const t = await h.sellerToken();
    await h.admin("POST", "/sandbox/deauthorize", { shop_id: t.shop_id });
    await h.sandbox.drainWebhooks();
    const events = received.map((r) => parseTikTokWebhook(r.raw));
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "event", type: 6, eventType: "SELLER_DEAUTHORIZATION", shopId: t.shop_id })]));
  });
});
