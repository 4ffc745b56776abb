// The sync engine's job types and how work is keyed: one pending job per product and per inventory
// item, so a burst of webhooks for the same thing collapses into one call that reads the latest state.
import type { JobQueue } from "../../jobs/job-queue";

export const PRODUCT_SYNC_JOB = "product.sync";
export const INVENTORY_SYNC_JOB = "inventory.sync";

export interface ProductSyncPayload { productId: string; trigger: string }
export interface InventorySyncPayload { inventoryItemId: string; trigger: string }

export function enqueueProductSync(queue: JobQueue, shop: string, productId: string, trigger: string) {
  return queue.enqueue({ shop, type: PRODUCT_SYNC_JOB, key: `product:${shop}:${productId}`, payload: { productId, trigger } satisfies ProductSyncPayload });
}

export function enqueueInventorySync(queue: JobQueue, shop: string, inventoryItemId: string, trigger: string) {
  return queue.enqueue({ shop, type: INVENTORY_SYNC_JOB, key: `inventory:${shop}:${inventoryItemId}`, payload: { inventoryItemId, trigger } satisfies InventorySyncPayload });
}
