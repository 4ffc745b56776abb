import { isSafeNumber, parse } from "lossless-json";

/**
 * Parses JSON from TikTok without losing digits: ids sometimes arrive as JSON numbers larger than 2^53
 * (contract §8.2). Numbers that fit a double exactly stay numbers; the others become their decimal string,
 * which is how every id is typed in our schemas.
 */
export function parseTikTokJson(text: string): unknown {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}
