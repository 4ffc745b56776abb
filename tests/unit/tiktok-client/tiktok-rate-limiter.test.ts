import { describe, expect, it } from "vitest";
import { TokenBucketRateLimiter, processWideTikTokRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";

/** A fake clock whose sleep resolves when the test advances time past the wake-up. */
function fakeClock() {
  let now = 0;
  const sleepers: Array<{ at: number; resolve: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((resolve) => sleepers.push({ at: now + ms, resolve })),
    async advanceTo(t: number) {
      now = t;
      for (const s of sleepers.filter((x) => x.at <= t)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.resolve();
      }
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe("TokenBucketRateLimiter", () => {
  it("shares one budget between concurrent callers of the same shop+API: never more than burst + qps·t by time t", async () => {
    const clock = fakeClock();
    const limiter = new TokenBucketRateLimiter({ qps: 50, now: clock.now, sleep: clock.sleep });
    const grantedAt: number[] = [];
    const callers = Array.from({ length: 200 }, () => limiter.acquire("shop-1|POST /product/202309/products").then(() => grantedAt.push(clock.now())));
    for (let t = 0; t <= 4_000; t += 10) await clock.advanceTo(t);
    await Promise.all(callers);
    expect(grantedAt).toHaveLength(200);
    for (let t = 0; t <= 4_000; t += 10) {
      const granted = grantedAt.filter((g) => g <= t).length;
      expect(granted).toBeLessThanOrEqual(50 + Math.floor((t / 1000) * 50) + 1);
    }
    // The first second's burst is immediate; the remaining 150 need three more seconds at 50/s.
    expect(grantedAt.filter((g) => g === 0)).toHaveLength(50);
    expect(Math.max(...grantedAt)).toBeGreaterThanOrEqual(2_990);
    expect(Math.max(...grantedAt)).toBeLessThanOrEqual(3_010);
  });

  it("keeps separate budgets per key (another shop or another API is not slowed down)", () => {
    const clock = fakeClock();
    const limiter = new TokenBucketRateLimiter({ qps: 2, now: clock.now, sleep: clock.sleep });
    expect([limiter.reserve("a"), limiter.reserve("a"), limiter.reserve("a")]).toEqual([0, 0, 500]);
    expect(limiter.reserve("b")).toBe(0);
  });

  it("refills over time up to the burst size only", async () => {
    const clock = fakeClock();
    const limiter = new TokenBucketRateLimiter({ qps: 10, burst: 2, now: clock.now, sleep: clock.sleep });
    limiter.reserve("k");
    limiter.reserve("k");
    await clock.advanceTo(10_000);
    expect([limiter.reserve("k"), limiter.reserve("k"), limiter.reserve("k")]).toEqual([0, 0, 100]);
  });

  it("forgets idle buckets once many keys are tracked, without losing the state of busy ones", async () => {
    const clock = fakeClock();
    const limiter = new TokenBucketRateLimiter({ qps: 1, burst: 1, maxKeys: 3, now: clock.now, sleep: clock.sleep });
    limiter.reserve("a");
    limiter.reserve("b");
    limiter.reserve("c");
    await clock.advanceTo(5_000);
    limiter.reserve("busy");
    expect(limiter.trackedKeys).toBe(1);
    expect(limiter.reserve("busy")).toBe(1_000);
  });

  it("is one instance per process by default, so every client draws from the same budget", () => {
    expect(processWideTikTokRateLimiter()).toBe(processWideTikTokRateLimiter());
  });

  it("rejects nonsense settings", () => {
    expect(() => new TokenBucketRateLimiter({ qps: 0 })).toThrow(RangeError);
  });
});
