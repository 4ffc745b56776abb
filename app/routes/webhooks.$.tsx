// Every Shopify webhook subscription of shopify.app.toml lands here: /webhooks/<topic> and /webhooks/compliance.
// Thin: verify the HMAC (authenticate.webhook), check the topic belongs to this path, record once (with
// its processing job, in one transaction), answer. Processing happens in jobs.
import type { ActionFunctionArgs } from "@remix-run/node";
import { processedWebhookTopics, queue, webhookDeliveries } from "../app-context.server";
import { logger } from "../logger.server";
import { parseTriggeredAt, receiveWebhook } from "../modules/webhooks/receive-webhook";
import { normalizeTopic, topicsForPath } from "../modules/webhooks/shopify-webhook-topics";
import { authenticate } from "../shopify.server";

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const accepted = topicsForPath(params["*"] ?? "");
  if (accepted.length === 0) return new Response(null, { status: 404 });

  const rawBody = await request.clone().text();
  const webhook = await authenticate.webhook(request); // throws 401 on a bad HMAC, 400 on missing headers
  const topic = normalizeTopic(webhook.topic);
  if (!accepted.includes(topic)) return new Response(null, { status: 400 });

  const { duplicate } = await receiveWebhook(
    { deliveries: webhookDeliveries, processedTopics: processedWebhookTopics, notifyWork: () => queue.notify() },
    {
      source: "shopify",
      deliveryId: webhook.webhookId,
      shop: webhook.shop,
      topic,
      apiVersion: webhook.apiVersion,
      triggeredAt: parseTriggeredAt("triggeredAt" in webhook ? webhook.triggeredAt : undefined),
      eventId: "eventId" in webhook ? webhook.eventId : undefined,
      payload: rawBody,
    },
  );
  logger.info({ shop: webhook.shop, topic, webhookId: webhook.webhookId, duplicate }, "shopify webhook");
  return new Response(null, { status: 200 });
}
