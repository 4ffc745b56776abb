// Job handler: runs the processor registered for a recorded delivery's topic, then marks it processed.
import type { WebhookDeliveryRepository, StoredWebhookDelivery } from "./webhook-delivery-repository";

export type WebhookProcessor = (delivery: StoredWebhookDelivery) => Promise<void | { ignored: string }>;

export async function processWebhookDelivery(
  deps: { deliveries: WebhookDeliveryRepository; processors: Readonly<Record<string, WebhookProcessor>> },
  deliveryId: string,
): Promise<void> {
  const delivery = await deps.deliveries.find(deliveryId);
  if (!delivery) throw Object.assign(new Error(`Webhook delivery ${deliveryId} no longer exists`), { retryable: false });
  if (delivery.status === "processed" || delivery.status === "ignored") return; // a job that ran twice
  const processor = deps.processors[`${delivery.source}:${delivery.topic}`];
  if (!processor) {
    await deps.deliveries.markProcessed(delivery.id, "ignored", "no processor for this topic");
    return;
  }
  const result = await processor(delivery);
  await deps.deliveries.markProcessed(delivery.id, result ? "ignored" : "processed", result ? result.ignored : undefined);
}
