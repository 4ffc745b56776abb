import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, nextRetryDelayMs, parseRetryAfterMs } from "../../../app/integrations/tiktok/tiktok-retry-policy";

const config = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };

describe("backoffDelayMs (exponential, full jitter)", () => {
  it("stays within [0, min(max, base·2^(n−1))) for every attempt and random draw", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1));
      const d = backoffDelayMs(attempt, config, () => r);
      return d >= 0 && d < ceiling && Number.isInteger(d);
    }));
  });

  it("reaches the ceiling at the extremes of the random draw and doubles per attempt", () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, config, () => 0)).toBe(0);
    expect(backoffDelayMs(1, config, top)).toBe(99);
    expect(backoffDelayMs(2, config, top)).toBe(199);
    expect(backoffDelayMs(3, config, top)).toBe(399);
    expect(backoffDelayMs(10, config, top)).toBe(1_999);
  });
});

describe("nextRetryDelayMs", () => {
  it("never retries non-retryable errors or past maxAttempts", () => {
    expect(nextRetryDelayMs({ attempt: 1, retryable: false, retryAfterMs: undefined, config })).toBeUndefined();
    expect(nextRetryDelayMs({ attempt: 5, retryable: true, retryAfterMs: undefined, config })).toBeUndefined();
    expect(nextRetryDelayMs({ attempt: 4, retryable: true, retryAfterMs: undefined, config, random: () => 0.5 })).toBe(400);
  });

  it("waits exactly Retry-After when present, and hands over to the caller when it is too long", () => {
    expect(nextRetryDelayMs({ attempt: 1, retryable: true, retryAfterMs: 3_000, config })).toBe(3_000);
    expect(nextRetryDelayMs({ attempt: 1, retryable: true, retryAfterMs: 60_000, config })).toBeUndefined();
  });
});

describe("parseRetryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfterMs("2", 0)).toBe(2_000);
    expect(parseRetryAfterMs("0.5", 0)).toBe(500);
    const now = Date.parse("2026-11-25T10:00:00Z");
    expect(parseRetryAfterMs("Wed, 25 Nov 2026 10:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfterMs(null, 0)).toBeUndefined();
    expect(parseRetryAfterMs("soon", 0)).toBeUndefined();
  });
});
