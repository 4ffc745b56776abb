// Relay connections as Shopify paginates them: first/after or last/before (one of first/last required,
// at most 250), opaque cursors carrying the sort value and id, pageInfo.
import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface SortKey {
  value: string | number;
  id: number;
}

export interface ConnectionView {
  edges: { cursor: string; node: unknown }[];
  nodes: unknown[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 250;

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

function decodeCursor(cursor: string): SortKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown; last_value?: unknown };
    if (typeof parsed.last_id === "number" && (typeof parsed.last_value === "string" || typeof parsed.last_value === "number")) {
      return { id: parsed.last_id, value: parsed.last_value };
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

export function compareKeys(a: SortKey, b: SortKey): number {
  const av = typeof a.value === "string" ? a.value.toLowerCase() : a.value;
  const bv = typeof b.value === "string" ? b.value.toLowerCase() : b.value;
  if (av < bv) return -1;
  if (av > bv) return 1;
  return a.id - b.id;
}

/** Sorts items by (value, id), reversed when asked, as Shopify's sortKey + reverse do. */
export function sortByKey<T>(items: T[], keyOf: (item: T) => SortKey, reverse: boolean): T[] {
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) * (reverse ? -1 : 1));
  return keyed.map((k) => k.item);
}

export interface PaginateOptions {
  /** Bulk operations read whole connections: no first/last needed. */
  unbounded?: boolean;
}

/** Pages through items already sorted by keyOf (in the requested direction). */
export function paginate<T>(
  sorted: T[],
  args: ConnectionArgs,
  keyOf: (item: T) => SortKey,
  toNode: (item: T) => unknown,
  options: PaginateOptions = {},
): ConnectionView {
  const { first, last } = args;
  if (!options.unbounded) {
    if (first == null && last == null) {
      throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
    }
    for (const [name, value] of [["first", first], ["last", last]] as const) {
      if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: "BAD_REQUEST" } });
      }
    }
  }
  const direction = args.reverse ? -1 : 1;
  const position = (cursor: string, inclusive: boolean) => {
    const key = decodeCursor(cursor);
    const index = sorted.findIndex((item) => {
      const c = compareKeys(keyOf(item), key) * direction;
      return inclusive ? c >= 0 : c > 0;
    });
    return index === -1 ? sorted.length : index;
  };
  const start = args.after ? position(args.after, false) : 0;
  const end = args.before ? position(args.before, true) : sorted.length;
  let window = sorted.slice(start, Math.max(start, end));
  let hasNextPage = end < sorted.length;
  let hasPreviousPage = start > 0;
  if (first != null) {
    hasNextPage = window.length > first || hasNextPage;
    window = window.slice(0, first);
  }
  if (last != null) {
    hasPreviousPage = window.length > last || hasPreviousPage;
    window = window.slice(Math.max(0, window.length - last));
  }
  const edges = window.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
