import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { makeCaller, pngBytes, uploadImage } from "./signed-client";

const APP_KEY = "hookkey";
const SECRET = "hooksecret";

interface Received {
  body: string;
  authorization: string;
  json: { type: number; tts_notification_id: string; shop_id: string; data: Record<string, unknown> };
}

describe("GIVEN a webhook receiver WHEN sellers authorize and buyers order THEN OAuth, orders and signed webhooks work", () => {
  let sandbox: TikTokSandbox;
  let receiver: Server;
  const received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end();
          return;
        }
        received.push({ body, authorization: String(req.headers.authorization), json: JSON.parse(body) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const port = (receiver.address() as AddressInfo).port;
    sandbox = await startTikTokSandbox({
      appKey: APP_KEY, appSecret: SECRET, webhookUrl: `http://127.0.0.1:${port}/webhooks/tiktok`, reviewDelayMs: 20,
      orderDelaysMs: { payMs: 20, onHoldMs: 20 }, webhookRetryScheduleMs: [60_000, 120_000],
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise((r) => receiver.close(r));
  });

  it("OAuth: authorize page → code (same state) → token → refresh rotates; code single use; wrong grant_type refused", async () => {
    const page = await (await fetch(`${sandbox.url}/oauth/authorize?app_key=${APP_KEY}&state=xyz123&redirect_uri=${encodeURIComponent("https://app.example/tiktok/callback")}`)).text();
    expect(page).toContain("Acme Home Goods");
    const form = new URLSearchParams({ state: "xyz123", redirect_uri: "https://app.example/tiktok/callback", seller_id: "7494049642642441002", decision: "allow" });
    const redirect = await fetch(`${sandbox.url}/oauth/authorize/decision`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("xyz123");
    const code = location.searchParams.get("code")!;
    const tokenUrl = `${sandbox.url}/api/v2/token/get?app_key=${APP_KEY}&app_secret=${SECRET}&auth_code=${code}&grant_type=authorized_code`;
    const tok = (await (await fetch(tokenUrl)).json()) as { code: number; data: Record<string, any> };
    expect(tok.code).toBe(0);
    expect(tok.data.access_token_expire_in).toBe(sandbox.nowSeconds() + 7 * 86_400);
    expect(tok.data.refresh_token_expire_in).toBeGreaterThan(sandbox.nowSeconds() + 300 * 86_400);
    expect(((await (await fetch(tokenUrl)).json()) as { code: number }).code).not.toBe(0);
    const wrongGrant = (await (await fetch(`${sandbox.url}/api/v2/token/refresh?app_key=${APP_KEY}&app_secret=${SECRET}&refresh_token=${tok.data.refresh_token}&grant_type=authorized_code`)).json()) as { code: number };
    expect(wrongGrant.code).not.toBe(0);
    const refreshed = (await (await fetch(`${sandbox.url}/api/v2/token/refresh?app_key=${APP_KEY}&app_secret=${SECRET}&refresh_token=${tok.data.refresh_token}&grant_type=refresh_token`)).json()) as { code: number; data: Record<string, any> };
    expect(refreshed.code).toBe(0);
    expect(refreshed.data.refresh_token).not.toBe(tok.data.refresh_token);
    const call = makeCaller(sandbox.url, APP_KEY, SECRET, () => sandbox.nowSeconds() * 1000);
    const shops = await call("/authorization/202309/shops", { token: refreshed.data.access_token });
    expect(shops.data.shops.map((s: { region: string }) => s.region).sort()).toEqual(["GB", "US"]);
    const deny = await fetch(`${sandbox.url}/oauth/authorize/decision`, { method: "POST", body: new URLSearchParams({ state: "s", redirect_uri: "https://app.example/cb", decision: "deny" }), redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(new URL(deny.headers.get("location")!).searchParams.get("error")).toBe("auth_denied");
  });

  it("order placed → UNPAID → ON_HOLD → AWAITING_SHIPMENT → shipped IN_TRANSIT, each pushed as a signed type-1 webhook", async () => {
    const call = makeCaller(sandbox.url, APP_KEY, SECRET, () => sandbox.nowSeconds() * 1000);
    const tok = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string; shop_cipher: string; shop_id: string };
    const uri = (await uploadImage(sandbox.url, APP_KEY, SECRET, tok.access_token, pngBytes(500, 500))).data.uri;
    const created = await call("/product/202309/products", {
      token: tok.access_token, cipher: tok.shop_cipher,
      body: {
        title: "Enamel camping mug", description: "<p>Light.</p>", category_id: "601226", category_version: "v2", main_images: [{ uri }],
        package_weight: { value: "0.3", unit: "KILOGRAM" }, package_dimensions: { length: "9", width: "9", height: "10", unit: "CENTIMETER" },
        product_attributes: [{ id: "100392", values: [{ name: "Enamel steel" }] }],
        skus: [{ seller_sku: "CAMP-1", price: { amount: "20.00", currency: "USD" }, inventory: [{ warehouse_id: "7068517275539719942", quantity: 5 }] }],
      },
    });
    expect(created.code).toBe(0);
    const deadline = Date.now() + 3000;
    while (sandbox.state.products.get(created.data.product_id)?.status !== "ACTIVATE" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const placed = (await (await fetch(`${sandbox.url}/sandbox/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shop_id: tok.shop_id, items: [{ seller_sku: "CAMP-1", quantity: 2 }] }) })).json()) as { order_id: string };
    expect(placed.order_id).toMatch(/^57\d{16}$/);
    while (sandbox.state.orders.get(placed.order_id)?.status !== "AWAITING_SHIPMENT" && Date.now() < deadline + 2000) await new Promise((r) => setTimeout(r, 20));
    const detail = await call("/order/202309/orders", { token: tok.access_token, cipher: tok.shop_cipher, query: { ids: placed.order_id } });
    const order = detail.data.orders[0];
    expect(order.status).toBe("AWAITING_SHIPMENT");
    expect(order.line_items.length).toBe(2);
    expect(order.line_items[0].quantity).toBeUndefined();
    expect(order.payment.sub_total).toBe("40.00");
    expect(order.payment.total_amount).toBe("43.20");
    const stock = sandbox.state.products.get(created.data.product_id)!.skus.values().next().value!;
    expect(stock.inventory.get("7068517275539719942")).toBe(3);
    const shipped = await call(`/fulfillment/202309/orders/${placed.order_id}/packages`, { token: tok.access_token, cipher: tok.shop_cipher, body: { tracking_number: "9400111", shipping_provider_id: "6617675021119438849" } });
    expect(shipped.code).toBe(0);
    expect(sandbox.state.orders.get(placed.order_id)!.status).toBe("IN_TRANSIT");
    await sandbox.drainWebhooks();
    const statuses = received.filter((w) => w.json.type === 1 && w.json.data.order_id === placed.order_id).map((w) => w.json.data.order_status);
    expect(statuses).toEqual(["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "IN_TRANSIT"]);
    for (const w of received) {
      expect(w.authorization).toBe(createHmac("sha256", SECRET).update(APP_KEY + w.body).digest("hex"));
      expect(w.json.tts_notification_id).toMatch(/^\d{18,19}$/);
    }
    expect(received.some((w) => w.json.type === 16)).toBe(true);
    expect(received.some((w) => w.json.type === 37)).toBe(true);
    expect(received.some((w) => w.json.type === 5)).toBe(true);
  });

  it("a failed delivery is retried on the schedule (simulator clock)", async () => {
    failNext = 1;
    await fetch(`${sandbox.url}/sandbox/webhooks/authorization-expiring`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shop_id: "7494726673780148001" }) });
    await sandbox.drainWebhooks();
    const before = received.filter((w) => w.json.type === 7).length;
    expect(before).toBe(0);
    sandbox.advanceClock(61);
    await sandbox.drainWebhooks();
    expect(received.filter((w) => w.json.type === 7).length).toBe(1);
  });

  it("deauthorization emits type 6 and revokes tokens", async () => {
    await fetch(`${sandbox.url}/sandbox/deauthorize`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shop_id: "7494726673780148001" }) });
    await sandbox.drainWebhooks();
    expect(received.some((w) => w.json.type === 6 && w.json.shop_id === "7494726673780148001")).toBe(true);
  });
});
