// Job handler: runs the processors for a batch of recorded deliveries (the intake records a burst in one
// transaction and queues one job for it), then marks each delivery processed or ignored. A topic with a
// batch processor handles all its deliveries of the batch at once, so a burst costs a few queries rather
// than a few per delivery. Deliveries already done are skipped, so a job that runs again is harmless.
import { ZodError } from "zod";
import type { DeliveryOutcome, StoredWebhookDelivery, WebhookDeliveryRepository } from "./webhook-delivery-repository";

export type WebhookProcessor = (delivery: StoredWebhookDelivery) => Promise<void | { ignored: string }>;
/** Processes one topic's deliveries together, in arrival order; one result per delivery, same order. */
export type WebhookBatchProcessor = (deliveries: StoredWebhookDelivery[]) => Promise<Array<void | { ignored: string }>>;

export interface ProcessWebhookDeps {
  deliveries: WebhookDeliveryRepository;
  processors: Readonly<Record<string, WebhookProcessor>>;
  batchProcessors?: Readonly<Record<string, WebhookBatchProcessor>>;
}

export async function processWebhookDeliveries(deps: ProcessWebhookDeps, deliveryIds: string[]): Promise<void> {
  const found = await deps.deliveries.findMany(deliveryIds);
  const open = found.filter((d) => d.status !== "processed" && d.status !== "ignored"); // a job that ran twice
  const outcomes: DeliveryOutcome[] = [];
  let transient: Error | undefined;
  const permanent: string[] = [];
  const settle = (delivery: StoredWebhookDelivery, run: () => Promise<void | { ignored: string }>) => run().then(
    (result) => void outcomes.push({ id: delivery.id, status: result ? "ignored" : "processed", note: result?.ignored }),
    (error: unknown) => {
      // A payload that does not have the topic's shape will not get one by retrying: record why and go on.
      if (error instanceof ZodError || (error as { retryable?: boolean }).retryable === false) {
        const reason = error instanceof ZodError ? `payload is not in the expected shape: ${error.message}` : (error as Error).message;
        outcomes.push({ id: delivery.id, status: "failed", note: reason });
        permanent.push(`${delivery.topic} ${delivery.deliveryId}: ${reason}`);
      } else transient ??= error instanceof Error ? error : new Error(String(error));
    },
  );

  const byTopic = new Map<string, StoredWebhookDelivery[]>();
  for (const d of open) {
    const key = `${d.source}:${d.topic}`;
    byTopic.set(key, byTopic.get(key) ?? []).get(key)!.push(d);
  }
  for (const [key, deliveries] of byTopic) {
    const batch = deps.batchProcessors?.[key];
    const single = deps.processors[key];
    if (batch) {
      try {
        const results = await batch(deliveries);
        deliveries.forEach((d, i) => outcomes.push({ id: d.id, status: results[i] ? "ignored" : "processed", note: results[i]?.ignored }));
      } catch {
        // One bad delivery fails the whole batch: find it by processing them one by one.
        for (const d of deliveries) await settle(d, async () => (await batch([d]))[0]);
      }
    } else if (single) {
      for (const d of deliveries) await settle(d, () => single(d));
    } else {
      for (const d of deliveries) outcomes.push({ id: d.id, status: "ignored", note: "no processor for this topic" });
    }
  }
  await deps.deliveries.markOutcomes(outcomes);
  if (transient) throw transient; // retried: the deliveries done are skipped next time
  if (permanent.length) throw Object.assign(new Error(`Webhook deliveries that cannot be processed: ${permanent.join("; ")}`), { retryable: false });
}
