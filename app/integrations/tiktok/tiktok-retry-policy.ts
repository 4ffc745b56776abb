export interface RetryConfig {
  /** Total attempts including the first one (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for in-process: the error goes to the caller (its queue reschedules). */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: Required<RetryConfig> = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

/**
 * Exponential backoff with full jitter ("AWS architecture blog" variant): a uniform delay in
 * [0, min(maxDelay, base·2^(attempt−1))]. Full jitter spreads retries of many workers that failed together.
 * `attempt` is the number of the attempt that just failed (1-based); `random` returns [0, 1).
 */
export function backoffDelayMs(attempt: number, config: RetryConfig, random: () => number = Math.random): number {
  const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header == null || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** How long to wait before the next attempt, or undefined when the caller should get the error now. */
export function nextRetryDelayMs(args: {
  attempt: number;
  retryable: boolean;
  retryAfterMs: number | undefined;
  config: RetryConfig;
  random?: () => number;
}): number | undefined {
  const { attempt, retryable, retryAfterMs, config } = args;
  if (!retryable || attempt >= config.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) {
    const limit = config.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs;
    return retryAfterMs > limit ? undefined : retryAfterMs;
  }
  return backoffDelayMs(attempt, config, args.random);
}
