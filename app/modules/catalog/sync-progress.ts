// What the progress bar shows: how many chosen products are where, and an honest ETA that accounts for
// TikTok's rate limit and the shop's daily listing quota.
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

/** Pure: seconds left at the observed pace, bounded below by TikTok's rate limit. */
export function estimateSeconds(remaining: number, completedLastMinute: number, callsPerSecondLimit: number): number | null {
  if (remaining === 0) return 0;
  const pace = Math.max(completedLastMinute / 60, 0);
  const fastest = remaining / callsPerSecondLimit;
  if (pace === 0) return Math.ceil(fastest);
  return Math.ceil(Math.max(remaining / pace, fastest));
}

export async function loadSyncProgress(db: Database, shop: string, options: { callsPerSecondLimit?: number; dailyQuotaLeft?: number | null } = {}): Promise<SyncProgress> {
  const groups = await db.productSync.groupBy({ by: ["state"], where: { shop, selected: true }, _count: { _all: true } });
  const byState = Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  const selected = groups.reduce((n, g) => n + g._count._all, 0);
  const remaining = IN_FLIGHT.reduce((n, s) => n + (byState[s] ?? 0), 0);
  const recent = await db.syncEvent.count({ where: { shop, outcome: "ok", createdAt: { gt: new Date(Date.now() - 60_000) } } });
  let note: string | null = null;
  let eta = estimateSeconds(remaining, recent, options.callsPerSecondLimit ?? 40);
  if (options.dailyQuotaLeft != null && remaining > options.dailyQuotaLeft) {
    note = `TikTok lets this shop list ${options.dailyQuotaLeft} more products today; the other ${remaining - options.dailyQuotaLeft} are listed automatically tomorrow.`;
    eta = null;
  }
  const run = await db.syncRun.findFirst({ where: { shop, kind: "catalog-import" }, orderBy: { startedAt: "desc" } });
  return {
    selected,
    byState,
    remaining,
    done: selected - remaining,
    etaSeconds: eta,
    note,
    catalogImport: run ? { status: run.status, imported: run.succeeded } : null,
  };
}
