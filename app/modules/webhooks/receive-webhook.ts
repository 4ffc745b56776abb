// Use case: a verified Shopify webhook delivery is recorded exactly once; topics the app acts on get a
// processing job in the same transaction. The caller answers 200 only after this returns.
import type { WebhookDeliveryRepository } from "./webhook-delivery-repository";
import { PROCESS_WEBHOOK_JOB } from "./webhook-delivery-repository";

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
  /** Topics with a processor; others are recorded (for audit and later features) and left at that. */
  processedTopics: ReadonlySet<string>;
  /** Wakes the local worker so processing starts at once. */
  notifyWork?: () => void;
}

export async function receiveShopifyWebhook(
  deps: ReceiveShopifyWebhookDeps,
  webhook: VerifiedShopifyWebhook,
): Promise<{ duplicate: boolean; enqueued: boolean }> {
  const triggeredAt = webhook.triggeredAt ? new Date(webhook.triggeredAt) : undefined;
  const process = deps.processedTopics.has(webhook.topic);
  const { duplicate } = await deps.deliveries.recordOnce(
    {
      source: "shopify",
      deliveryId: webhook.webhookId,
      shop: webhook.shop,
      topic: webhook.topic,
      apiVersion: webhook.apiVersion,
      triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : undefined,
      eventId: webhook.eventId,
      payload: webhook.rawBody,
    },
    process ? { jobType: PROCESS_WEBHOOK_JOB } : undefined,
  );
  if (process && !duplicate) deps.notifyWork?.();
  return { duplicate, enqueued: process && !duplicate };
}
