import { describe, expect, it } from "vitest";
import { parseTikTokWebhook, verifyTikTokWebhookSignature } from "../../../app/integrations/tiktok/tiktok-webhook";

const W1_BODY = '{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
const W1_SIG = "21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27";
const W2_BODY = '{"type":6,"shop_id":"7494049642642441621","timestamp":1644412885,"data":{"message":"Shop is deauthorized"}}';
const W2_SIG = "79115f3bed620fcb45805206ecdde483cb711a7b8fd71b7a3b2b68ae095308be";

describe("verifyTikTokWebhookSignature (contract §8.1 vectors)", () => {
  it("accepts W1 and W2", () => {
    expect(verifyTikTokWebhookSignature(W1_BODY, W1_SIG, "fake_app_key", "fake_app_secret")).toBe(true);
    expect(verifyTikTokWebhookSignature(Buffer.from(W2_BODY), W2_SIG, "6abc123", "testsecret123")).toBe(true);
    expect(verifyTikTokWebhookSignature(W2_BODY, W2_SIG.toUpperCase(), "6abc123", "testsecret123")).toBe(true);
  });

  it("rejects a changed body, a changed signature character, the wrong key or secret, and missing/garbage headers", () => {
    expect(verifyTikTokWebhookSignature(W1_BODY.replace("AWAITING_SHIPMENT", "CANCELLED"), W1_SIG, "fake_app_key", "fake_app_secret")).toBe(false);
    const flipped = (W1_SIG[0] === "2" ? "3" : "2") + W1_SIG.slice(1);
    expect(verifyTikTokWebhookSignature(W1_BODY, flipped, "fake_app_key", "fake_app_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, W1_SIG, "other_key", "fake_app_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, W1_SIG, "fake_app_key", "other_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, undefined, "fake_app_key", "fake_app_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, "", "fake_app_key", "fake_app_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, "abc", "fake_app_key", "fake_app_secret")).toBe(false);
    expect(verifyTikTokWebhookSignature(W1_BODY, "z".repeat(64), "fake_app_key", "fake_app_secret")).toBe(false);
  });
});

describe("parseTikTokWebhook", () => {
  it("parses an order status change (W1) into a typed event", () => {
    const parsed = parseTikTokWebhook(W1_BODY);
    expect(parsed).toMatchObject({ kind: "event", type: 1, eventType: "ORDER_STATUS_CHANGE", shopId: "7494726673780148744",
      timestamp: 1664095733, data: { order_id: "576684019603311365", order_status: "AWAITING_SHIPMENT", update_time: 1664095610 } });
  });

  it("keeps every digit of ids sent as big JSON numbers", () => {
    const body = '{"type":5,"tts_notification_id":7327112393057371910,"shop_id":7494049642642441621,"timestamp":1644412885,' +
      '"data":{"product_id":576486316948490001,"status":"PRODUCT_AUDIT_FAILURE","update_time":1644412885}}';
    const parsed = parseTikTokWebhook(body);
    expect(parsed.kind).toBe("event");
    if (parsed.kind !== "event" || parsed.type !== 5) throw new Error("expected a product status event");
    expect(parsed.data.product_id).toBe("576486316948490001");
    expect(parsed.shopId).toBe("7494049642642441621");
    expect(parsed.notificationId).toBe("7327112393057371910");
    expect(parsed.dedupeKey).toBe("tts:7327112393057371910");
  });

  it("accepts both CANCEL and CANCELLED order statuses", () => {
    for (const status of ["CANCEL", "CANCELLED"]) {
      const parsed = parseTikTokWebhook(W1_BODY.replace("AWAITING_SHIPMENT", status));
      expect(parsed).toMatchObject({ kind: "event", data: { order_status: status } });
    }
  });

  it("parses deauthorization, authorization expiry (string timestamp) and audit status topics", () => {
    expect(parseTikTokWebhook(W2_BODY)).toMatchObject({ kind: "event", eventType: "SELLER_DEAUTHORIZATION", data: { message: "Shop is deauthorized" } });
    expect(parseTikTokWebhook('{"type":7,"shop_id":"7","timestamp":1,"data":{"message":"soon","expiration_time":"1700000000"}}'))
      .toMatchObject({ kind: "event", eventType: "UPCOMING_AUTHORIZATION_EXPIRATION", data: { expiration_time: 1700000000 } });
    expect(parseTikTokWebhook('{"type":37,"shop_id":"7","timestamp":1,"data":{"product_id":"1729","audit":{"status":"APPROVED"},"update_time":2}}'))
      .toMatchObject({ kind: "event", eventType: "PRODUCT_AUDIT_STATUS_CHANGE", data: { audit: { status: "APPROVED" } } });
  });

  it("returns an 'unknown' result for topic numbers it does not model, without throwing", () => {
    const parsed = parseTikTokWebhook('{"type":99,"shop_id":"7494049642642441621","timestamp":1644412885,"data":{"x":1}}');
    expect(parsed).toMatchObject({ kind: "unknown", type: 99, shopId: "7494049642642441621", data: { x: 1 } });
    if (parsed.kind === "invalid") throw new Error("unexpected");
    expect(parsed.dedupeKey).toMatch(/^99:7494049642642441621:1644412885:[0-9a-f]{32}$/);
  });

  it("reports malformed bodies as 'invalid' with the offending field, never throwing", () => {
    expect(parseTikTokWebhook("not json")).toMatchObject({ kind: "invalid" });
    const missingShop = parseTikTokWebhook('{"type":1,"timestamp":1,"data":{}}');
    expect(missingShop.kind).toBe("invalid");
    if (missingShop.kind === "invalid") expect(missingShop.reason).toContain("shop_id");
    const badData = parseTikTokWebhook('{"type":1,"shop_id":"7","timestamp":1,"data":{"order_status":"X","update_time":1}}');
    expect(badData.kind).toBe("invalid");
    if (badData.kind === "invalid") expect(badData.reason).toMatch(/ORDER_STATUS_CHANGE.*order_id/);
  });
});
