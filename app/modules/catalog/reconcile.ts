// Periodic reconcile: every synced product of every linked store is compared with TikTok and repaired
// (see syncProduct's "reconcile" path). A scheduler job re-queues itself, so exactly one is pending.
import type { Database } from "../../db.server";
import type { JobQueue } from "../../jobs/job-queue";
import { enqueueProductSyncs } from "./sync-jobs";

export const RECONCILE_SCHEDULER_JOB = "catalog.reconcile-scheduler";

export async function reconcileStore(deps: { db: Database; queue: JobQueue }, shop: string): Promise<number> {
  const synced = await deps.db.productSync.findMany({ where: { shop, selected: true, tiktokProductId: { not: null } }, select: { productId: true } });
  await enqueueProductSyncs(deps.queue, shop, synced.map((p) => p.productId), "reconcile");
  return synced.length;
}

export async function runReconcileScheduler(deps: { db: Database; queue: JobQueue }, intervalMs: number): Promise<number> {
  const shops = await deps.db.tikTokShopLink.findMany({ where: { status: "active" }, distinct: ["shop"], select: { shop: true } });
  let queued = 0;
  for (const { shop } of shops) queued += await reconcileStore(deps, shop);
  await scheduleReconcile(deps.queue, intervalMs);
  return queued;
}

export function scheduleReconcile(queue: JobQueue, intervalMs: number) {
  return queue.enqueue({ shop: "*", type: RECONCILE_SCHEDULER_JOB, key: "reconcile-scheduler", payload: {}, runAt: new Date(Date.now() + intervalMs) });
}
