import { afterEach, describe, expect, it } from "vitest";
import { SEED_SHOP_IDS } from "../../../sandbox/tiktok/server";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import { TokenBucketRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";
import type { TikTokProductBody } from "../../../app/integrations/tiktok/types/product";
import { eventually, pngBytes, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

let h: ContractHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function shopFor(harness: ContractHarness, t: SellerToken, client = harness.client): TikTokShopClient {
  return client.forShop({ accessToken: t.access_token, shopCipher: t.shop_cipher, shopId: t.shop_id });
}

async function caught(p: Promise<unknown>): Promise<TikTokApiError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, "the call should have been refused").toBeInstanceOf(TikTokApiError);
  return e as TikTokApiError;
}

async function countRequests(harness: ContractHarness, path: string): Promise<Array<{ http_status: number; code: number }>> {
  return (await harness.requestLog()).filter((r) => r.path === path);
}

async function mugBody(shop: TikTokShopClient, overrides: Partial<TikTokProductBody> = {}): Promise<TikTokProductBody> {
  const image = await shop.products.uploadImage({ bytes: pngBytes(), fileName: "m.png", mimeType: "image/png", useCase: "MAIN_IMAGE" });
  const categoryId = (await shop.catalog.recommendCategory({ product_title: "Ceramic mug", category_version: "v2" })).data.leaf_category_id;
  const attrs = (await shop.catalog.getAttributes(categoryId, { categoryVersion: "v2" })).data.attributes;
  const warehouseId = (await shop.logistics.getWarehouses()).data.warehouses.find((w) => w.type === "SALES_WAREHOUSE")!.id;
  return {
    title: "Ceramic mug", description: "<p>Mug</p>", category_id: categoryId, category_version: "v2", main_images: [{ uri: image.data.uri }],
    skus: [{ seller_sku: `Q-${Math.random().toString(36).slice(2, 8)}`, price: { amount: "9.00", currency: "USD" }, inventory: [{ warehouse_id: warehouseId, quantity: 3 }] }],
    package_weight: { value: "0.3", unit: "KILOGRAM" }, package_dimensions: { length: "10", width: "10", height: "10", unit: "CENTIMETER" },
    product_attributes: attrs.filter((a) => a.type === "PRODUCT_PROPERTY" && a.is_requried).map((a) => ({ id: a.id, values: [{ id: a.values[0]!.id }] })),
    ...overrides,
  };
}

describe("refusals are classified correctly", () => {
  it("a wrong app secret → signature error (106001, HTTP 401), not retried", async () => {
    h = await startContractHarness();
    const t = await h.sellerToken();
    const wrong = h.makeClient({ appSecret: "not-the-secret" });
    const err = await caught(shopFor(h, t, wrong).logistics.getWarehouses());
    expect(err).toMatchObject({ code: 106001, httpStatus: 401, kind: "signature", retryable: false, attempts: 1 });
    expect(err.catalogEntry?.title).toBeTruthy();
    expect(await countRequests(h, "/logistics/202309/warehouses")).toHaveLength(1);
  });

  it("a client clock outside TikTok's window → timestamp refusal classified as signature", async () => {
    h = await startContractHarness();
    const t = await h.sellerToken();
    const skewed = h.makeClient({ now: () => Date.now() - 3_600_000 });
    const err = await caught(shopFor(h, t, skewed).logistics.getWarehouses());
    expect(err).toMatchObject({ code: 36009004, kind: "signature", retryable: false });
  });

  it("an access token expired after the clock moves 8 days → auth_expired; the refresh hook recovers with one retry", async () => {
    h = await startContractHarness();
    const t = await h.sellerToken();
    h.advanceClock(8 * 86_400);
    const err = await caught(shopFor(h, t).logistics.getWarehouses());
    expect(err).toMatchObject({ code: 105002, kind: "auth_expired", retryable: false, attempts: 1 });

    let refreshes = 0;
    const harness = h;
    const shop = h.client.forShop({ accessToken: t.access_token, shopCipher: t.shop_cipher, shopId: t.shop_id,
      onAccessTokenExpired: async () => {
        refreshes++;
        return (await harness.client.oauth.refreshAccessToken(t.refresh_token!)).data.accessToken;
      } });
    const [a, b] = await Promise.all([shop.logistics.getWarehouses(), shop.catalog.getListingPrerequisites()]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(refreshes).toBe(1);
  });

  it("a revoked (deauthorized) token → auth_invalid 105001", async () => {
    h = await startContractHarness();
    const t = await h.sellerToken();
    await h.admin("POST", "/sandbox/deauthorize", { shop_id: t.shop_id });
    const err = await caught(shopFor(h, t).logistics.getWarehouses());
    expect(err).toMatchObject({ code: 105001, kind: "auth_invalid", retryable: false });
  });

  it("developer-initiated deauthorization (DELETE /authorization/202403/shops) revokes the token", async () => {
    h = await startContractHarness();
    const t = await h.sellerToken();
    const shop = shopFor(h, t);
    expect((await shop.seller.deauthorizeShop()).code).toBe(0);
    const err = await caught(shop.logistics.getWarehouses());
    expect(err).toMatchObject({ kind: "auth_invalid", retryable: false });
  });

  it("another shop's cipher with this token → 101000 auth_invalid", async () => {
    h = await startContractHarness();
    const mine = await h.sellerToken({ shop_id: SEED_SHOP_IDS.readyUs });
    const other = await h.sellerToken({ shop_id: SEED_SHOP_IDS.notReadyUs });
    const crossed = h.client.forShop({ accessToken: mine.access_token, shopCipher: other.shop_cipher, shopId: mine.shop_id });
    const err = await caught(crossed.logistics.getWarehouses());
    expect(err).toMatchObject({ code: 101000, kind: "auth_invalid", retryable: false });
  });

  it("listing limits come back as validation errors with TikTok's code (title too long, image not uploaded)", async () => {
    h = await startContractHarness();
    const shop = shopFor(h, await h.sellerToken());
    const body = await mugBody(shop);
    const long = await caught(shop.products.create({ ...body, title: "M".repeat(256) }));
    expect(long).toMatchObject({ code: 12052051, kind: "validation", retryable: false, attempts: 1 });
    expect(long.catalogEntry?.action).toMatch(/255/);
    const foreign = await caught(shop.products.create({ ...body, main_images: [{ uri: "tos-maliva-i-o3syd03w52-us/not-uploaded-here" }] }));
    expect(foreign).toMatchObject({ kind: "validation", retryable: false });
    expect(await countRequests(h, "/product/202309/products")).toHaveLength(2);
  });

  it("the daily listing quota → 12052093 quota, not retried", async () => {
    h = await startContractHarness({ dailyListingQuota: 1 });
    const shop = shopFor(h, await h.sellerToken());
    await shop.products.create(await mugBody(shop));
    const err = await caught(shop.products.create(await mugBody(shop)));
    expect(err).toMatchObject({ code: 12052093, kind: "quota", retryable: false, attempts: 1 });
    expect(await countRequests(h, "/product/202309/products")).toHaveLength(2);
  });

  it("a shop without a return warehouse → seller_setup (12052535)", async () => {
    h = await startContractHarness();
    const ready = shopFor(h, await h.sellerToken({ shop_id: SEED_SHOP_IDS.readyUs }));
    const body = await mugBody(ready);
    const notReadyToken = await h.sellerToken({ shop_id: SEED_SHOP_IDS.notReadyUs });
    const notReady = shopFor(h, notReadyToken);
    const wh = (await notReady.logistics.getWarehouses()).data.warehouses.find((w) => w.type === "SALES_WAREHOUSE")!.id;
    const img = await notReady.products.uploadImage({ bytes: pngBytes(), fileName: "m.png", mimeType: "image/png", useCase: "MAIN_IMAGE" });
    const err = await caught(notReady.products.create({ ...body, main_images: [{ uri: img.data.uri }],
      skus: body.skus.map((s) => ({ ...s, inventory: [{ warehouse_id: wh, quantity: 1 }] })) }));
    expect(err.kind).toBe("seller_setup");
    expect([12052535, 12052402]).toContain(err.code);
  });
});

describe("retries: only what is retryable, counted at the simulator", () => {
  it("5xx (36009003 / HTTP 503) is retried up to maxAttempts, then surfaces as a retryable server error", async () => {
    h = await startContractHarness();
    const shop = shopFor(h, await h.sellerToken());
    await h.setFaults({ errorRate: 1 });
    const err = await caught(shop.logistics.getWarehouses());
    expect(err).toMatchObject({ kind: "server", retryable: true, attempts: 3, httpStatus: 503, code: 36009003 });
    const seen = await countRequests(h, "/logistics/202309/warehouses");
    expect(seen).toHaveLength(3);
    expect(seen.every((r) => r.http_status === 503)).toBe(true);
    await h.setFaults({ errorRate: 0 });
    expect((await shop.logistics.getWarehouses()).code).toBe(0);
  });

  it("a flaky TikTok (50% 5xx) still answers through retries", async () => {
    h = await startContractHarness({}, { retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5 } });
    const shop = shopFor(h, await h.sellerToken());
    await h.setFaults({ errorRate: 0.5 });
    for (let i = 0; i < 5; i++) expect((await shop.logistics.getWarehouses()).code).toBe(0);
    const seen = await countRequests(h, "/logistics/202309/warehouses");
    expect(seen.filter((r) => r.http_status === 200)).toHaveLength(5);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it("a non-idempotent call (seller cancel) is not resent after a 5xx", async () => {
    h = await startContractHarness();
    const shop = shopFor(h, await h.sellerToken());
    await h.setFaults({ errorRate: 1 });
    const err = await caught(shop.returns.cancelOrder({ order_id: "576461413038785752", cancel_reason: "seller_out_of_stock" }));
    expect(err).toMatchObject({ kind: "server", retryable: true, attempts: 1 });
    expect(await countRequests(h, "/return_refund/202309/cancellations")).toHaveLength(1);
  });

  it("timeouts: the client aborts each attempt after timeoutMs and retries, then reports kind timeout", async () => {
    h = await startContractHarness({}, { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const shop = shopFor(h, await h.sellerToken());
    await h.setFaults({ timeoutRate: 1, timeoutHoldMs: 10_000 });
    const started = Date.now();
    const err = await caught(shop.logistics.getWarehouses());
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(err).toMatchObject({ kind: "timeout", retryable: true, attempts: 2, code: 0 });
    const harness = h;
    // The simulator records a held request when the client hangs up.
    await eventually(async () => ((await countRequests(harness, "/logistics/202309/warehouses")).length === 2 ? true : undefined), "both attempts logged");
    await h.setFaults({ timeoutRate: 0 });
  });

  it("validation errors are never retried even with retries configured", async () => {
    h = await startContractHarness({}, { retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 5 } });
    const shop = shopFor(h, await h.sellerToken());
    const err = await caught(shop.products.get("1729000000000000000"));
    expect(err.retryable).toBe(false);
    expect(err.attempts).toBe(1);
    expect(await countRequests(h, "/product/202309/products/1729000000000000000")).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("without a client-side limiter, a burst over TikTok's budget gets 429/36009002 classified as rate_limited", async () => {
    h = await startContractHarness({ rateLimitQps: 3 }, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      rateLimiter: new TokenBucketRateLimiter({ qps: 10_000 }) });
    const shop = shopFor(h, await h.sellerToken());
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => shop.logistics.getWarehouses()));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as TikTokApiError);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e).toMatchObject({ code: 36009002, httpStatus: 429, kind: "rate_limited", retryable: true });
  });

  it("with the client's shared token bucket at TikTok's rate, concurrent callers of one shop all succeed", async () => {
    h = await startContractHarness({ rateLimitQps: 5 }, { rateLimiter: new TokenBucketRateLimiter({ qps: 5 }),
      retry: { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 400 } });
    const t = await h.sellerToken();
    // Two facades (e.g. a web request and a job) share the client's limiter.
    const a = shopFor(h, t);
    const b = shopFor(h, t);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).logistics.getWarehouses()));
    expect(results.every((r) => r.code === 0)).toBe(true);
    const seen = await countRequests(h, "/logistics/202309/warehouses");
    expect(seen.filter((r) => r.http_status === 200)).toHaveLength(12);
    // The bucket keeps us (almost) entirely within TikTok's budget; any 429 was retried, never surfaced.
    expect(seen.filter((r) => r.http_status === 429).length).toBeLessThanOrEqual(2);
  });
});
