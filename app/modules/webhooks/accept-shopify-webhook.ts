// Use case: a Shopify webhook arrives at /webhooks/<path>. Check the path, the headers Shopify always sends
// and the HMAC, then record it once (receiveWebhook). The answer is only an HTTP status: 200 once the
// delivery is durably accepted, 4xx for what Shopify should not retry as is, and a thrown error (→ 500,
// Shopify retries) when recording failed. Both the fast intake server and the Remix route call this.
import { verifyShopifyWebhookHmac } from "../../integrations/shopify/webhook-hmac";
import { parseTriggeredAt, receiveWebhook, type ReceiveWebhookDeps } from "./receive-webhook";
import { normalizeTopic, topicsForPath } from "./shopify-webhook-topics";

export interface IncomingShopifyWebhook {
  /** The part of the path after /webhooks/ ("products/update", "compliance"). */
  path: string;
  header: (name: string) => string | undefined;
  rawBody: Buffer;
}

export type ShopifyWebhookAnswer =
  | { status: 200; shop: string; topic: string; webhookId: string }
  | { status: 400 | 401 | 404; reason: string };

const REQUIRED_HEADERS = ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-webhook-id", "x-shopify-api-version", "x-shopify-hmac-sha256"] as const;

export async function acceptShopifyWebhook(deps: ReceiveWebhookDeps & { apiSecret: string }, incoming: IncomingShopifyWebhook): Promise<ShopifyWebhookAnswer> {
  const accepted = topicsForPath(incoming.path);
  if (accepted.length === 0) return { status: 404, reason: `no webhook path /webhooks/${incoming.path}` };
  const missing = REQUIRED_HEADERS.filter((name) => !incoming.header(name));
  if (missing.length) return { status: 400, reason: `missing headers: ${missing.join(", ")}` };
  if (!verifyShopifyWebhookHmac(incoming.rawBody, incoming.header("x-shopify-hmac-sha256"), deps.apiSecret)) return { status: 401, reason: "HMAC does not match the app secret" };
  const topic = normalizeTopic(incoming.header("x-shopify-topic")!);
  if (!accepted.includes(topic)) return { status: 400, reason: `topic ${topic} is not delivered to /webhooks/${incoming.path}` };

  const shop = incoming.header("x-shopify-shop-domain")!;
  const webhookId = incoming.header("x-shopify-webhook-id")!;
  await receiveWebhook(deps, {
    source: "shopify",
    deliveryId: webhookId,
    shop,
    topic,
    apiVersion: incoming.header("x-shopify-api-version"),
    triggeredAt: parseTriggeredAt(incoming.header("x-shopify-triggered-at")),
    eventId: incoming.header("x-shopify-event-id"),
    payload: incoming.rawBody.toString("utf8"),
  });
  return { status: 200, shop, topic, webhookId };
}
