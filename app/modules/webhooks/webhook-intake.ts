// The webhook intake: where a verified delivery goes before its sender is answered. `accept` resolves once
// the delivery is durable — it is then recorded exactly once (deduplicated by source and delivery id) with
// the job that processes it, at once or moments later — and rejects when it could not be kept (the
// sender is answered 500 and delivers it again).
//
// Two ways, by database: on PostgreSQL each group of deliveries arriving together is one transaction
// (createDirectWebhookIntake); on SQLite deliveries go to a journal first and into the database in large
// batches (journaled-webhook-intake.ts).
import { createGroupCommit } from "../../db/group-commit";
import type { DeliveryIntakeStore, DeliveryReceipt, RecordedDelivery } from "./delivery-intake";
import type { NewWebhookDelivery } from "./webhook-delivery-repository";

export interface WebhookIntake {
  accept(delivery: NewWebhookDelivery, processWith?: { jobType: string }): Promise<void>;
  /** Resolves once every delivery accepted so far is in the database. */
  settled(): Promise<void>;
  /** Finishes what was accepted (into the database) and closes the intake's connection. */
  close(): Promise<void>;
}

export interface WebhookIntakeOptions {
  /** Called after processing jobs were recorded: wakes the local worker. */
  onJobsRecorded?: () => void;
}

/** Each group of deliveries arriving together is recorded in one transaction before they are answered. */
export function createDirectWebhookIntake(store: DeliveryIntakeStore, options: WebhookIntakeOptions = {}): WebhookIntake {
  // Batches in flight together: one waiting for its disk sync does not hold back the next one's commit.
  const group = createGroupCommit<DeliveryReceipt, RecordedDelivery>(
    async (batch) => {
      const results = await store.recordBatch(batch);
      if (results.some((r, i) => !r.duplicate && batch[i]!.processWith)) options.onJobsRecorded?.();
      return results;
    },
    { maxBatch: 200, maxInFlight: 4 },
  );
  return {
    async accept(delivery, processWith) {
      await group.submit({ delivery, processWith });
    },
    settled: async () => undefined, // recorded before accept resolves
    close: () => store.close(),
  };
}
