import { createGroupCommit } from "../../db/group-commit";
import type { Database } from "../../db.server";
import type { DeliveryIntakeStore, DeliveryReceipt, RecordedDelivery } from "./delivery-intake";

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
  /** Closes the intake's own database connection. */
  close(): Promise<void>;
}

export interface DeliveryOutcome {
  id: string;
  status: "processed" | "ignored" | "failed";
  note?: string;
}

export const PROCESS_WEBHOOK_JOB = "webhook.process";
/** `deliveryId`: jobs queued before deliveries were processed in batches (still accepted). */
export interface ProcessWebhookPayload { deliveryIds?: string[]; deliveryId?: string }

/**
 * Deliveries are recorded through the intake store (its own connection, no Prisma: it is on the path of every
 * webhook's answer), batched by group commit; they are read and updated through Prisma.
 */
export function createWebhookDeliveryRepository(db: Database, intakeStore: DeliveryIntakeStore): WebhookDeliveryRepository {
  // Batches in flight together: one waiting for its disk sync does not hold back the next one's commit.
  const intake = createGroupCommit<DeliveryReceipt, RecordedDelivery>((batch) => intakeStore.recordBatch(batch), { maxBatch: 200, maxInFlight: 4 });
  return {
    recordOnce: (delivery, processWith) => intake.submit({ delivery, processWith }),
    close: () => intakeStore.close(),
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
