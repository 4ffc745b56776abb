// What the progress bar shows: how many chosen products are where, and an honest ETA that accounts for
// TikTok's rate limit and the shop's daily listing quota.
import { CATALOG_IMPORT_RUN, CATALOG_VARIANTS_RUN } from "./catalog-import";
import type { Database } from "../../db.server";

export interface SyncProgress {
  selected: number;
  byState: Record<string, number>;
  remaining: number;
  done: number;
  etaSeconds: number | null;
  note: string | null;
  catalogImport: { status: string; imported: number } | null;
}

const IN_FLIGHT = ["queued", "syncing"];

/** What a product waiting for TikTok's daily listing limit holds as its last error (sync-product.ts). */
export const DAILY_LIMIT_WAIT = "Waiting for TikTok's daily listing limit to reset.";

/**
 * Pure: the ETA for what can still be listed now, and what to tell the merchant about products waiting
 * for TikTok's daily listing limit (when it resets is TikTok's, so they get no ETA).
 */
export function progressOutlook(remaining: number, waitingForLimit: number, completedLastMinute: number, callsPerSecondLimit: number): { eta: number | null; note: string | null } {
  if (waitingForLimit === 0) return { eta: estimateSeconds(remaining, completedLastMinute, callsPerSecondLimit), note: null };
  const others = remaining - waitingForLimit;
  const note =
    `TikTok's daily listing limit for this shop is reached: ${waitingForLimit} product${waitingForLimit === 1 ? " waits" : "s wait"} and ` +
    `${waitingForLimit === 1 ? "is" : "are"} listed automatically when it resets (new shops may list a few products a day, established shops up to 1,000). Nothing to do.`;
  return { eta: others > 0 ? estimateSeconds(others, completedLastMinute, callsPerSecondLimit) : null, note };
}

/** Pure: seconds left at the observed pace, bounded below by TikTok's rate limit. */
export function estimateSeconds(remaining: number, completedLastMinute: number, callsPerSecondLimit: number): number | null {
  if (remaining === 0) return 0;
  const pace = Math.max(completedLastMinute / 60, 0);
  const fastest = remaining / callsPerSecondLimit;
  if (pace === 0) return Math.ceil(fastest);
  return Math.ceil(Math.max(remaining / pace, fastest));
}

export async function loadSyncProgress(db: Database, shop: string, options: { callsPerSecondLimit?: number } = {}): Promise<SyncProgress> {
  const groups = await db.productSync.groupBy({ by: ["state"], where: { shop, selected: true }, _count: { _all: true } });
  const byState = Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  const selected = groups.reduce((n, g) => n + g._count._all, 0);
  const remaining = IN_FLIGHT.reduce((n, s) => n + (byState[s] ?? 0), 0);
  const recent = await db.syncEvent.count({ where: { shop, outcome: "ok", createdAt: { gt: new Date(Date.now() - 60_000) } } });
  // TikTok does not say how many listings a shop has left today; a refusal tells, and those products wait.
  const waitingForLimit = remaining ? await db.productSync.count({ where: { shop, selected: true, state: "queued", lastError: DAILY_LIMIT_WAIT } }) : 0;
  const { eta, note } = progressOutlook(remaining, waitingForLimit, recent, options.callsPerSecondLimit ?? 40);
  const [run, variantsRun] = await Promise.all(
    [CATALOG_IMPORT_RUN, CATALOG_VARIANTS_RUN].map((kind) => db.syncRun.findFirst({ where: { shop, kind }, orderBy: { startedAt: "desc" } })),
  );
  // The catalog is read once both exports are in (the variants export brings images and stock).
  const importStatus = run && run.status === "done" && variantsRun?.status === "running" && variantsRun.startedAt >= run.startedAt ? "running" : run?.status;
  return {
    selected,
    byState,
    remaining,
    done: selected - remaining,
    etaSeconds: eta,
    note,
    catalogImport: run ? { status: importStatus!, imported: run.succeeded } : null,
  };
}
