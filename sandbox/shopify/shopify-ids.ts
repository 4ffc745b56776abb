// Shopify-looking ids: gid://shopify/<Type>/<number>. Numbers come from one deterministic counter so a
// seeded store always has the same ids, and never collide across types.
export function gid(type: string, legacyId: string | number): string {
  return `gid://shopify/${type}/${legacyId}`;
}

export interface ParsedGid {
  type: string;
  legacyId: string;
}

// Numeric ids, or UUIDs (Job ids from asynchronous mutations are).
const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/([0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\?.*)?$/;

export function parseGid(id: string): ParsedGid | null {
  const match = GID_PATTERN.exec(id);
  return match ? { type: match[1]!, legacyId: match[2]! } : null;
}

export function legacyIdOf(id: string): string {
  const parsed = parseGid(id);
  if (!parsed) throw new Error(`Not a Shopify global id: ${id}`);
  return parsed.legacyId;
}

/** 13-digit ids, as real stores have for products, variants, media and inventory items. */
export function createIdSequence(start = 8_012_345_600_000): (type: string) => string {
  let next = start;
  return (type: string) => gid(type, next++);
}
