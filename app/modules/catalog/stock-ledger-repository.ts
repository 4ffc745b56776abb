// The stock ledger (model StockLevel): Shopify's available quantity per inventory item and location, as
// last seen in a webhook or a Shopify read. Stock pushes to TikTok are computed from it.
import type { Database } from "../../db.server";
import { availableQuantity } from "../inventory/inventory-rules";
import { judgeLevelUpdate, type LevelJudgement } from "../inventory/stock-level-ordering";
import type { ShopifyInventoryLevel } from "../listing/shopify-product";

export interface LedgerLevel {
  inventoryItemId: string;
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date;
  uncertain: boolean;
}

export interface IncomingLevel {
  inventoryItemId: string;
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date;
}

export interface ReadLevel {
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date;
}

/** Levels as the Admin API returns them, for `recordReads`; null when one carries no timestamp to judge it by. */
export function readLevelsOf(levels: readonly ShopifyInventoryLevel[]): ReadLevel[] | null {
  if (!levels.every((l) => l.updatedAt)) return null;
  return levels.map((l) => ({ locationId: l.location.id, available: availableQuantity(l), shopifyUpdatedAt: new Date(l.updatedAt!) }));
}

export function createStockLedgerRepository(db: Database) {
  return {
    /** A level from inventory_levels/update; stale and duplicate deliveries change nothing. */
    async applyWebhookLevel(shop: string, level: IncomingLevel): Promise<LevelJudgement> {
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
     * Several webhook levels at once, in arrival order (a burst): one read and one transaction, with the
     * same judgements as applying them one by one. If another writer changed one of these levels in
     * between, the batch is dropped and each level applied on its own.
     */
    async applyWebhookLevels(shop: string, levels: IncomingLevel[]): Promise<LevelJudgement[]> {
      if (levels.length === 0) return [];
      const keyOf = (l: { inventoryItemId: string; locationId: string }) => `${l.inventoryItemId} ${l.locationId}`;
      const rows = await db.stockLevel.findMany({ where: { shop, inventoryItemId: { in: [...new Set(levels.map((l) => l.inventoryItemId))] } } });
      const original = new Map(rows.map((r) => [keyOf(r), r]));
      const current = new Map<string, { available: number; shopifyUpdatedAt: Date; uncertain: boolean }>(rows.map((r) => [keyOf(r), r]));
      const changed = new Set<string>();
      const judgements = levels.map((level) => {
        const judgement = judgeLevelUpdate(current.get(keyOf(level)) ?? null, level);
        if (judgement === "apply" || judgement === "tie") {
          current.set(keyOf(level), { available: level.available, shopifyUpdatedAt: level.shopifyUpdatedAt, uncertain: judgement === "tie" });
          changed.add(keyOf(level));
        }
        return judgement;
      });
      if (changed.size === 0) return judgements;
      const keys = [...changed];
      const writes = keys.map((key) => {
        const [inventoryItemId, locationId] = key.split(" ") as [string, string];
        const data = current.get(key)!;
        const held = original.get(key);
        return held
          ? db.stockLevel.updateMany({ where: { shop, inventoryItemId, locationId, shopifyUpdatedAt: held.shopifyUpdatedAt, available: held.available }, data })
          : db.stockLevel.create({ data: { shop, inventoryItemId, locationId, ...data } });
      });
      let lost: Set<string>;
      try {
        const results = await db.$transaction(writes);
        // A guarded update that matched nothing lost a race with another writer; the other writes stand.
        lost = new Set(keys.filter((_, i) => "count" in results[i]! && (results[i] as { count: number }).count === 0));
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error;
        lost = new Set(keys); // a create raced another: the transaction wrote nothing
      }
      // The levels of lost keys are judged again, one by one, against what the other writer left.
      for (let i = 0; i < levels.length; i++) {
        if (lost.has(keyOf(levels[i]!))) judgements[i] = await this.applyWebhookLevel(shop, levels[i]!);
      }
      return judgements;
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
