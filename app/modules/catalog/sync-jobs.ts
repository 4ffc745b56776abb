// The sync engine's job types and how work is keyed: one pending job per product and per inventory
// item, so a burst of webhooks for the same thing collapses into one call that reads the latest state.
import { BACKGROUND_PRIORITY, type JobQueue, type NewJob } from "../../jobs/job-queue";

export const PRODUCT_SYNC_JOB = "product.sync";
export const INVENTORY_SYNC_JOB = "inventory.sync";
export const REVIEW_CHECK_JOB = "product.review-check";

export interface ProductSyncPayload { productId: string; trigger: string }
/** `inventoryItemId`: jobs queued before stock pushes were per product (still accepted). */
export interface InventorySyncPayload { productId?: string; inventoryItemId?: string; trigger: string }

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

/**
 * A stock push waits `delayMs` for more changes to the same product (a burst, or its other SKUs), but at
 * most `maxWaitMs` after the first: one TikTok call carries them all. A product whose stock keeps changing
 * past that (a flash sale, a bulk edit, thousands of webhooks arriving over seconds) waits up to
 * `sustainedMaxWaitMs` per push instead: TikTok stays a couple of seconds behind at most, and a long burst
 * costs a call every couple of seconds rather than every second of the shop's rate limit.
 */
export interface StockPushTiming { delayMs: number; maxWaitMs: number; sustainedMaxWaitMs: number }
export const DEFAULT_STOCK_PUSH_TIMING: StockPushTiming = { delayMs: 100, maxWaitMs: 1000, sustainedMaxWaitMs: 2000 };

/** Queues a product's stock push (debounced per product); see `StockPushTiming`. */
export type StockPushScheduler = (shop: string, productId: string, trigger: string) => Promise<unknown>;

/**
 * A burst is a run of changes to one product with no gap of `maxWaitMs`; once it has lasted `maxWaitMs`
 * (one push already went out) it is sustained. Remembered per process: with several workers each sees
 * part of a burst, which at worst costs the shorter wait.
 */
export function createStockPushScheduler(queue: JobQueue, timing: StockPushTiming = DEFAULT_STOCK_PUSH_TIMING, now: () => number = Date.now): StockPushScheduler {
  const bursts = new Map<string, { startedAt: number; lastAt: number }>();
  let forgotAt = now();
  return (shop, productId, trigger) => {
    const key = `stock:${shop}:${productId}`;
    const at = now();
    // Ended bursts are forgotten once per interval: the memo holds only products changed within about one.
    if (at - forgotAt >= timing.maxWaitMs) {
      for (const [k, burst] of bursts) if (at - burst.lastAt >= timing.maxWaitMs) bursts.delete(k);
      forgotAt = at;
    }
    const previous = bursts.get(key);
    const burst = previous && at - previous.lastAt < timing.maxWaitMs ? { startedAt: previous.startedAt, lastAt: at } : { startedAt: at, lastAt: at };
    bursts.set(key, burst);
    const sustained = at - burst.startedAt >= timing.maxWaitMs;
    const debounce = { delayMs: timing.delayMs, maxWaitMs: sustained ? timing.sustainedMaxWaitMs : timing.maxWaitMs };
    return queue.enqueue({ shop, type: INVENTORY_SYNC_JOB, key, payload: { productId, trigger } satisfies InventorySyncPayload, debounce });
  };
}

/**
 * TikTok announces review results by webhook, but a webhook can be missed (the app was down through
 * TikTok's retries): listings sent for review are also checked by asking TikTok. One sweep job per shop
 * (key `review:<shop>`) checks those sent at least `delayMs` ago and comes back while any is in review —
 * not a job per listing, which in a big initial sync cost a quarter of the database work of each create.
 * A process enqueues the sweep once per `delayMs` at most: a sweep pending or running covers every listing
 * sent meanwhile, since it keeps coming back while one is in review.
 */
export function createReviewSweepScheduler(queue: JobQueue, delayMs: number, now: () => number = Date.now) {
  const pendingUntil = new Map<string, number>();
  return async (shop: string): Promise<void> => {
    if ((pendingUntil.get(shop) ?? 0) > now()) return;
    const runAt = now() + delayMs;
    await queue.enqueue({ shop, type: REVIEW_CHECK_JOB, key: `review:${shop}`, payload: {}, runAt: new Date(runAt), priority: BACKGROUND_PRIORITY });
    pendingUntil.set(shop, runAt);
  };
}
