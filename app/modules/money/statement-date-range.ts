// The date range the payouts page and the CSV cover: statement days, both ends included, in UTC (TikTok
// dates statements at 00:00 UTC). Default: the last 30 days.
import type { DateRange } from "./payouts-overview";

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;

/** "2026-12-07", or null for anything that is not a real day. */
function parseDay(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value ? null : day;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** `to` in the result is exclusive (the day after the last day). Ends given the wrong way round are swapped. */
export function statementDateRange(
  query: { from?: string; to?: string },
  now: Date
): DateRange & { fromDay: string; toDay: string } {
  const today = new Date(`${dayOf(now)}T00:00:00Z`);
  const last = parseDay(query.to) ?? today;
  const first = parseDay(query.from) ?? new Date(last.getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  const [a, b] = first <= last ? [first, last] : [last, first];
  return { from: a, to: new Date(b.getTime() + DAY_MS), fromDay: dayOf(a), toDay: dayOf(b) };
}
