import { randomUUID } from "node:crypto";
import { createGroupCommit } from "../../db/group-commit";
import type { Database } from "../../db.server";

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
   */
  recordOnce(delivery: NewWebhookDelivery, processWith?: { jobType: string }): Promise<{ id: string; duplicate: boolean }>;
  find(id: string): Promise<StoredWebhookDelivery | null>;
  markProcessed(id: string, status: "processed" | "ignored", note?: string): Promise<void>;
}

export const PROCESS_WEBHOOK_JOB = "webhook.process";

export function createWebhookDeliveryRepository(db: Database): WebhookDeliveryRepository {
  const intake = createGroupCommit<Receipt, { id: string; duplicate: boolean }>((batch) => recordBatch(db, batch), { maxBatch: 200 });
  return {
    recordOnce: (delivery, processWith) => intake.submit({ delivery, processWith }),
    async find(id) {
      const row = await db.webhookDelivery.findUnique({ where: { id } });
      if (!row) return null;
      return {
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
      };
    },
    async markProcessed(id, status, note) {
      await db.webhookDelivery.update({ where: { id }, data: { status, processedAt: new Date(), error: note ?? null } });
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
  const jobs: Array<{ shop: string; type: string; payload: string }> = [];
  for (const { delivery, processWith } of batch) {
    const knownId = known.get(keyOf(delivery));
    if (knownId) {
      results.push({ id: knownId, duplicate: true });
      continue;
    }
    const id = randomUUID();
    known.set(keyOf(delivery), id);
    deliveries.push({ id, ...delivery, status: processWith ? "enqueued" : "received" });
    if (processWith) jobs.push({ shop: delivery.shop, type: processWith.jobType, payload: JSON.stringify({ deliveryId: id }) });
    results.push({ id, duplicate: false });
  }
  if (deliveries.length === 0) return results;
  try {
    await db.$transaction([db.webhookDelivery.createMany({ data: deliveries }), ...(jobs.length ? [db.job.createMany({ data: jobs })] : [])]);
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
