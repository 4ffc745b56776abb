// Use case: a verified webhook delivery (Shopify or TikTok) is handed to the intake, which records it exactly
// once; topics the app acts on get a processing job with it. The caller answers 200 only after this returns
// (the delivery is then durable).
import type { NewWebhookDelivery } from "./webhook-delivery-repository";
import { PROCESS_WEBHOOK_JOB } from "./webhook-delivery-repository";
import type { WebhookIntake } from "./webhook-intake";

export interface ReceiveWebhookDeps {
  intake: WebhookIntake;
  /** `${source}:${topic}` keys that have a processor; other deliveries are recorded and left at that. */
  processedTopics: ReadonlySet<string>;
}

export async function receiveWebhook(deps: ReceiveWebhookDeps, delivery: NewWebhookDelivery): Promise<void> {
  const process = deps.processedTopics.has(`${delivery.source}:${delivery.topic}`);
  await deps.intake.accept(delivery, process ? { jobType: PROCESS_WEBHOOK_JOB } : undefined);
}

/** Shopify's X-Shopify-Triggered-At, when present and valid. */
export function parseTriggeredAt(value: string | undefined): Date | undefined {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
