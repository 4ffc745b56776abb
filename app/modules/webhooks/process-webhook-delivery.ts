// Job handler: runs the processor registered for a recorded delivery's topic, then marks it processed.
import { ZodError } from "zod";
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
  let result: void | { ignored: string };
  try {
    result = await processor(delivery);
  } catch (error) {
    // A payload that does not have the topic's shape will not get one by retrying: dead-letter it with the reason.
    if (error instanceof ZodError) throw Object.assign(new Error(`Webhook ${delivery.topic} payload is not in the expected shape: ${error.message}`), { retryable: false });
    throw error;
  }
  await deps.deliveries.markProcessed(delivery.id, result ? "ignored" : "processed", result ? result.ignored : undefined);
}
