// Title: whitespace normalised; a title over the market's limit is cut at a word boundary (never inside a
// word) and the merchant is told, so they can choose better wording in Shopify.
import { blocking, warning, type Finding } from "./finding";
import { LIMITS_SOURCE, type RegionListingLimits } from "./listing-limits";

const HAN = /\p{Script=Han}/u;

export function codePointLength(text: string): number {
  return [...text].length;
}

/** Longest prefix of whole words within `max` code points; null when the first word alone is too long. */
export function cutAtWordBoundary(text: string, max: number): string | null {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max + 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  if (lastSpace <= 0) return null;
  return head.slice(0, lastSpace).replace(/[\s,;:\-–—|/]+$/u, "");
}

export function mapTitle(raw: string, limits: RegionListingLimits): { title: string; findings: Finding[] } {
  const findings: Finding[] = [];
  let title = raw.replace(/\s+/g, " ").trim();
  if (title.length === 0) {
    findings.push(blocking("TITLE_MISSING", "title", "The product has no title.", "Add a title to the product in Shopify."));
    return { title, findings };
  }
  const length = codePointLength(title);
  if (length > limits.titleMax) {
    const cut = cutAtWordBoundary(title, limits.titleMax);
    if (cut && codePointLength(cut) >= limits.titleMin) {
      findings.push(warning("TITLE_TRUNCATED", "title", `The title has ${length} characters; TikTok allows ${limits.titleMax} in this market, so it was shortened to "${cut.length > 60 ? `${cut.slice(0, 57)}…` : cut}".`, `Shorten the title to ${limits.titleMax} characters in Shopify to choose the wording yourself.`, { tiktokErrorCode: "12052051", source: LIMITS_SOURCE }));
      title = cut;
    } else {
      findings.push(blocking("TITLE_TOO_LONG", "title", `The title has ${length} characters; TikTok allows ${limits.titleMax} in this market.`, `Shorten the title to ${limits.titleMax} characters.`, { tiktokErrorCode: "12052051", source: LIMITS_SOURCE }));
    }
  }
  if (codePointLength(title) < limits.titleMin) {
    findings.push(blocking("TITLE_TOO_SHORT", "title", `The title has ${codePointLength(title)} characters; TikTok requires at least ${limits.titleMin} in this market.`, `Lengthen the title to at least ${limits.titleMin} characters (add the product type, material or size).`, { source: LIMITS_SOURCE }));
  }
  if (!limits.allowsHanCharacters && HAN.test(title)) {
    findings.push(blocking("TITLE_LANGUAGE", "title", "The title contains Chinese characters, which TikTok refuses in this market.", "Write the title in the market's language only.", { source: LIMITS_SOURCE }));
  }
  return { title, findings };
}
