import { createHmac, randomUUID } from "node:crypto";

/** A webhook request exactly as Shopify sends it (HMAC over the raw body with the app secret). */
export function shopifyWebhookRequest(options: {
  appUrl: string;
  path: string;
  topic: string;
  shop: string;
  body: string;
  secret: string;
  webhookId?: string;
  hmac?: string;
}): Request {
  const hmac = options.hmac ?? createHmac("sha256", options.secret).update(options.body, "utf8").digest("base64");
  return new Request(`${options.appUrl}${options.path}`, {
    method: "POST",
    body: options.body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Event-Id": randomUUID(),
    },
  });
}
