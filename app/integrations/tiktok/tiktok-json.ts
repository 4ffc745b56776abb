
/** TikTok ids sometimes arrive as JSON numbers beyond 2^53 (contract §8.2); see lossless-json.ts. */
export { parseJsonLosslessly as parseTikTokJson } from "../lossless-json";

/**
 * Drops `null` members of objects (recursively; array items stay). TikTok's services send null for absent values
 * (e.g. `paid_time` of an unpaid order, empty lists), and our schemas model "absent" as optional, not nullable.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
    return out;
  }
  return value;
}
