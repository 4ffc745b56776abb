// The merchant chooses what syncs. Selecting queues a sync for each product; unselecting queues one too
// (it deactivates the TikTok listing). Nothing syncs until chosen.
import type { JobQueue } from "../../jobs/job-queue";
import { enqueueProductSyncs } from "./sync-jobs";
import type { SyncStateRepository } from "./sync-state-repository";

export async function selectProducts(
  deps: { state: SyncStateRepository; queue: JobQueue },
  shop: string,
  productIds: readonly string[],
  selected: boolean,
  selectedBy = "manual",
): Promise<number> {
  const ids = [...new Set(productIds)];
  await deps.state.setSelected(shop, ids, selected, selectedBy);
  await enqueueProductSyncs(deps.queue, shop, ids, selected ? `selected:${selectedBy}` : "unselected");
  return ids.length;
}
