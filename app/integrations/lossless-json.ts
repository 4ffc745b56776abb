import { isSafeNumber, parse } from "lossless-json";

/**
 * JSON.parse without losing digits: Shopify and TikTok send ids as JSON numbers larger than 2^53. Numbers
 * that fit a double exactly stay numbers; the others become their decimal string (how every id is typed).
 */
export function parseJsonLosslessly(text: string): unknown {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}
