/** Parses a raw query string into URL-decoded pairs in the order received (duplicates kept, so they can be refused). */
export function parseQueryPairs(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? "" : part.slice(eq + 1);
    pairs.push([decode(rawKey), decode(rawValue)]);
  }
  return pairs;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

export function firstDuplicateKey(pairs: ReadonlyArray<readonly [string, string]>): string | null {
  const seen = new Set<string>();
  for (const [k] of pairs) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}
