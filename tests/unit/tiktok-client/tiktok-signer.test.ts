import { describe, expect, it } from "vitest";
import { signTikTokRequest, tiktokStringToSign } from "../../../app/integrations/tiktok/tiktok-signer";

const V3_QUERY = { app_key: "68xu9ks5p4i8", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", timestamp: "1696909648" };
const JSON_TYPE = "application/json";

// Contract §1.3. V1–V4 reproduce digests published by TikTok and two SDKs; V5–V11 were computed for the contract.
const vectors = [
  { id: "V1", secret: "e59af819cc", path: "/authorization/202309/shops", query: { app_key: "29a39d", timestamp: "1623812664" },
    expected: "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8" },
  { id: "V2", secret: "app_secret", path: "/test-api", query: { foo: "bar" },
    expected: "d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f" },
  { id: "V3", secret: "e59af819cc", path: "/event/202309/webhooks", query: V3_QUERY,
    expected: "ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37" },
  { id: "V4", secret: "e59af819cc", path: "/event/202309/webhooks", query: V3_QUERY,
    body: '{"event_type":"PACKAGE_UPDATE","address":"https://partner.tiktokshop.com"}', contentType: JSON_TYPE,
    expected: "701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7" },
  { id: "V5", secret: "e59af819cc", path: "/event/202309/webhooks", query: V3_QUERY,
    body: '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}', contentType: JSON_TYPE,
    expected: "cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a" },
  { id: "V6", secret: "testsecret123", path: "/order/202309/orders",
    query: { ids: "576461413038785752,576461413038785753", app_key: "6abc123", timestamp: "1700000000",
      shop_cipher: "ROW_TEST_CIPHER", access_token: "TTP_should_not_count", sign: "ignored" },
    expected: "dab4144a16731ae316f88879d19bfbeefe0a205e67a99c6c332484b777a2d62c" },
  { id: "V7", secret: "testsecret123", path: "/product/202309/products/search",
    query: { app_key: "6abc123", timestamp: "1700000000", shop_cipher: "ROW_TEST_CIPHER", page_size: "20", page_token: "" },
    body: '{"status":"ACTIVATE","seller_skus":["SKU-1"]}', contentType: JSON_TYPE,
    expected: "91cd8fcd75f20a9228d561c25cc13c33f4e3d06efce6fa7a37a70dd458088e2a" },
  { id: "V8", secret: "testsecret123", path: "/product/202309/products",
    query: { app_key: "6abc123", timestamp: "1700000000", shop_cipher: "ROW_TEST_CIPHER" },
    body: '{"title":"Café mug – 12oz","category_id":"600001","main_images":[{"uri":"tos-maliva-i-o3syd03w52-us/abc"}],"skus":[{"seller_sku":"MUG-12","price":{"amount":"12.50","currency":"USD"},"inventory":[{"warehouse_id":"7000000000000000001","quantity":10}]}],"package_weight":{"value":"0.5","unit":"KILOGRAM"}}',
    contentType: JSON_TYPE, expected: "24e24d2b9be41c3ff9fdf6bbabccfd983702453cd16fe963694f530fcbd87206" },
  { id: "V9", secret: "testsecret123", path: "/product/202309/images/upload", query: { app_key: "6abc123", timestamp: "1700000000" },
    body: "<multipart bytes ignored>", contentType: "multipart/form-data; boundary=----x",
    expected: "774aa4247fed7f0a30c9b456514d31b0b5b212f4010f7757431a3aa1cec9ba5b" },
  { id: "V11", secret: "s", path: "/x/202309/y", query: { b: "2", a_b: "3", aB: "4", a: "1", timestamp: "1700000000", app_key: "k" },
    expected: "713f74471d9433599a40b462bf703c7dcc5ec6bcdefe5b98b6a769affda856b3" },
] as const;

describe("signTikTokRequest (contract §1.2 vectors)", () => {
  it.each(vectors)("$id signs to the contract digest", (v) => {
    const sign = signTikTokRequest({ appSecret: v.secret, path: v.path, query: v.query, body: "body" in v ? v.body : undefined,
      contentType: "contentType" in v ? v.contentType : undefined });
    expect(sign).toBe(v.expected);
  });

  it("V10: signing the multipart body as if it were JSON gives the digest TikTok must reject", () => {
    const wrong = signTikTokRequest({ appSecret: "testsecret123", path: "/product/202309/images/upload",
      query: { app_key: "6abc123", timestamp: "1700000000" }, body: "<multipart bytes ignored>", contentType: JSON_TYPE });
    expect(wrong).toBe("845f3b64b4f00717348aa002450ad3e78865c3ecaa1732b30f49c2f216a9a1e6");
    const right = signTikTokRequest({ appSecret: "testsecret123", path: "/product/202309/images/upload",
      query: { app_key: "6abc123", timestamp: "1700000000" }, body: "<multipart bytes ignored>", contentType: "multipart/form-data; boundary=abc" });
    expect(right).not.toBe(wrong);
  });

  it("builds the documented string-to-sign for V6, V7 and V11", () => {
    expect(tiktokStringToSign({ appSecret: "testsecret123", path: "/order/202309/orders", query: vectors[5].query })).toBe(
      "testsecret123/order/202309/ordersapp_key6abc123ids576461413038785752,576461413038785753shop_cipherROW_TEST_CIPHERtimestamp1700000000testsecret123");
    expect(tiktokStringToSign({ appSecret: "testsecret123", path: "/product/202309/products/search", query: vectors[6].query,
      body: vectors[6].body, contentType: JSON_TYPE })).toBe(
      'testsecret123/product/202309/products/searchapp_key6abc123page_size20page_tokenshop_cipherROW_TEST_CIPHERtimestamp1700000000{"status":"ACTIVATE","seller_skus":["SKU-1"]}testsecret123');
    expect(tiktokStringToSign({ appSecret: "s", path: "/x/202309/y", query: vectors[9].query })).toBe(
      "s/x/202309/ya1aB4a_b3app_keykb2timestamp1700000000s");
  });

  it("changes when one character of a signed value changes", () => {
    const a = signTikTokRequest({ appSecret: "s", path: "/p", query: { app_key: "k", timestamp: "1700000000" } });
    const b = signTikTokRequest({ appSecret: "s", path: "/p", query: { app_key: "k", timestamp: "1700000001" } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
