import { randomUUID } from "node:crypto";
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
  return {
    async recordOnce(delivery, processWith) {
      // A batch (not an interactive) transaction: no round trips while it holds SQLite's write lock, which
      // matters when a burst of deliveries arrives at once.
      const id = randomUUID();
      const writes = [db.webhookDelivery.create({ data: { id, ...delivery, status: processWith ? "enqueued" : "received" }, select: { id: true } })];
      if (processWith) writes.push(db.job.create({ data: { shop: delivery.shop, type: processWith.jobType, payload: JSON.stringify({ deliveryId: id }) }, select: { id: true } }));
      try {
        await db.$transaction(writes);
        return { id, duplicate: false };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await db.webhookDelivery.findUniqueOrThrow({
          where: { source_deliveryId: { source: delivery.source, deliveryId: delivery.deliveryId } },
          select: { id: true },
        });
        return { id: existing.id, duplicate: true };
      }
    },
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
