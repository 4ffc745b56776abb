// The sync engine's job types and how work is keyed: one pending job per product and per inventory
// item, so a burst of webhooks for the same thing collapses into one call that reads the latest state.
import { BACKGROUND_PRIORITY, type JobQueue, type NewJob } from "../../jobs/job-queue";

export const PRODUCT_SYNC_JOB = "product.sync";
export const INVENTORY_SYNC_JOB = "inventory.sync";
export const REVIEW_CHECK_JOB = "product.review-check";

export interface ProductSyncPayload { productId: string; trigger: string }
/** `inventoryItemId`: jobs queued before stock pushes were per product (still accepted). */
export interface InventorySyncPayload { productId?: string; inventoryItemId?: string; trigger: string }

/**
 * A stock push waits `delayMs` for more changes to the same product (a burst, or its other SKUs), but at
 * most `maxWaitMs` after the first: one TikTok call carries them all.
 */
export interface StockPushTiming { delayMs: number; maxWaitMs: number }
export const DEFAULT_STOCK_PUSH_TIMING: StockPushTiming = { delayMs: 100, maxWaitMs: 1000 };

/** One product's sync: keyed by product, so a pending one takes the newest trigger instead of queueing twice. */
function productSyncJob(shop: string, productId: string, trigger: string): NewJob {
  return { shop, type: PRODUCT_SYNC_JOB, key: `product:${shop}:${productId}`, payload: { productId, trigger } satisfies ProductSyncPayload, priority: BACKGROUND_PRIORITY };
}

export function enqueueProductSync(queue: JobQueue, shop: string, productId: string, trigger: string) {
  return queue.enqueue(productSyncJob(shop, productId, trigger));
}

/** `enqueueProductSync` for many products (a bulk choice, a rule change, the reconcile): a few statements per 500. */
export function enqueueProductSyncs(queue: JobQueue, shop: string, productIds: readonly string[], trigger: string) {
  return queue.enqueueMany(productIds.map((productId) => productSyncJob(shop, productId, trigger)));
}

export function enqueueStockPush(queue: JobQueue, shop: string, productId: string, trigger: string, timing: StockPushTiming = DEFAULT_STOCK_PUSH_TIMING) {
  return queue.enqueue({ shop, type: INVENTORY_SYNC_JOB, key: `stock:${shop}:${productId}`, payload: { productId, trigger } satisfies InventorySyncPayload, debounce: timing });
}

/**
 * TikTok announces review results by webhook, but a webhook can be missed (the app was down through
 * TikTok's retries): a listing sent for review is also checked by asking TikTok, until it leaves review.
 */
export function scheduleReviewCheck(queue: JobQueue, shop: string, productId: string, delayMs: number) {
  return queue.enqueue({ shop, type: REVIEW_CHECK_JOB, key: `review:${shop}:${productId}`, payload: { productId }, runAt: new Date(Date.now() + delayMs), priority: BACKGROUND_PRIORITY });
}
