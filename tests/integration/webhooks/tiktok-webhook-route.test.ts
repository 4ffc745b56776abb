import { createHmac, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { jobHandlers, queue, webhookIntake } from "../../../app/app-context.server";
import { db } from "../../../app/db.server";
import { tiktokShopLinks } from "../../../app/tiktok.server";
import { drainJobs } from "../../support/drain-jobs";
import { action } from "../../../app/routes/tiktok.webhooks";

const appKey = process.env.TIKTOK_APP_KEY!;
const appSecret = process.env.TIKTOK_APP_SECRET!;
const shopId = `7494${Math.floor(Math.random() * 1e12)}`;

function tiktokRequest(body: string, signature = createHmac("sha256", appSecret).update(appKey + body).digest("hex")) {
  return new Request("http://app.test/tiktok/webhooks", { method: "POST", body, headers: { "content-type": "application/json", authorization: signature } });
}
const call = async (request: Request) => action({ request, params: {}, context: {} });

afterAll(async () => {
  await db.webhookDelivery.deleteMany({ where: { shop: `tiktok:${shopId}` } });
  await db.tikTokShopLink.deleteMany({ where: { tiktokShopId: shopId } });
});

describe("TikTok webhook route", () => {
  it("records a signed delivery once even when TikTok redelivers it, keeping big ids exact", async () => {
    const notificationId = String(Date.now()) + "1";
    const body = `{"type":5,"tts_notification_id":"${notificationId}","shop_id":"${shopId}","timestamp":1764064800,"data":{"product_id":1729592969712207008,"status":"PRODUCT_AUDIT_FAILURE","update_time":1764064790}}`;
    expect((await call(tiktokRequest(body))).status).toBe(200);
    expect((await call(tiktokRequest(body))).status).toBe(200);
    await webhookIntake.intake.settled(); // accepted into the journal; now in the database
    const rows = await db.webhookDelivery.findMany({ where: { source: "tiktok", shop: `tiktok:${shopId}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: "PRODUCT_STATUS_CHANGE", deliveryId: `tts:${notificationId}`, payload: body });
  });

  it("answers 401 to a forged signature and records nothing", async () => {
    const body = `{"type":6,"tts_notification_id":"${randomUUID()}","shop_id":"${shopId}","timestamp":1764064800,"data":{"message":"Shop is deauthorized"}}`;
    const forged = createHmac("sha256", "wrong-secret").update(appKey + body).digest("hex");
    expect((await call(tiktokRequest(body, forged))).status).toBe(401);
    expect(await db.webhookDelivery.count({ where: { topic: "SELLER_DEAUTHORIZATION", shop: `tiktok:${shopId}` } })).toBe(0);
  });

  it("answers 400 to a signed body that is not a TikTok webhook", async () => {
    expect((await call(tiktokRequest('{"hello":"world"}'))).status).toBe(400);
  });

  it("pauses sync when the seller removes the app in Seller Center, and records the expiry notice", async () => {
    const tokens = { accessToken: "TTP_a", refreshToken: "TTP_r", accessTokenExpiresAt: new Date(Date.now() + 86_400_000), refreshTokenExpiresAt: new Date(Date.now() + 300 * 86_400_000), openId: "o", sellerName: undefined, sellerBaseRegion: "US", userType: 0, grantedScopes: [] };
    const link = await tiktokShopLinks().link("paused.myshopify.com", { id: shopId, name: "Shop", region: "US", cipher: "ROW_x" }, tokens);
    const expiry = Math.floor(Date.now() / 1000) + 20 * 86_400;
    const notice = `{"type":7,"tts_notification_id":"${randomUUID()}","shop_id":"${shopId}","timestamp":1764064800,"data":{"message":"expiring","expiration_time":"${expiry}"}}`;
    const removed = `{"type":6,"tts_notification_id":"${randomUUID()}","shop_id":"${shopId}","timestamp":1764064801,"data":{"message":"Shop is deauthorized"}}`;
    expect((await call(tiktokRequest(notice))).status).toBe(200);
    expect((await call(tiktokRequest(removed))).status).toBe(200);
    await webhookIntake.intake.settled();
    await drainJobs(queue, jobHandlers);
    const stored = await db.tikTokShopLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored).toMatchObject({ status: "paused", pausedReason: expect.stringContaining("Reconnect") });
    expect(stored.authorizationExpiresAt.getTime()).toBe(expiry * 1000);
  });
});
