// Pruning: webhook deliveries, finished jobs and the products' sync timelines are kept for a retention period
// (troubleshooting reads them), then deleted, so the tables every webhook and every stock push write to stay
// small. Deletes go in chunks: each is a short write transaction, so the webhook intake is never held up for
// long. Kept whatever their age: deliveries not yet processed, dead jobs (the dead letters a merchant or we
// may replay), and a create's pending intent (its retry must find it to reuse the create's request key).
import { timeOrderedIdFloor } from "../../db/time-ordered-id";
import type { Database } from "../../db.server";
import { BACKGROUND_PRIORITY, type JobQueue } from "../../jobs/job-queue";

export const PRUNE_HISTORY_JOB = "maintenance.prune-history";
export const DEFAULT_HISTORY_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
const PRUNE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Ids per delete: under the bound-parameter limit of the SQLite driver (999). */
const CHUNK = 500;

export interface PruneHistoryDeps { db: Database; now?: () => number }

export async function pruneHistory(deps: PruneHistoryDeps, retentionMs: number): Promise<{ deliveries: number; jobs: number; syncEvents: number }> {
  const cutoff = (deps.now?.() ?? Date.now()) - retentionMs;
  // Delivery ids are time-ordered (delivery-intake.ts): the primary key finds the old ones, no other index.
  const deliveries = await deleteInChunks(
    () => deps.db.webhookDelivery.findMany({ where: { id: { lt: timeOrderedIdFloor(cutoff) }, status: { not: "enqueued" } }, select: { id: true }, take: CHUNK }),
    (ids) => deps.db.webhookDelivery.deleteMany({ where: { id: { in: ids } } }),
  );
  const jobs = await deleteInChunks(
    () => deps.db.job.findMany({ where: { status: "done", finishedAt: { lt: new Date(cutoff) } }, select: { id: true }, take: CHUNK }),
    (ids) => deps.db.job.deleteMany({ where: { id: { in: ids } } }),
  );
  const syncEvents = await deleteInChunks(
    () => deps.db.syncEvent.findMany({ where: { createdAt: { lt: new Date(cutoff) }, outcome: { not: "pending" } }, select: { id: true }, take: CHUNK }),
    (ids) => deps.db.syncEvent.deleteMany({ where: { id: { in: ids } } }),
  );
  return { deliveries, jobs, syncEvents };
}

async function deleteInChunks(next: () => Promise<Array<{ id: string }>>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = (await next()).map((row) => row.id);
    if (ids.length > 0) deleted += (await remove(ids)).count;
    if (ids.length < CHUNK) return deleted;
  }
}

/** Job: prune, then queue the next run a day later. */
export async function runPruneHistory(deps: PruneHistoryDeps & { queue: JobQueue }, retentionMs: number) {
  const pruned = await pruneHistory(deps, retentionMs);
  await schedulePruneHistory(deps.queue, PRUNE_INTERVAL_MS);
  return pruned;
}

/** One pending run at a time (by its key): a worker that starts while one is pending leaves it as it is. */
export function schedulePruneHistory(queue: JobQueue, inMs: number) {
  return queue.enqueue({ shop: "*", type: PRUNE_HISTORY_JOB, key: "prune-history", payload: {}, runAt: new Date(Date.now() + inMs), priority: BACKGROUND_PRIORITY });
}
