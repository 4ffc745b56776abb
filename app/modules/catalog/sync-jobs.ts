// The sync engine's job types and how work is keyed: one pending job per product and per inventory
// item, so a burst of webhooks for the same thing collapses into one call that reads the latest state.
import type { JobQueue } from "../../jobs/job-queue";

export const PRODUCT_SYNC_JOB = "product.sync";
export const INVENTORY_SYNC_JOB = "inventory.sync";
export const REVIEW_CHECK_JOB = "product.review-check";

export interface ProductSyncPayload { productId: string; trigger: string }
export interface InventorySyncPayload { inventoryItemId: string; trigger: string }

export function enqueueProductSync(queue: JobQueue, shop: string, productId: string, trigger: string) {
  return queue.enqueue({ shop, type: PRODUCT_SYNC_JOB, key: `product:${shop}:${productId}`, payload: { productId, trigger } satisfies ProductSyncPayload });
}

export function enqueueInventorySync(queue: JobQueue, shop: string, inventoryItemId: string, trigger: string) {
  return queue.enqueue({ shop, type: INVENTORY_SYNC_JOB, key: `inventory:${shop}:${inventoryItemId}`, payload: { inventoryItemId, trigger } satisfies InventorySyncPayload });
}

/**
 * TikTok announces review results by webhook, but a webhook can be missed (the app was down through
 * TikTok's retries): a listing sent for review is also checked by asking TikTok, until it leaves review.
 */
export function scheduleReviewCheck(queue: JobQueue, shop: string, productId: string, delayMs: number) {
  return queue.enqueue({ shop, type: REVIEW_CHECK_JOB, key: `review:${shop}:${productId}`, payload: { productId }, runAt: new Date(Date.now() + delayMs) });
}
