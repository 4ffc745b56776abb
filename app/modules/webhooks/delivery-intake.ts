// Recording a batch of webhook deliveries: the plan shared by the database adapters (app/db/*-delivery-intake.ts).
// A batch is the deliveries that arrived together (group commit); each adapter writes it in one durable
// transaction — the deliveries not yet recorded and, for those, one processing job per shop — so a delivery
// answered 200 is on disk with the job that will process it.
import { timeOrderedId } from "../../db/time-ordered-id";
import { BACKGROUND_PRIORITY, WEBHOOK_PRIORITY, type JobPriority } from "../../jobs/job-queue";
import type { NewWebhookDelivery, ProcessWebhookPayload } from "./webhook-delivery-repository";

export interface DeliveryReceipt {
  delivery: NewWebhookDelivery;
  processWith?: { jobType: string };
  /** When it was accepted, if earlier than this write (a journaled delivery); now otherwise. */
  receivedAt?: Date;
}

export interface RecordedDelivery { id: string; duplicate: boolean }

export interface DeliveryIntakeStore {
  /**
   * One result per receipt, in order; throws (nothing recorded) when the transaction could not commit —
   * a DeliveryRefusedError when the database refused the data itself, which no retry changes.
   */
  recordBatch(receipts: DeliveryReceipt[]): Promise<RecordedDelivery[]>;
  close(): Promise<void>;
}

/** The database refused a batch's data (a constraint, a value too big), not a passing condition (busy, disk). */
export class DeliveryRefusedError extends Error {
  constructor(cause: Error) {
    super(`the database refused the delivery: ${cause.message}`, { cause });
    this.name = "DeliveryRefusedError";
  }
}

/** A delivery row to insert unless (source, deliveryId) is already recorded. */
export interface DeliveryRow extends NewWebhookDelivery {
  id: string;
  status: "enqueued" | "received";
  receivedAt: Date;
  jobType?: string;
}

/** The processing job for a shop's deliveries recorded together. */
export interface IntakeJobRow { id: string; shop: string; type: string; priority: JobPriority; createdAt: Date; deliveryIds: string[] }

/** What makes a delivery the same delivery (Shopify's and TikTok's ids are unique per source). */
export function deliveryKey(delivery: { source: string; deliveryId: string }): string {
  return `${delivery.source}\u0000${delivery.deliveryId}`;
}

/**
 * The batch's distinct deliveries (a delivery sent twice in one batch is one row) with fresh ids, and for each
 * receipt the index of its row.
 */
export function distinctDeliveryRows(receipts: DeliveryReceipt[], now = new Date()): { rows: DeliveryRow[]; rowOfReceipt: number[] } {
  const rowIndex = new Map<string, number>();
  const rows: DeliveryRow[] = [];
  const rowOfReceipt = receipts.map(({ delivery, processWith, receivedAt }) => {
    const key = deliveryKey(delivery);
    let index = rowIndex.get(key);
    if (index === undefined) {
      index = rows.push({ ...delivery, id: timeOrderedId(), status: processWith ? "enqueued" : "received", receivedAt: receivedAt ?? now, jobType: processWith?.jobType }) - 1;
      rowIndex.set(key, index);
    }
    return index;
  });
  return { rows, rowOfReceipt };
}

/**
 * One job per shop (and job type) for the deliveries this batch recorded. Shopify's changes (stock above all)
 * overtake queued product syncs; TikTok's status events wait their turn with them. (At webhook priority they cut
 * a big initial sync's create rate from ~0.55 to ~0.35 of TikTok's limit: each event arrives alone, and its job
 * reads TikTok and writes three rows. Review results of a big initial sync therefore show once the creates are
 * done; batching those events is what would let them overtake.)
 */
export function jobsForRecorded(recorded: DeliveryRow[], now = new Date()): IntakeJobRow[] {
  const jobs = new Map<string, IntakeJobRow>();
  for (const row of recorded) {
    if (!row.jobType) continue;
    const key = `${row.jobType}\u0000${row.source}\u0000${row.shop}`;
    const job = jobs.get(key) ?? { id: timeOrderedId(), shop: row.shop, type: row.jobType, priority: row.source === "tiktok" ? BACKGROUND_PRIORITY : WEBHOOK_PRIORITY, createdAt: now, deliveryIds: [] };
    job.deliveryIds.push(row.id);
    jobs.set(key, job);
  }
  return [...jobs.values()];
}

/** The processing job's payload. (postgres-delivery-intake.ts builds the same document in SQL, for the rows its statement inserted.) */
export function webhookJobPayload(deliveryIds: string[]): string {
  return JSON.stringify({ deliveryIds } satisfies ProcessWebhookPayload);
}

/** Each receipt's answer: the stored id of its row, a duplicate unless this batch inserted it (first receipt only). */
export function receiptResults(rowOfReceipt: number[], stored: Array<{ id: string; inserted: boolean }>): RecordedDelivery[] {
  const answered = new Set<number>();
  return rowOfReceipt.map((index) => {
    const { id, inserted } = stored[index]!;
    const first = !answered.has(index);
    answered.add(index);
    return { id, duplicate: !(inserted && first) };
  });
}
