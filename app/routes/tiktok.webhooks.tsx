// TikTok Shop webhooks (contract §8): verify the Authorization signature on the raw bytes, record once
// (by tts_notification_id), answer 200 fast. A failed signature gets 401, which TikTok also treats as
// received, so forged calls are not retried at us.
import type { ActionFunctionArgs } from "@remix-run/node";
import { webhookIntake } from "../app-context.server";
import { config } from "../config.server";
import { parseTikTokWebhook, verifyTikTokWebhookSignature } from "../integrations/tiktok";
import { logger } from "../logger.server";
import { receiveWebhook } from "../modules/webhooks/receive-webhook";

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

export async function action({ request }: ActionFunctionArgs) {
  const rawBody = await request.text();
  if (!verifyTikTokWebhookSignature(rawBody, request.headers.get("authorization"), config.TIKTOK_APP_KEY, config.TIKTOK_APP_SECRET)) {
    return new Response(null, { status: 401 });
  }
  const event = parseTikTokWebhook(rawBody);
  if (event.kind === "invalid") {
    logger.warn({ reason: event.reason }, "tiktok webhook with an invalid body");
    return new Response(null, { status: 400 });
  }
  const topic = event.kind === "event" ? event.eventType : `type_${event.type}`;
  await receiveWebhook(
    webhookIntake,
    // Keyed by the TikTok shop: the processor finds the Shopify store(s) linked to it.
    { source: "tiktok", deliveryId: event.dedupeKey, shop: `tiktok:${event.shopId}`, topic, triggeredAt: new Date(event.timestamp * 1000), payload: rawBody },
  );
  logger.info({ tiktokShopId: event.shopId, topic }, "tiktok webhook");
  return new Response(null, { status: 200 });
}
