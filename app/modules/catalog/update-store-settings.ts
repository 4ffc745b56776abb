// Changing a rule (prices, stock, package defaults) re-syncs every chosen product: the engine works out
// per product what really changed, so a price rule change becomes price updates — no new review.
import type { Database } from "../../db.server";
import type { JobQueue } from "../../jobs/job-queue";
import type { SettingsDocument, StoreSettingsRepository } from "./store-settings-repository";
import { enqueueProductSyncs } from "./sync-jobs";

export async function updateStoreSettings(
  deps: { db: Database; settings: StoreSettingsRepository; queue: JobQueue },
  shop: string,
  change: (doc: SettingsDocument) => SettingsDocument,
): Promise<{ resynced: number }> {
  await deps.settings.update(shop, change); // throws (and stores nothing) when the result is invalid
  const chosen = await deps.db.productSync.findMany({ where: { shop, selected: true }, select: { productId: true } });
  await enqueueProductSyncs(deps.queue, shop, chosen.map((p) => p.productId), "rule-change");
  return { resynced: chosen.length };
}
