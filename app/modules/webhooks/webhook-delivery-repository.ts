import { randomUUID } from "node:crypto";
import { createGroupCommit } from "../../db/group-commit";
import { durably } from "../../db/libsql-shared-connection";
import type { Database } from "../../db.server";
import { BACKGROUND_PRIORITY } from "../../jobs/job-queue";

export interface NewWebhookDelivery {
  source: "shopify" | "tiktok";
  deliveryId: string;
  shop: string;
  topic: string;
  apiVersion?: string;
  triggeredAt?: Date;
  eventId?: string;
  /** The raw body as received: Shopify's numeric ids exceed JavaScript's safe integers, so never re-serialize. */
  payload: string;
}

export interface StoredWebhookDelivery extends NewWebhookDelivery {
  id: string;
  status: string;
}

export interface WebhookDeliveryRepository {
  /**
   * Inserts the delivery unless one with the same (source, deliveryId) exists, and — in the same
   * transaction — the job that will process it, so an acknowledged delivery can never be lost.
   * Deliveries arriving together share one transaction and one job per shop.
   */
  recordOnce(delivery: NewWebhookDelivery, processWith?: { jobType: string }): Promise<{ id: string; duplicate: boolean }>;
  /** The deliveries with these ids, in the order given (ids no longer stored are left out). */
  findMany(ids: string[]): Promise<StoredWebhookDelivery[]>;
  markOutcomes(outcomes: DeliveryOutcome[]): Promise<void>;
}

export interface DeliveryOutcome {
  id: string;
  status: "processed" | "ignored" | "failed";
  note?: string;
}

export const PROCESS_WEBHOOK_JOB = "webhook.process";
/** `deliveryId`: jobs queued before deliveries were processed in batches (still accepted). */
export interface ProcessWebhookPayload { deliveryIds?: string[]; deliveryId?: string }

export function createWebhookDeliveryRepository(db: Database): WebhookDeliveryRepository {
  const intake = createGroupCommit<Receipt, { id: string; duplicate: boolean }>((batch) => recordBatch(db, batch), { maxBatch: 200 });
  return {
    recordOnce: (delivery, processWith) => intake.submit({ delivery, processWith }),
    async findMany(ids) {
      const rows = await db.webhookDelivery.findMany({ where: { id: { in: ids } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return [];
        return [{
          id: row.id,
          status: row.status,
          source: row.source as "shopify" | "tiktok",
          deliveryId: row.deliveryId,
          shop: row.shop,
          topic: row.topic,
          apiVersion: row.apiVersion ?? undefined,
          triggeredAt: row.triggeredAt ?? undefined,
          eventId: row.eventId ?? undefined,
          payload: row.payload,
        }];
      });
    },
    async markOutcomes(outcomes) {
      // One UPDATE per distinct outcome (under a burst, most deliveries share one).
      const groups = new Map<string, { status: string; note: string | null; ids: string[] }>();
      for (const o of outcomes) {
        const key = `${o.status}\u0000${o.note ?? ""}`;
        const group = groups.get(key) ?? { status: o.status, note: o.note ?? null, ids: [] };
        group.ids.push(o.id);
        groups.set(key, group);
      }
      const processedAt = new Date();
      for (const { status, note, ids } of groups.values()) {
        await db.webhookDelivery.updateMany({ where: { id: { in: ids } }, data: { status, processedAt, error: note?.slice(0, 2000) ?? null } });
      }
    },
  };
}

interface Receipt {
  delivery: NewWebhookDelivery;
  processWith?: { jobType: string };
}

/**
 * Records a batch of deliveries and their jobs in one (batch, not interactive) transaction: no round trips
 * while it holds SQLite's write lock. Deliveries already recorded (Shopify retries, duplicates within the
 * batch) are answered as duplicates. If another process recorded one of them in between, the batch is
 * refused whole and each delivery is recorded on its own.
 */
async function recordBatch(db: Database, batch: Receipt[]): Promise<Array<{ id: string; duplicate: boolean }>> {
  const keyOf = (d: NewWebhookDelivery) => `${d.source}\u0000${d.deliveryId}`;
  const known = new Map<string, string>();
  const existing = await db.webhookDelivery.findMany({
    where: { OR: batch.map(({ delivery: d }) => ({ source: d.source, deliveryId: d.deliveryId })) },
    select: { id: true, source: true, deliveryId: true },
  });
  for (const row of existing) known.set(`${row.source}\u0000${row.deliveryId}`, row.id);

  const results: Array<{ id: string; duplicate: boolean }> = [];
  const deliveries: Array<NewWebhookDelivery & { id: string; status: string }> = [];
  const toProcess = new Map<string, { type: string; source: NewWebhookDelivery["source"]; deliveryIds: string[] }>(); // one job per shop and batch
  for (const { delivery, processWith } of batch) {
    const knownId = known.get(keyOf(delivery));
    if (knownId) {
      results.push({ id: knownId, duplicate: true });
      continue;
    }
    const id = randomUUID();
    known.set(keyOf(delivery), id);
    deliveries.push({ id, ...delivery, status: processWith ? "enqueued" : "received" });
    if (processWith) {
      const job = toProcess.get(delivery.shop) ?? { type: processWith.jobType, source: delivery.source, deliveryIds: [] };
      job.deliveryIds.push(id);
      toProcess.set(delivery.shop, job);
    }
    results.push({ id, duplicate: false });
  }
  if (deliveries.length === 0) return results;
  // Shopify's changes (stock above all) overtake queued product syncs; TikTok's status events wait their turn
  // with them (during a big initial sync they pile up, and are then read once per listing).
  const jobs = [...toProcess].map(([shop, { type, source, deliveryIds }]) => ({ shop, type, payload: JSON.stringify({ deliveryIds } satisfies ProcessWebhookPayload), priority: source === "tiktok" ? BACKGROUND_PRIORITY : 0 }));
  try {
    // Shopify is answered 200 once this returns: on disk, not just in the WAL's page cache.
    // (An interactive transaction: Prisma runs a batch transaction outside the caller's async context.)
    await durably(() =>
      db.$transaction(async (tx) => {
        await tx.webhookDelivery.createMany({ data: deliveries });
        if (jobs.length) await tx.job.createMany({ data: jobs });
      }),
    );
    return results;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another process recorded one of them meanwhile: record each on its own (that one is now a duplicate).
    const one: Array<{ id: string; duplicate: boolean }> = [];
    for (const receipt of batch) one.push(...(await recordBatch(db, [receipt])));
    return one;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
