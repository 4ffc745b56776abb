// The composition root: builds the app's repositories, queue and job handlers once, from the real
// database. Routes and the worker take what they need from here; tests build their own from the same
// factories.
import { db } from "./db.server";
import { createEmbeddedJobQueue } from "./jobs/embedded-job-queue";
import type { JobHandlers } from "./jobs/job-worker";
import { createSessionWebhookProcessors } from "./modules/shop-lifecycle/session-webhooks";
import { processWebhookDelivery, type WebhookProcessor } from "./modules/webhooks/process-webhook-delivery";
import { createWebhookDeliveryRepository, PROCESS_WEBHOOK_JOB } from "./modules/webhooks/webhook-delivery-repository";

export const queue = createEmbeddedJobQueue(db);
export const webhookDeliveries = createWebhookDeliveryRepository(db);

export const webhookProcessors: Readonly<Record<string, WebhookProcessor>> = {
  ...createSessionWebhookProcessors(db),
};

/** `${source}:${topic}` of the webhooks that have a processor (others are recorded only). */
export const processedWebhookTopics: ReadonlySet<string> = new Set(Object.keys(webhookProcessors));

export const jobHandlers: JobHandlers = {
  [PROCESS_WEBHOOK_JOB]: (job) =>
    processWebhookDelivery({ deliveries: webhookDeliveries, processors: webhookProcessors }, (job.payload as { deliveryId: string }).deliveryId),
};
