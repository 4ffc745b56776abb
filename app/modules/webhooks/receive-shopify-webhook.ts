// Use case: a verified Shopify webhook delivery is recorded exactly once. What each topic triggers is
// added per topic as the features arrive; until then a delivery is recorded and nothing is pretended.
import type { WebhookDeliveryRepository } from "./webhook-delivery-repository";

export interface VerifiedShopifyWebhook {
  webhookId: string;
  shop: string;
  topic: string;
  apiVersion: string;
  triggeredAt?: string;
  eventId?: string;
  rawBody: string;
}

export interface ReceiveShopifyWebhookDeps {
  deliveries: WebhookDeliveryRepository;
  /** Per-topic follow-up work, run only for the first delivery of a webhook id. */
  onFirstDelivery?: (webhook: VerifiedShopifyWebhook) => Promise<void>;
}

export async function receiveShopifyWebhook(
  deps: ReceiveShopifyWebhookDeps,
  webhook: VerifiedShopifyWebhook,
): Promise<{ duplicate: boolean }> {
  const triggeredAt = webhook.triggeredAt ? new Date(webhook.triggeredAt) : undefined;
  const { duplicate } = await deps.deliveries.recordOnce({
    source: "shopify",
    deliveryId: webhook.webhookId,
    shop: webhook.shop,
    topic: webhook.topic,
    apiVersion: webhook.apiVersion,
    triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : undefined,
    eventId: webhook.eventId,
    payload: webhook.rawBody,
  });
  if (!duplicate && deps.onFirstDelivery) await deps.onFirstDelivery(webhook);
  return { duplicate };
}
