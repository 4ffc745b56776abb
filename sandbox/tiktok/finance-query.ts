import { businessError } from "./api-error";
import { decodePageToken, encodePageToken } from "./request-fields";

/** Query readers of the Finance API. Anything TikTok would not accept answers 36009004 (invalid params). */
const invalid = (message: string) => businessError(36009004, `Invalid params: ${message}`);

/** `sort_field` is required and each endpoint supports exactly one value. */
export function requireSortField(query: Map<string, string>, only: string): void {
  const v = query.get("sort_field");
  if (v === undefined || v === "") throw invalid(`sort_field is required (only ${only} is supported).`);
  if (v !== only) throw invalid(`sort_field ${v} is not supported (only ${only}).`);
}

/** ASC (default) → 1, DESC → −1. */
export function sortDirection(query: Map<string, string>): 1 | -1 {
  const v = query.get("sort_order") ?? "ASC";
  if (v !== "ASC" && v !== "DESC") throw invalid("sort_order must be ASC or DESC.");
  return v === "ASC" ? 1 : -1;
}

export function optionalUnix(query: Map<string, string>, key: string): number | undefined {
  const v = query.get(key);
  if (v === undefined) return undefined;
  if (!/^\d{1,10}$/.test(v)) throw invalid(`${key} must be a Unix timestamp in seconds.`);
  return Number(v);
}

/** `[ge, lt)` filter; an empty range (ge ≥ lt) is refused. */
export function timeRange(query: Map<string, string>, ge: string, lt: string): (t: number) => boolean {
  const from = optionalUnix(query, ge);
  const to = optionalUnix(query, lt);
  if (from !== undefined && to !== undefined && from >= to) throw invalid(`${ge} must be earlier than ${lt}.`);
  return (t) => (from === undefined || t >= from) && (to === undefined || t < to);
}

/** page_size: optional, default 20, 1–100. */
export function financePageSize(query: Map<string, string>): number {
  const raw = query.get("page_size");
  if (raw === undefined) return 20;
  if (!/^\d+$/.test(raw)) throw invalid("page_size must be an integer between 1 and 100.");
  const n = Number(raw);
  if (n < 1 || n > 100) throw invalid("page_size must be between 1 and 100.");
  return n;
}

export function financePage<T>(query: Map<string, string>, all: T[]): { page: T[]; next: string; total: number } {
  const size = financePageSize(query);
  let offset: number;
  try {
    offset = decodePageToken(query.get("page_token"));
  } catch {
    throw invalid("page_token is invalid.");
  }
  if (offset > all.length) throw invalid("page_token is invalid.");
  return { page: all.slice(offset, offset + size), next: offset + size < all.length ? encodePageToken(offset + size) : "", total: all.length };
}

/** Sorts by a time, then id, in the requested direction (stable pages). */
export function sortByTime<T>(list: T[], time: (x: T) => number, id: (x: T) => string, dir: 1 | -1): T[] {
  return list.sort((a, b) => dir * (time(a) - time(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)));
}
