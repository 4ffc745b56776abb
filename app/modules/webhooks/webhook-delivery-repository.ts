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

export interface WebhookDeliveryRepository {
  /** Inserts the delivery unless one with the same (source, deliveryId) exists; says which happened. */
  recordOnce(delivery: NewWebhookDelivery): Promise<{ id: string; duplicate: boolean }>;
}

export function createWebhookDeliveryRepository(db: Database): WebhookDeliveryRepository {
  return {
    async recordOnce(delivery) {
      try {
        const row = await db.webhookDelivery.create({ data: delivery, select: { id: true } });
        return { id: row.id, duplicate: false };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await db.webhookDelivery.findUniqueOrThrow({
          where: { source_deliveryId: { source: delivery.source, deliveryId: delivery.deliveryId } },
          select: { id: true },
        });
        return { id: existing.id, duplicate: true };
      }
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
