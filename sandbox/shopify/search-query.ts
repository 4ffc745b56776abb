// Shopify's search syntax for the `query:` argument: `title:shirt status:active,draft -tag:sale
// updated_at:>2024-01-01 vendor:'Acme Co' OR product_type:Shoes`. Terms are ANDed; OR separates groups;
// a leading `-` or NOT negates. Unknown fields are ignored with a warning, as Shopify does.
export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

export type FieldMatcher<T> =
  | { kind: "text"; get: (item: T) => string }
  | { kind: "exact"; get: (item: T) => string | null }
  | { kind: "list"; get: (item: T) => string[]; negate?: boolean }
  | { kind: "date"; get: (item: T) => string | null }
  | { kind: "number"; get: (item: T) => number }
  /** A field whose values mean states rather than stored text (orders' status:open|closed|cancelled). */
  | { kind: "predicate"; test: (item: T, value: string) => boolean };

export interface SearchWarning {
  field: string;
  message: string;
}

const TOKEN = /(-)?(?:([a-z_][a-z0-9_.]*):(>=|<=|>|<)?)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s()]+)/gi;

export function parseSearch(query: string): SearchTerm[][] {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const match of query.matchAll(TOKEN)) {
    const [, minus, field, comparator, rawValue] = match;
    const value = unquote(rawValue ?? "");
    if (!field && value === "OR") {
      groups.push([]);
      continue;
    }
    if (!field && value === "AND") continue;
    if (!field && value === "NOT") {
      negateNext = true;
      continue;
    }
    groups[groups.length - 1]!.push({
      field: field ? field.toLowerCase() : null,
      comparator: (comparator as Comparator | undefined) ?? ":",
      value,
      negated: Boolean(minus) || negateNext,
    });
    negateNext = false;
  }
  return groups.filter((g) => g.length > 0);
}

function unquote(value: string): string {
  if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}

function wildcardMatch(actual: string, pattern: string): boolean {
  const a = actual.toLowerCase();
  const p = pattern.toLowerCase();
  if (p.endsWith("*")) return a.startsWith(p.slice(0, -1)) || a.split(/\s+/).some((w) => w.startsWith(p.slice(0, -1)));
  return a === p;
}

function compare(actual: number, comparator: Comparator, expected: number): boolean {
  switch (comparator) {
    case ">": return actual > expected;
    case ">=": return actual >= expected;
    case "<": return actual < expected;
    case "<=": return actual <= expected;
    default: return actual === expected;
  }
}

function dateValue(value: string): number {
  if (value === "now") return Date.now();
  const t = Date.parse(value);
  return Number.isNaN(t) ? Number.NaN : t;
}

function termMatches<T>(item: T, term: SearchTerm, matcher: FieldMatcher<T>): boolean {
  const alternatives = term.comparator === ":" ? term.value.split(",").filter((v) => v !== "") : [term.value];
  switch (matcher.kind) {
    case "text": {
      const actual = matcher.get(item).toLowerCase();
      return alternatives.some((v) => actual.includes(v.replace(/\*$/, "").toLowerCase()));
    }
    case "exact": {
      const actual = matcher.get(item);
      return actual !== null && alternatives.some((v) => wildcardMatch(actual, v));
    }
    case "list": {
      const actual = matcher.get(item);
      return alternatives.some((v) => actual.some((a) => wildcardMatch(a, v)));
    }
    case "date": {
      const actual = matcher.get(item);
      if (actual === null) return false;
      const expected = dateValue(term.value);
      if (Number.isNaN(expected)) return false;
      const actualTime = Date.parse(actual);
      if (term.comparator === ":") return new Date(actualTime).toISOString().slice(0, 10) === new Date(expected).toISOString().slice(0, 10);
      return compare(actualTime, term.comparator, expected);
    }
    case "predicate":
      return alternatives.some((v) => matcher.test(item, v.toLowerCase()));
    case "number": {
      const actual = matcher.get(item);
      if (term.comparator === ":") return alternatives.some((v) => actual === Number(v));
      return compare(actual, term.comparator, Number(term.value));
    }
  }
}

/** A predicate for the query, plus warnings for fields this resource cannot be searched by. */
export function searchFilter<T>(
  query: string | null | undefined,
  fields: Record<string, FieldMatcher<T>>,
  freeText: (item: T) => string[],
): { matches: (item: T) => boolean; warnings: SearchWarning[] } {
  if (!query || query.trim() === "") return { matches: () => true, warnings: [] };
  const warnings: SearchWarning[] = [];
  const groups = parseSearch(query).map((group) =>
    group.filter((term) => {
      if (term.field === null || fields[term.field]) return true;
      warnings.push({ field: term.field, message: "Invalid search field for this query." });
      return false;
    }),
  );
  const matches = (item: T) =>
    groups.some((group) =>
      group.every((term) => {
        const hit =
          term.field === null
            ? freeText(item).some((text) => text.toLowerCase().includes(term.value.replace(/\*$/, "").toLowerCase()))
            : termMatches(item, term, fields[term.field]!);
        const matcher = term.field === null ? undefined : fields[term.field];
        const negate = term.negated !== Boolean(matcher?.kind === "list" && matcher.negate);
        return negate ? !hit : hit;
      }),
    );
  return { matches, warnings };
}
