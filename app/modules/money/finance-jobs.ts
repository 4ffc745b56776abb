// The statement import jobs: one per linked TikTok shop (keyed: a refresh while one waits joins it), queued
// by a recurring scheduler every FINANCE_SYNC_INTERVAL_MS, once when a worker starts, and by "Refresh".
// Money can wait for webhooks and stock pushes (background priority).
import type { Database } from "../../db.server";
import { BACKGROUND_PRIORITY, type JobQueue } from "../../jobs/job-queue";

export const FINANCE_IMPORT_JOB = "money.import-statements";
export const FINANCE_SCHEDULER_JOB = "money.import-scheduler";

export interface FinanceImportPayload {
  tiktokShopId: string;
}

export function enqueueFinanceImport(queue: JobQueue, shop: string, tiktokShopId: string) {
  const payload: FinanceImportPayload = { tiktokShopId };
  return queue.enqueue({
    shop,
    type: FINANCE_IMPORT_JOB,
    key: `finance-${shop}-${tiktokShopId}`,
    payload,
    priority: BACKGROUND_PRIORITY,
    maxAttempts: 6,
  });
}

export function scheduleFinanceImports(queue: JobQueue, intervalMs: number, runAt = new Date(Date.now() + intervalMs)) {
  return queue.enqueue({
    shop: "*",
    type: FINANCE_SCHEDULER_JOB,
    key: "finance-import-scheduler",
    payload: {},
    runAt,
    priority: BACKGROUND_PRIORITY,
  });
}

/** Queues an import for each active link of one store ("Refresh from TikTok"); returns how many. */
export async function refreshFromTikTok(deps: { db: Database; queue: JobQueue }, shop: string): Promise<number> {
  const links = await deps.db.tikTokShopLink.findMany({
    where: { shop, status: "active" },
    select: { tiktokShopId: true },
  });
  for (const link of links) await enqueueFinanceImport(deps.queue, shop, link.tiktokShopId);
  return links.length;
}

async function enqueueAllImports(deps: { db: Database; queue: JobQueue }): Promise<number> {
  const links = await deps.db.tikTokShopLink.findMany({
    where: { status: "active" },
    select: { shop: true, tiktokShopId: true },
  });
  for (const link of links) await enqueueFinanceImport(deps.queue, link.shop, link.tiktokShopId);
  return links.length;
}

/** The recurring scheduler: an import per active link, then itself again after the interval. */
export async function runFinanceScheduler(
  deps: { db: Database; queue: JobQueue },
  intervalMs: number
): Promise<number> {
  const queued = await enqueueAllImports(deps);
  await scheduleFinanceImports(deps.queue, intervalMs);
  return queued;
}

/**
 * At worker start: imports now, and the scheduler after the interval. (Queuing the scheduler "now" would not
 * do: one left pending by the previous process keeps its later time.)
 */
export async function startFinanceImports(deps: { db: Database; queue: JobQueue }, intervalMs: number): Promise<void> {
  await enqueueAllImports(deps);
  await scheduleFinanceImports(deps.queue, intervalMs);
}
