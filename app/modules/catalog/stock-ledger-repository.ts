// The stock ledger (model StockLevel): Shopify's available quantity per inventory item and location, as
// last seen in a webhook or a Shopify read. Stock pushes to TikTok are computed from it.
import type { Database } from "../../db.server";
import { judgeLevelUpdate, type LevelJudgement } from "../inventory/stock-level-ordering";

export interface LedgerLevel {
  inventoryItemId: string;
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date;
  uncertain: boolean;
}

export interface ReadLevel {
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date;
}

export function createStockLedgerRepository(db: Database) {
  return {
    /** A level from inventory_levels/update; stale and duplicate deliveries change nothing. */
    async applyWebhookLevel(shop: string, level: { inventoryItemId: string; locationId: string; available: number; shopifyUpdatedAt: Date }): Promise<LevelJudgement> {
      const key = { shop, inventoryItemId: level.inventoryItemId, locationId: level.locationId };
      const held = await db.stockLevel.findUnique({ where: { shop_inventoryItemId_locationId: key } });
      const judgement = judgeLevelUpdate(held, level);
      if (judgement === "apply" || judgement === "tie") {
        const data = { available: level.available, shopifyUpdatedAt: level.shopifyUpdatedAt, uncertain: judgement === "tie" };
        // Guarded by what was read, so a concurrent newer write is never overwritten (lost race → stale).
        if (held) {
          const won = await db.stockLevel.updateMany({ where: { ...key, shopifyUpdatedAt: held.shopifyUpdatedAt, available: held.available }, data });
          if (won.count === 0) return this.applyWebhookLevel(shop, level);
        } else {
          try {
            await db.stockLevel.create({ data: { ...key, ...data } });
          } catch (error) {
            if ((error as { code?: string }).code !== "P2002") throw error;
            return this.applyWebhookLevel(shop, level);
          }
        }
      }
      return judgement;
    },

    /**
     * Items' levels as read from Shopify: authoritative for every location, except a level a webhook
     * already moved past (newer second). Locations a read no longer lists are dropped. One read of what is
     * held and one transaction, whatever the number of items.
     */
    async recordReads(shop: string, items: Array<{ inventoryItemId: string; levels: ReadLevel[] }>): Promise<void> {
      if (items.length === 0) return;
      const held = await db.stockLevel.findMany({ where: { shop, inventoryItemId: { in: items.map((i) => i.inventoryItemId) } } });
      const heldAt = new Map(held.map((h) => [`${h.inventoryItemId} ${h.locationId}`, h]));
      const writes = [];
      for (const { inventoryItemId, levels } of items) {
        for (const level of levels) {
          const h = heldAt.get(`${inventoryItemId} ${level.locationId}`);
          if (h && h.shopifyUpdatedAt.getTime() > level.shopifyUpdatedAt.getTime()) continue;
          const data = { available: level.available, shopifyUpdatedAt: level.shopifyUpdatedAt, uncertain: false };
          writes.push(db.stockLevel.upsert({ where: { shop_inventoryItemId_locationId: { shop, inventoryItemId, locationId: level.locationId } }, create: { shop, inventoryItemId, locationId: level.locationId, ...data }, update: data }));
        }
        const gone = held.filter((h) => h.inventoryItemId === inventoryItemId && !levels.some((l) => l.locationId === h.locationId)).map((h) => h.locationId);
        if (gone.length) writes.push(db.stockLevel.deleteMany({ where: { shop, inventoryItemId, locationId: { in: gone } } }));
      }
      if (writes.length) await db.$transaction(writes);
    },

    async levelsFor(shop: string, inventoryItemIds: string[]): Promise<LedgerLevel[]> {
      return db.stockLevel.findMany({ where: { shop, inventoryItemId: { in: inventoryItemIds } }, select: { inventoryItemId: true, locationId: true, available: true, shopifyUpdatedAt: true, uncertain: true } });
    },
  };
}

export type StockLedgerRepository = ReturnType<typeof createStockLedgerRepository>;
