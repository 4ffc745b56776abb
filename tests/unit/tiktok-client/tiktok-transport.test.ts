import { createHmac } from "node:crypto";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createTikTokClient } from "../../../app/integrations/tiktok/tiktok-client";
import type { TikTokClientConfig } from "../../../app/integrations/tiktok/tiktok-client-config";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import { TokenBucketRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";

// The fetch stand-in plays TikTok's side of the wire; the signature is re-derived here with node:crypto only,
// independent of the client's signer.
interface Seen { url: URL; method: string; headers: Headers; body: string | undefined; form?: FormData }

function independentSign(secret: string, url: URL, body: string | undefined): string {
  const params = [...url.searchParams.entries()].filter(([k]) => k !== "sign" && k !== "access_token").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const base = url.pathname + params.map(([k, v]) => k + v).join("") + (body ?? "");
  return createHmac("sha256", secret).update(secret + base + secret).digest("hex");
}

function harness(answers: Array<(seen: Seen) => Response | Promise<Response>>, overrides: Partial<TikTokClientConfig> = {}) {
  const seen: Seen[] = [];
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(line) });
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const s: Seen = { url: new URL(String(input)), method: init?.method ?? "GET", headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined, form: init?.body instanceof FormData ? init.body : undefined };
    seen.push(s);
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    return answer(s);
  }) as typeof fetch;
  const client = createTikTokClient({
    appKey: "6abc123", appSecret: "testsecret123", apiBaseUrl: "http://127.0.0.1:9/", authBaseUrl: "http://127.0.0.1:9/",
    authorizeUrl: "http://127.0.0.1:9/oauth/authorize", logger, fetch: fetchImpl, now: () => 1_700_000_000_000,
    sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5, rateLimiter: new TokenBucketRateLimiter({ qps: 1000 }),
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }, ...overrides,
  });
  return { client, seen, sleeps, logLines };
}

const envelope = (data: unknown, init: { code?: number; message?: string; status?: number; headers?: Record<string, string> } = {}) =>
  () => new Response(JSON.stringify({ code: init.code ?? 0, message: init.message ?? "Success", request_id: "20261125000000ABCDEF", data }),
    { status: init.status ?? 200, headers: { "content-type": "application/json", ...init.headers } });

const SHOP = { accessToken: "TTP_secret_token", shopCipher: "ROW_TEST_CIPHER", shopId: "7494049642642441621" };

describe("TikTok transport: request construction", () => {
  it("signs common params, path and the exact body bytes; token in the header; cipher on shop endpoints", async () => {
    const { client, seen } = harness([envelope({ products: [], total_count: 0, next_page_token: "" })]);
    const res = await client.forShop(SHOP).products.search({ status: "ACTIVATE", seller_skus: ["SKU-1"] }, { pageSize: 20, pageToken: "" });
    expect(res).toMatchObject({ code: 0, message: "Success", requestId: "20261125000000ABCDEF", data: { products: [] } });
    const req = seen[0]!;
    expect(req.method).toBe("POST");
    expect(req.url.pathname).toBe("/product/202309/products/search");
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ app_key: "6abc123", timestamp: "1700000000", shop_cipher: "ROW_TEST_CIPHER",
      page_size: "20", sign: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(req.body).toBe('{"status":"ACTIVATE","seller_skus":["SKU-1"]}');
    expect(req.url.searchParams.get("sign")).toBe(independentSign("testsecret123", req.url, req.body));
    expect(req.headers.get("x-tts-access-token")).toBe("TTP_secret_token");
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(req.url.searchParams.has("access_token")).toBe(false);
  });

  it("comma-joins arrays, leaves shop_cipher off seller-level endpoints and sends content-type on GET", async () => {
    const { client, seen } = harness([envelope({ orders: [] }), envelope({ shops: [] })]);
    await client.forShop(SHOP).orders.getDetails(["576461413038785752", "576461413038785753"]);
    expect(seen[0]!.url.searchParams.get("ids")).toBe("576461413038785752,576461413038785753");
    expect(seen[0]!.url.searchParams.get("sign")).toBe(independentSign("testsecret123", seen[0]!.url, undefined));
    await client.forSeller({ accessToken: "t" }).getAuthorizedShops();
    expect(seen[1]!.url.pathname).toBe("/authorization/202309/shops");
    expect(seen[1]!.url.searchParams.has("shop_cipher")).toBe(false);
    expect(seen[1]!.headers.get("content-type")).toBe("application/json");
  });

  it("uploads images as multipart without signing the body and without shop_cipher", async () => {
    const { client, seen } = harness([envelope({ uri: "tos-maliva-i-x/abc", url: "https://x/abc.png", width: 600, height: 600 })]);
    const res = await client.forShop(SHOP).products.uploadImage({ bytes: new Uint8Array([137, 80, 78, 71]), fileName: "a.png",
      mimeType: "image/png", useCase: "MAIN_IMAGE" });
    expect(res.data.uri).toBe("tos-maliva-i-x/abc");
    const req = seen[0]!;
    expect(req.url.searchParams.has("shop_cipher")).toBe(false);
    expect(req.form?.get("use_case")).toBe("MAIN_IMAGE");
    expect(req.form?.get("data")).toBeInstanceOf(Blob);
    expect(req.headers.has("content-type")).toBe(false); // fetch adds multipart/form-data; boundary=…
    expect(req.url.searchParams.get("sign")).toBe(independentSign("testsecret123", req.url, undefined));
  });

  it("adds an idempotency_key to product creation so a retried create cannot list twice", async () => {
    const { client, seen } = harness([envelope({}, { status: 503, code: 36009003, message: "internal" }),
      envelope({ product_id: "1729592969712207008", skus: [], warnings: [] })]);
    await client.forShop(SHOP).products.create({ title: "Mug", description: "<p>x</p>", category_id: "600001", main_images: [{ uri: "tos/x" }],
      skus: [{ price: { amount: "1.00", currency: "USD" }, inventory: [{ warehouse_id: "7", quantity: 1 }] }],
      package_weight: { value: "0.5", unit: "KILOGRAM" } });
    expect(seen).toHaveLength(2);
    const key0 = JSON.parse(seen[0]!.body!).idempotency_key;
    expect(key0).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(seen[1]!.body!).idempotency_key).toBe(key0);
  });

  it("analytics shop performance: ISO dates and flags on the query, intervals parsed (simulator has no analytics yet)", async () => {
    const { client, seen } = harness([envelope({ performance: { intervals: [{ start_date: "2026-11-01", end_date: "2026-11-08",
      gmv: { amount: "1234.50", currency: "USD" }, orders: 12, units_sold: 15, buyers: 11 }] }, latest_available_date: "2026-11-24" })]);
    const res = await client.forShop(SHOP).analytics.getShopPerformance({ start_date_ge: "2026-11-01", end_date_lt: "2026-11-08",
      granularity: "ALL", currency: "USD", with_comparison: false });
    expect(res.data.performance.intervals[0]).toMatchObject({ gmv: { amount: "1234.50", currency: "USD" }, orders: 12 });
    expect(res.data.latest_available_date).toBe("2026-11-24");
    const q = seen[0]!.url.searchParams;
    expect(seen[0]!.url.pathname).toBe("/analytics/202405/shop/performance");
    expect([q.get("start_date_ge"), q.get("end_date_lt"), q.get("granularity"), q.get("currency"), q.get("with_comparison"), q.get("shop_cipher")])
      .toEqual(["2026-11-01", "2026-11-08", "ALL", "USD", "false", "ROW_TEST_CIPHER"]);
  });

  it("refuses batch sizes TikTok would refuse before sending anything", async () => {
    const { client, seen } = harness([envelope({})]);
    expect(() => client.forShop(SHOP).orders.getDetails(Array.from({ length: 51 }, (_, i) => String(i)))).toThrow(/1–50/);
    expect(() => client.forShop(SHOP).products.activate([])).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});

describe("TikTok transport: errors and retries", () => {
  it("retries 5xx / 36009003 with backoff and then succeeds", async () => {
    const { client, seen, sleeps } = harness([envelope({}, { status: 500, code: 36009003, message: "Internal error" }), envelope({ warehouses: [] })]);
    const res = await client.forShop(SHOP).logistics.getWarehouses();
    expect(res.data.warehouses).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([50]); // full jitter: 0.5 × base 100
  });

  it("honours Retry-After on 429 and gives up after maxAttempts with a classified error", async () => {
    const { client, seen, sleeps } = harness([envelope({}, { status: 429, code: 36009002, message: "Too many requests", headers: { "retry-after": "2" } })]);
    const err = await client.forShop(SHOP).logistics.getWarehouses().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TikTokApiError);
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true, code: 36009002, httpStatus: 429, attempts: 3,
      endpoint: "GET /logistics/202309/warehouses", requestId: "20261125000000ABCDEF" });
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it("never retries validation or auth errors", async () => {
    for (const [code, kind, status] of [[12052051, "validation", 200], [105002, "auth_expired", 401], [106001, "signature", 401]] as const) {
      const { client, seen } = harness([envelope({}, { code, message: "nope", status })]);
      const err = await client.forShop(SHOP).logistics.getWarehouses().catch((e: unknown) => e);
      expect(err).toMatchObject({ code, kind, retryable: false, attempts: 1 });
      expect(seen).toHaveLength(1);
    }
  });

  it("does not resend a non-idempotent call after a 5xx (it may have been applied), but does after a 429", async () => {
    const a = harness([envelope({}, { status: 503, code: 36009003 })]);
    await expect(a.client.forShop(SHOP).fulfillment.markPackageShipped("576", { tracking_number: "1Z", shipping_provider_id: "7" }))
      .rejects.toMatchObject({ kind: "server", retryable: true, attempts: 1 });
    expect(a.seen).toHaveLength(1);
    const b = harness([envelope({}, { status: 429, code: 36009002 }), envelope({ package_id: "1153132168123859123" })]);
    const ok = await b.client.forShop(SHOP).fulfillment.markPackageShipped("576", { tracking_number: "1Z", shipping_provider_id: "7" });
    expect(ok.data.package_id).toBe("1153132168123859123");
    expect(b.seen).toHaveLength(2);
  });

  it("classifies network failures and timeouts (AbortController) and retries them", async () => {
    const net = harness([() => { throw new TypeError("fetch failed"); }, envelope({ warehouses: [] })]);
    await net.client.forShop(SHOP).logistics.getWarehouses();
    expect(net.seen).toHaveLength(2);

    // Each attempt hangs until the client's AbortController fires.
    const seenSignals: AbortSignal[] = [];
    const timeoutClient = createTikTokClient({ ...{ appKey: "k", appSecret: "s", apiBaseUrl: "http://127.0.0.1:9/", authBaseUrl: "http://127.0.0.1:9/",
      authorizeUrl: "http://127.0.0.1:9/", logger: pino({ level: "silent" }), timeoutMs: 20, sleep: async () => {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
      fetch: ((_u: string, init: RequestInit) => new Promise<Response>((_, reject) => {
        seenSignals.push(init.signal!);
        init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      })) as unknown as typeof fetch });
    const err = await timeoutClient.forShop(SHOP).logistics.getWarehouses().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "timeout", retryable: true, attempts: 2, code: 0 });
    expect(seenSignals).toHaveLength(2);
    expect(seenSignals.every((s) => s.aborted)).toBe(true);
  });

  it("reports an unexpected response shape clearly, naming the field, without retrying", async () => {
    const { client, seen } = harness([envelope({ warehouses: [{ id: "7", name: 42, type: "SALES_WAREHOUSE" }] })]);
    const err = await client.forShop(SHOP).logistics.getWarehouses().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "response_invalid", retryable: false, requestId: "20261125000000ABCDEF" });
    expect((err as Error).message).toContain("warehouses.0.name");
    expect((err as Error).message).toMatch(/expected string/i);
    expect(seen).toHaveLength(1);
  });

  it("tolerates unknown extra fields and keeps them", async () => {
    const { client } = harness([envelope({ warehouses: [{ id: "7", name: "Main", type: "SALES_WAREHOUSE", brand_new_field: { a: 1 } }], extra: true })]);
    const res = await client.forShop(SHOP).logistics.getWarehouses();
    expect(res.data.warehouses[0]).toMatchObject({ id: "7", name: "Main", brand_new_field: { a: 1 } });
  });

  it("treats null members as absent (TikTok sends paid_time: null for unpaid orders)", async () => {
    const { client } = harness([envelope({ orders: [{ id: "576", status: "UNPAID", create_time: 1, paid_time: null, payment: { currency: "USD",
      total_amount: "1.00", tax: null }, line_items: null, packages: [] }] })]);
    const res = await client.forShop(SHOP).orders.getDetails(["576"]);
    expect(res.data.orders[0]).toMatchObject({ id: "576", line_items: [] });
    expect(res.data.orders[0]!.paid_time).toBeUndefined();
  });

  it("answers a non-envelope 502 as a retryable server error", async () => {
    const { client, seen } = harness([() => new Response("<html>Bad gateway</html>", { status: 502 })]);
    await expect(client.forShop(SHOP).logistics.getWarehouses()).rejects.toMatchObject({ kind: "server", httpStatus: 502, attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it("surfaces batch partial failures in data.errors with their codes", async () => {
    const { client } = harness([envelope({ errors: [{ code: 12052037, message: "warehouse mismatch", detail: { sku_id: "1729", extra_errors: [{ code: 1, message: "m", warehouse_id: "7" }] } }] })]);
    const res = await client.forShop(SHOP).inventory.updateInventory("1729", { skus: [{ id: "1729", inventory: [{ warehouse_id: "7", quantity: 0 }] }] });
    expect(res.code).toBe(0);
    expect(res.data.errors).toEqual([{ code: 12052037, message: "warehouse mismatch", detail: { sku_id: "1729", extra_errors: [{ code: 1, message: "m", warehouse_id: "7" }] } }]);
  });

  it("calls the token-expiry hook once and retries the call once with the new token", async () => {
    const { client, seen } = harness([envelope({}, { code: 105002, status: 401, message: "expired" }), envelope({ warehouses: [] })]);
    let refreshed = 0;
    const shop = client.forShop({ ...SHOP, onAccessTokenExpired: async () => { refreshed++; return "TTP_new"; } });
    await shop.logistics.getWarehouses();
    expect(refreshed).toBe(1);
    expect(seen.map((s) => s.headers.get("x-tts-access-token"))).toEqual(["TTP_secret_token", "TTP_new"]);
  });
});

describe("TikTok transport: logging", () => {
  it("writes one line per attempt with endpoint, shop, request id, duration, outcome and attempt — and no secrets", async () => {
    const { client, logLines } = harness([envelope({}, { status: 500, code: 36009003 }), envelope({ orders: [{ id: "576", status: "AWAITING_SHIPMENT",
      create_time: 1, payment: { currency: "USD", total_amount: "1.00" }, recipient_address: { name: "Jane Buyer", phone_number: "(+1)213-***-1234" },
      buyer_email: "jane@example.com", line_items: [], packages: [] }] })]);
    await client.forShop(SHOP).orders.getDetails(["576"]);
    expect(logLines).toHaveLength(2);
    const [first, second] = logLines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ endpoint: "GET /order/202309/orders", shopId: SHOP.shopId, outcome: "error", attempt: 1, code: 36009003, kind: "server" });
    expect(second).toMatchObject({ endpoint: "GET /order/202309/orders", shopId: SHOP.shopId, outcome: "ok", attempt: 2,
      requestId: "20261125000000ABCDEF", durationMs: expect.any(Number) });
    const all = logLines.join("\n");
    for (const secret of ["TTP_secret_token", "testsecret123", "ROW_TEST_CIPHER", "Jane Buyer", "jane@example.com", "213-"]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/"sign"|sign=/);
  });
});
