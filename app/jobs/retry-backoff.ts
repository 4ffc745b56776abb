/** Exponential backoff with full jitter: attempt 1 → up to base, doubling, capped. */
export function retryDelayMs(attempt: number, random: () => number = Math.random, baseMs = 1000, capMs = 10 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
