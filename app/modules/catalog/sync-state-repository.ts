// Where each product stands on TikTok, its SKU links and its sync timeline.
import type { Database } from "../../db.server";
import { inWritingTransaction } from "../../db/libsql-shared-connection";
import type { SyncState } from "./catalog-filter";

export interface ProductSyncRecord {
  shop: string;
  productId: string;
  selected: boolean;
  state: SyncState;
  tiktokProductId: string | null;
  tiktokStatus: string | null;
  contentHash: string | null;
  priceHash: string | null;
  /** Prices waiting for the listing to go live (changed while TikTok reviewed it). */
  pricePendingHash: string | null;
  stockHash: string | null;
  /** Why the last run did not finish (cleared when one does). */
  lastError: string | null;
}

export interface SkuLinkRecord {
  variantId: string;
  inventoryItemId: string | null;
  sellerSku: string;
  tiktokSkuId: string;
  tracked?: boolean | null;
  inventoryPolicy?: string | null;
  /** JSON of the inventory last sent to TikTok for this SKU. */
  pushedStock?: string | null;
}

export interface StoredSkuLink extends SkuLinkRecord {
  tiktokProductId: string;
  tracked: boolean | null;
  inventoryPolicy: string | null;
  pushedStock: string | null;
}

export interface SyncEventInput {
  shop: string;
  productId: string;
  trigger: string;
  action: "create" | "adopt" | "edit" | "price" | "inventory" | "deactivate" | "delete" | "skip" | "review";
  /** "pending": recorded before a create is sent, so an interrupted one is known (and finished) on retry. */
  outcome: "ok" | "failed" | "skipped" | "pending";
  summary: string;
  tiktokRequestId?: string;
  detail?: unknown;
  durationMs?: number;
}

export type SyncEventResult = Pick<SyncEventInput, "outcome" | "summary" | "tiktokRequestId" | "durationMs">;

export type ProductSyncUpdate = Partial<Omit<ProductSyncRecord, "shop" | "productId">> & { findings?: unknown[]; blockingFindings?: number; lastError?: string | null; lastSyncedAt?: Date; appliedShopifyUpdatedAt?: Date };

function syncStateValues(data: ProductSyncUpdate) {
  const { findings, ...rest } = data;
  return { ...rest, ...(findings ? { findings: JSON.stringify(findings) } : {}) };
}

function syncEventValues(event: SyncEventInput) {
  return { ...event, detail: event.detail === undefined ? null : JSON.stringify(event.detail).slice(0, 20_000) };
}

/** Products per statement when choosing many at once (well under the databases' bound-parameter limits). */
const SELECT_CHUNK = 500;

export function createSyncStateRepository(db: Database) {
  return {
    async get(shop: string, productId: string): Promise<ProductSyncRecord | null> {
      const row = await db.productSync.findUnique({ where: { shop_productId: { shop, productId } } });
      return row ? { ...row, state: row.state as SyncState } : null;
    },

    /** TikTok ids of the shop's listings in TikTok's review since before `sentBefore`, longest waiting first. */
    async listingsInReview(shop: string, { sentBefore, limit }: { sentBefore: Date; limit: number }): Promise<string[]> {
      const rows = await db.productSync.findMany({
        where: { shop, state: "in_review", tiktokProductId: { not: null }, OR: [{ lastSyncedAt: { lte: sentBefore } }, { lastSyncedAt: null }] },
        orderBy: { lastSyncedAt: "asc" },
        take: limit,
        select: { tiktokProductId: true },
      });
      return rows.map((r) => r.tiktokProductId!);
    },

    async anyInReview(shop: string): Promise<boolean> {
      return (await db.productSync.findFirst({ where: { shop, state: "in_review", tiktokProductId: { not: null } }, select: { id: true } })) !== null;
    },

    /** Chooses (or unchooses) products in chunks: an existence check, one update and one insert per chunk. */
    async setSelected(shop: string, productIds: string[], selected: boolean, selectedBy: string): Promise<number> {
      const choice = { selected, selectedBy: selected ? selectedBy : null };
      for (let i = 0; i < productIds.length; i += SELECT_CHUNK) {
        const chunk = productIds.slice(i, i + SELECT_CHUNK);
        // Reads, then writes: begins as a writer (inWritingTransaction) so a worker's commit cannot fail it.
        await inWritingTransaction(() => db.$transaction(async (tx) => {
          const known = new Set((await tx.productSync.findMany({ where: { shop, productId: { in: chunk } }, select: { productId: true } })).map((r) => r.productId));
          if (known.size) await tx.productSync.updateMany({ where: { shop, productId: { in: [...known] } }, data: { ...choice, ...(selected ? { state: "queued" } : {}) } });
          const fresh = chunk.filter((id) => !known.has(id));
          if (fresh.length) await tx.productSync.createMany({ data: fresh.map((productId) => ({ shop, productId, ...choice, state: selected ? "queued" : "not_synced" })) });
        }));
      }
      return productIds.length;
    },

    async update(shop: string, productId: string, data: ProductSyncUpdate): Promise<void> {
      const values = syncStateValues(data);
      // The row exists whenever a sync runs: a plain UPDATE (an upsert returned every column, on every call).
      const { count } = await db.productSync.updateMany({ where: { shop, productId }, data: values });
      if (count === 0) await db.productSync.upsert({ where: { shop_productId: { shop, productId } }, create: { shop, productId, ...values }, update: values });
    },

    /** Products that have a listing on the catalog's TikTok shop (live, in review, rejected or deactivated). */
    async countListed(shop: string): Promise<number> {
      return db.productSync.count({ where: { shop, tiktokProductId: { not: null } } });
    },

    async byTikTokProductId(tiktokProductId: string) {
      return db.productSync.findMany({ where: { tiktokProductId } });
    },

    async skuLinks(shop: string, productId: string): Promise<StoredSkuLink[]> {
      return db.skuLink.findMany({
        where: { shop, productId },
        select: { variantId: true, inventoryItemId: true, sellerSku: true, tiktokSkuId: true, tiktokProductId: true, tracked: true, inventoryPolicy: true, pushedStock: true },
      });
    },

    /** Kept current from Shopify reads and inventory_items/update: the stock push needs them. */
    async setVariantStockFacts(shop: string, facts: Array<{ variantId: string; tracked: boolean; inventoryPolicy: string }>): Promise<void> {
      if (facts.length) await db.$transaction(facts.map(({ variantId, ...data }) => db.skuLink.updateMany({ where: { shop, variantId }, data })));
    },

    async setItemTracked(shop: string, inventoryItemId: string, tracked: boolean): Promise<void> {
      await db.skuLink.updateMany({ where: { shop, inventoryItemId }, data: { tracked } });
    },

    /** What was last sent to TikTok per variant (JSON of its inventory), so unchanged stock is not sent again. */
    async setPushedStock(shop: string, pushed: Array<{ variantId: string; inventory: unknown }>): Promise<void> {
      if (pushed.length) await db.$transaction(pushed.map(({ variantId, inventory }) => db.skuLink.updateMany({ where: { shop, variantId }, data: { pushedStock: JSON.stringify(inventory) } })));
    },

    async skuLinkByInventoryItem(shop: string, inventoryItemId: string) {
      return db.skuLink.findFirst({ where: { shop, inventoryItemId } });
    },

    /** TikTok SKU id → its Shopify variant and inventory item (SKUs the app never listed are absent). */
    async variantsByTikTokSku(shop: string, tiktokSkuIds: string[]): Promise<Map<string, { variantId: string; inventoryItemId: string | null; productId: string }>> {
      const links = await db.skuLink.findMany({ where: { shop, tiktokSkuId: { in: [...new Set(tiktokSkuIds)] } }, select: { tiktokSkuId: true, variantId: true, inventoryItemId: true, productId: true } });
      return new Map(links.map(({ tiktokSkuId, ...variant }) => [tiktokSkuId, variant]));
    },

    /** Inventory item id → the product whose synced SKU it is (items of products not synced are absent). */
    async productsByInventoryItem(shop: string, inventoryItemIds: string[]): Promise<Map<string, string>> {
      const links = await db.skuLink.findMany({ where: { shop, inventoryItemId: { in: [...new Set(inventoryItemIds)] } }, select: { inventoryItemId: true, productId: true } });
      return new Map(links.map((l) => [l.inventoryItemId!, l.productId]));
    },

    /** Replaces the product's SKU links with TikTok's answer (create/edit return every SKU). */
    async replaceSkuLinks(shop: string, productId: string, tiktokProductId: string, links: SkuLinkRecord[]): Promise<void> {
      await db.$transaction([
        db.skuLink.deleteMany({ where: { shop, productId } }),
        db.skuLink.createMany({ data: links.map((l) => ({ shop, productId, tiktokProductId, ...l })) }),
      ]);
    },

    /**
     * A listing as TikTok answered a create or an edit, saved in one transaction: the product's SKU links, its
     * sync state, and the timeline entry reporting it (the create's pending intent finished, or a new event).
     * The product's row exists (the run read it). One commit where there were three: each waits for SQLite's
     * write lock, which the web process and every worker take turns holding.
     */
    async saveListing(shop: string, productId: string, listing: { tiktokProductId: string; links: SkuLinkRecord[]; state: ProductSyncUpdate; event: { finish: string; result: SyncEventResult } | { record: SyncEventInput } }): Promise<void> {
      const { tiktokProductId, links, state, event } = listing;
      await db.$transaction([
        db.skuLink.deleteMany({ where: { shop, productId } }),
        db.skuLink.createMany({ data: links.map((l) => ({ shop, productId, tiktokProductId, ...l })) }),
        db.productSync.updateMany({ where: { shop, productId }, data: syncStateValues(state) }),
        "finish" in event ? db.syncEvent.updateMany({ where: { id: event.finish }, data: event.result }) : db.syncEvent.create({ data: syncEventValues(event.record), select: { id: true } }),
      ]);
    },

    async recordEvent(event: SyncEventInput): Promise<string> {
      const row = await db.syncEvent.create({ data: syncEventValues(event), select: { id: true } });
      return row.id;
    },

    /** The id of a pending event of this kind (a create that was sent, or was about to be, when the run stopped). */
    async pendingEvent(shop: string, productId: string, action: SyncEventInput["action"]): Promise<string | null> {
      return (await db.syncEvent.findFirst({ where: { shop, productId, action, outcome: "pending" }, orderBy: { createdAt: "desc" }, select: { id: true } }))?.id ?? null;
    },

    async deleteEvent(id: string): Promise<void> {
      await db.syncEvent.deleteMany({ where: { id } });
    },

    async timeline(shop: string, productId: string, take = 50) {
      return db.syncEvent.findMany({ where: { shop, productId }, orderBy: { createdAt: "desc" }, take });
    },
  };
}

export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;
