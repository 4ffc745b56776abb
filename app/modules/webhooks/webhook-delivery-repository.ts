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

/** Recorded deliveries, as processing reads and marks them (recording is the intake's: webhook-intake.ts). */
export interface WebhookDeliveryRepository {
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
  return {
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
