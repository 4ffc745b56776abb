import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { computeRequestSign, computeWebhookSignature } from "../../../sandbox/tiktok/signature";
import { makeCaller, pngBytes, signRequest, uploadImage, startSignedSession } from "./signed-client";

const V8_BODY = '{"title":"Café mug – 12oz","category_id":"600001","main_images":[{"uri":"tos-maliva-i-o3syd03w52-us/abc"}],"skus":[{"seller_sku":"MUG-12","price":{"amount":"12.50","currency":"USD"},"inventory":[{"warehouse_id":"7000000000000000001","quantity":10}]}],"package_weight":{"value":"0.5","unit":"KILOGRAM"}}';
const V3_QUERY: Array<[string, string]> = [["app_key", "68xu9ks5p4i8"], ["shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK"], ["timestamp", "1696909648"]];
const T = "1700000000";

describe("GIVEN the contract's signature vectors THEN the simulator's signature check reproduces them", () => {
  it.each([
    ["V1", "e59af819cc", "/authorization/202309/shops", [["app_key", "29a39d"], ["timestamp", "1623812664"]], undefined, "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8"],
    ["V2", "app_secret", "/test-api", [["foo", "bar"]], undefined, "d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f"],
    ["V3", "e59af819cc", "/event/202309/webhooks", V3_QUERY, undefined, "ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37"],
    ["V4", "e59af819cc", "/event/202309/webhooks", V3_QUERY, '{"event_type":"PACKAGE_UPDATE","address":"https://partner.tiktokshop.com"}', "701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7"],
    ["V5", "e59af819cc", "/event/202309/webhooks", V3_QUERY, '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}', "cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a"],
    ["V6", "testsecret123", "/order/202309/orders", [["ids", "576461413038785752,576461413038785753"], ["app_key", "6abc123"], ["timestamp", T], ["shop_cipher", "ROW_TEST_CIPHER"], ["access_token", "TTP_should_not_count"], ["sign", "ignored"]], undefined, "dab4144a16731ae316f88879d19bfbeefe0a205e67a99c6c332484b777a2d62c"],
    ["V7", "testsecret123", "/product/202309/products/search", [["app_key", "6abc123"], ["timestamp", T], ["shop_cipher", "ROW_TEST_CIPHER"], ["page_size", "20"], ["page_token", ""]], '{"status":"ACTIVATE","seller_skus":["SKU-1"]}', "91cd8fcd75f20a9228d561c25cc13c33f4e3d06efce6fa7a37a70dd458088e2a"],
    ["V8", "testsecret123", "/product/202309/products", [["app_key", "6abc123"], ["timestamp", T], ["shop_cipher", "ROW_TEST_CIPHER"]], V8_BODY, "24e24d2b9be41c3ff9fdf6bbabccfd983702453cd16fe963694f530fcbd87206"],
    ["V9", "testsecret123", "/product/202309/images/upload", [["app_key", "6abc123"], ["timestamp", T]], undefined, "774aa4247fed7f0a30c9b456514d31b0b5b212f4010f7757431a3aa1cec9ba5b"],
    ["V10", "testsecret123", "/product/202309/images/upload", [["app_key", "6abc123"], ["timestamp", T]], "<multipart bytes ignored>", "845f3b64b4f00717348aa002450ad3e78865c3ecaa1732b30f49c2f216a9a1e6"],
    ["V11", "s", "/x/202309/y", [["b", "2"], ["a_b", "3"], ["aB", "4"], ["a", "1"], ["timestamp", T], ["app_key", "k"]], undefined, "713f74471d9433599a40b462bf703c7dcc5ec6bcdefe5b98b6a769affda856b3"],
  ] as const)("%s", (_id, secret, path, query, body, expected) => {
    expect(computeRequestSign(secret, path, query.map(([k, v]) => [k, v] as const), body)).toBe(expected);
  });

  it("W1 and W2 webhook signatures", () => {
    expect(computeWebhookSignature("fake_app_key", "fake_app_secret", '{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}'))
      .toBe("21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27");
    expect(computeWebhookSignature("6abc123", "testsecret123", '{"type":6,"shop_id":"7494049642642441621","timestamp":1644412885,"data":{"message":"Shop is deauthorized"}}'))
      .toBe("79115f3bed620fcb45805206ecdde483cb711a7b8fd71b7a3b2b68ae095308be");
  });

  it("V1 verifies end to end over HTTP with the doc's key, secret and timestamp", async () => {
    const sandbox = await startTikTokSandbox({ appKey: "29a39d", appSecret: "e59af819cc", now: () => 1623812664_000 });
    try {
      const tok = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string };
      const res = await fetch(`${sandbox.url}/authorization/202309/shops?app_key=29a39d&timestamp=1623812664&sign=b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8`, {
        headers: { "content-type": "application/json", "x-tts-access-token": tok.access_token },
      });
      const json = (await res.json()) as { code: number; data: { shops: unknown[] } };
      expect(json.code).toBe(0);
      expect(json.data.shops.length).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});

describe("GIVEN a running simulator WHEN requests break the rules THEN each is refused with TikTok's code", () => {
  const APP_KEY = "6abc123";
  const SECRET = "testsecret123";
  let sandbox: TikTokSandbox;
  let call: ReturnType<typeof makeCaller>;
  let token: string;
  let cipher: string;

  beforeAll(async () => {
    ({ sandbox, call, token, cipher } = await startSignedSession(APP_KEY, SECRET, { rateLimitQps: 1000 }));
  });
  afterAll(() => sandbox.close());

  it("accepts a correctly signed call", async () => {
    const res = await call("/product/202309/categories", { token, cipher, query: { category_version: "v2" } });
    expect(res.code).toBe(0);
    expect(res.data.categories.length).toBeGreaterThan(3);
  });

  it("bad signature (one changed character) → 106001, HTTP 401", async () => {
    const res = await call("/authorization/202309/shops", { token, mutateSign: (s) => (s[0] === "a" ? "b" : "a") + s.slice(1) });
    expect([res.status, res.code]).toEqual([401, 106001]);
  });

  it("stale and future timestamps → 36009004", async () => {
    const now = sandbox.nowSeconds();
    expect((await call("/authorization/202309/shops", { token, timestamp: now - 301 })).code).toBe(36009004);
    expect((await call("/authorization/202309/shops", { token, timestamp: now + 31 })).code).toBe(36009004);
    expect((await call("/authorization/202309/shops", { token, timestamp: now - 299 })).code).toBe(0);
  });

  it("unknown app key → 36009004", async () => {
    const other = makeCaller(sandbox.url, "not-our-app", SECRET, () => sandbox.nowSeconds() * 1000);
    const res = await other("/authorization/202309/shops", { token });
    expect([res.status, res.code]).toEqual([401, 36009004]);
  });

  it("missing or unknown token → 36009004", async () => {
    expect((await call("/authorization/202309/shops")).code).toBe(36009004);
    expect((await call("/authorization/202309/shops", { token: "TTP_nope" })).code).toBe(36009004);
  });

  it("missing cipher → 106013, cipher where forbidden → 36009004, other seller's cipher → 101000", async () => {
    expect((await call("/logistics/202309/warehouses", { token })).code).toBe(106013);
    expect((await call("/authorization/202309/shops", { token, cipher })).code).toBe(36009004);
    const other = sandbox.snapshot().shops.find((s) => s.cipher !== cipher)!.cipher;
    expect((await call("/logistics/202309/warehouses", { token, cipher: other })).code).toBe(101000);
  });

  it("duplicated query key, unknown path, wrong method, bad version, non-JSON body", async () => {
    const ts = String(sandbox.nowSeconds());
    const dupRes = await fetch(`${sandbox.url}/authorization/202309/shops?app_key=${APP_KEY}&timestamp=${ts}&timestamp=${ts}&sign=${signRequest(SECRET, "/authorization/202309/shops", { app_key: APP_KEY, timestamp: ts })}`, { headers: { "x-tts-access-token": token } });
    expect(((await dupRes.json()) as { code: number }).code).toBe(36009004);
    expect((await call("/product/202309/nothing_here", { token, cipher })).code).toBe(36009009);
    expect((await call("/product/202309/categories", { token, cipher, method: "DELETE" })).code).toBe(36009010);
    expect((await call("/product/202101/categories", { token, cipher })).code).toBe(36009014);
    const path = "/product/202309/products/search";
    const q = { app_key: APP_KEY, timestamp: ts, shop_cipher: cipher, page_size: "10" };
    const raw = "{not json";
    const res = await fetch(`${sandbox.url}${path}?${new URLSearchParams({ ...q, sign: signRequest(SECRET, path, q, raw) })}`, {
      method: "POST", headers: { "content-type": "application/json", "x-tts-access-token": token }, body: raw,
    });
    expect(((await res.json()) as { code: number }).code).toBe(36009022);
  });

  it("multipart: unsigned body accepted (V9 rule), body wrongly signed rejected (V10 rule)", async () => {
    const ok = await uploadImage(sandbox.url, APP_KEY, SECRET, token, pngBytes(600, 600));
    expect(ok.code).toBe(0);
    expect(ok.data.uri).toMatch(/^tos-[^/]+\/[0-9a-f]+$/);
    expect([ok.data.width, ok.data.height]).toEqual([600, 600]);
    const bad = await uploadImage(sandbox.url, APP_KEY, SECRET, token, pngBytes(600, 600), "MAIN_IMAGE", true);
    expect(bad.code).toBe(106001);
    const small = await uploadImage(sandbox.url, APP_KEY, SECRET, token, pngBytes(200, 200));
    expect(small.code).toBe(12019116);
  });

  it("expired token (clock advanced 7 days) → 105002; revoked token → 105001", async () => {
    const fresh = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string };
    sandbox.advanceClock(7 * 86_400 + 1);
    const expired = await call("/authorization/202309/shops", { token: fresh.access_token });
    expect([expired.status, expired.code]).toEqual([401, 105002]);
    const again = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string };
    expect((await call("/authorization/202309/shops", { token: again.access_token })).code).toBe(0);
    await fetch(`${sandbox.url}/sandbox/deauthorize`, { method: "POST" });
    expect((await call("/authorization/202309/shops", { token: again.access_token })).code).toBe(105001);
  });
});

describe("GIVEN a low rate limit WHEN a burst arrives THEN HTTP 429 + 36009002", () => {
  it("refuses beyond the per (shop, path) budget", async () => {
    const sandbox = await startTikTokSandbox({ appKey: "k", appSecret: "s", rateLimitQps: 3 });
    try {
      const call = makeCaller(sandbox.url, "k", "s", () => sandbox.nowSeconds() * 1000);
      const tok = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string };
      const results = await Promise.all(Array.from({ length: 6 }, () => call("/authorization/202309/shops", { token: tok.access_token })));
      const limited = results.filter((r) => r.code === 36009002);
      expect(limited.length).toBeGreaterThanOrEqual(2);
      expect(limited.every((r) => r.status === 429)).toBe(true);
      // A different API path has its own bucket.
      expect((await call("/seller/202309/shops", { token: tok.access_token })).code).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
