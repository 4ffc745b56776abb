// Finds the return window a refund policy promises ("within 30 days", "14-day returns", "thirty (30)
// days"), so it can be compared with TikTok's. Returns null when the text names no window in days; the
// check then says so instead of guessing.
const NUMBER_WORDS: Record<string, number> = { seven: 7, fourteen: 14, fifteen: 15, thirty: 30, sixty: 60, ninety: 90 };
const DAYS = /\b(\d{1,3}|seven|fourteen|fifteen|thirty|sixty|ninety)\s*(?:\(\d{1,3}\)\s*)?(?:-|\s)?(?:calendar\s+|business\s+)?days?\b/;

export function returnWindowDays(policyText: string): number | null {
  const sentences = policyText.toLowerCase().replace(/<[^>]+>/g, " ").split(/(?<=[.!?;])\s+|\n+/);
  for (const sentence of sentences) {
    // Only a sentence about returning counts ("refunds are issued within 10 business days" does not).
    if (!/\breturn|\bexchange|\bsend (it|them) back/.test(sentence)) continue;
    if (/\brefunds? (are|is|will be) (issued|processed)/.test(sentence) || /\b(do not|don't|no longer) accept returns/.test(sentence)) continue;
    const match = DAYS.exec(sentence);
    if (match) return /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!]!;
  }
  return null;
}
