// Against the real Redis at 127.0.0.1:6379 (present here and in CI). Each run uses its own key prefix and deletes
// its keys at the end.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../app/config.server";
import { RedisTokenBucketRateLimiter, type RedisTokenBucketOptions } from "../../../app/integrations/tiktok/redis-rate-limiter";
import { sharedTikTokRateLimiter } from "../../../app/integrations/tiktok/shared-rate-limiter.server";
import { processWideTikTokRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";

const REDIS_URL = "redis://127.0.0.1:6379";
const prefix = `test:tiktok:rl:${process.pid}:${randomUUID()}:`;
const admin = new Redis(REDIS_URL);
const opened: RedisTokenBucketRateLimiter[] = [];

/** One limiter = one connection, i.e. one process's view of the shared budget. */
function limiter(options: Partial<RedisTokenBucketOptions> = {}) {
  const l = new RedisTokenBucketRateLimiter({ url: REDIS_URL, keyPrefix: prefix, qps: 20, ...options });
  opened.push(l);
  return l;
}

/** Connected, and the script loaded, so the test's reservations reach Redis together. */
async function warmedUp(...limiters: RedisTokenBucketRateLimiter[]) {
  for (const l of limiters) await l.reserve("warm-up");
  return limiters;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

afterAll(async () => {
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

describe("RedisTokenBucketRateLimiter", () => {
  it("gives the burst at once, then one slot every 1/qps seconds", async () => {
    const [one] = await warmedUp(limiter());
    const started = performance.now();
    const waits = await Promise.all(Array.from({ length: 21 }, () => one!.reserve("shop-1|POST /product/202309/products")));
    const took = performance.now() - started; // the bucket refills meanwhile, which shortens the wait as much
    expect(waits.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(waits[20]).toBeGreaterThanOrEqual(Math.min(45, 49 - took));
    expect(waits[20]).toBeLessThanOrEqual(50);
  });

  it("shares one budget between processes: every reservation gets its own slot, 1/qps apart", async () => {
    const [a, b] = await warmedUp(limiter(), limiter());
    const key = "shop-2|POST /product/202309/products";
    const started = performance.now();
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a! : b!).reserve(key)));
    const took = performance.now() - started; // how far apart the reservations can have reached Redis
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(new Set(sorted.slice(20)).size).toBe(20);
    for (let i = 21; i < 40; i++) {
      const step = sorted[i]! - sorted[i - 1]!;
      expect(step).toBeGreaterThanOrEqual(Math.min(45, 49 - took));
      expect(step).toBeLessThanOrEqual(51);
    }
    expect(sorted[20]).toBeLessThanOrEqual(50);
    expect(sorted[39]).toBeGreaterThanOrEqual(20 * 50 - Math.max(10, took + 2));
    expect(sorted[39]).toBeLessThanOrEqual(20 * 50);
  });

  it("paces two processes together in real time: 60 calls at 20/s take about two seconds", async () => {
    const [a, b] = [limiter(), limiter()];
    const key = "shop-3|GET /product/202309/products/search";
    const started = performance.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).acquire(key)));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_950);
    expect(elapsed).toBeLessThan(2_600);
  });

  it("keeps separate budgets per key (another shop or another API is not slowed down)", async () => {
    const one = limiter({ qps: 2 });
    const waits = [await one.reserve("shop-4|A"), await one.reserve("shop-4|A"), await one.reserve("shop-4|A")];
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(480);
    expect(waits[2]).toBeLessThanOrEqual(500);
    expect(await one.reserve("shop-4|B")).toBe(0);
    expect(await one.reserve("shop-5|A")).toBe(0);
  });

  it("refills up to the burst only, and lets an idle bucket expire soon after it is full again", async () => {
    const one = limiter({ qps: 10, burst: 2 });
    const key = "shop-6|A";
    expect([await one.reserve(key), await one.reserve(key)]).toEqual([0, 0]);
    const ttl = await admin.pttl(prefix + key);
    expect(ttl).toBeGreaterThan(1_000); // 200 ms to refill two tokens + 1 s margin
    expect(ttl).toBeLessThanOrEqual(1_200);
    await new Promise((r) => setTimeout(r, 400));
    const waits = await Promise.all([one.reserve(key), one.reserve(key), one.reserve(key)]);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(90);
    expect(waits[2]).toBeLessThanOrEqual(100);
  });

  it("sleeps the reserved wait through the injected sleep", async () => {
    const slept: number[] = [];
    const one = limiter({ qps: 1, burst: 1, sleep: async (ms) => void slept.push(ms) });
    await one.acquire("shop-7|A");
    await one.acquire("shop-7|A");
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(950);
    expect(slept[0]).toBeLessThanOrEqual(1_000);
  });

  it("falls back to pacing locally when Redis is unreachable, promptly, with one warning", async () => {
    const warnings: Array<{ obj: object; msg: string }> = [];
    const down = limiter({ url: "redis://127.0.0.1:1", logger: { warn: (obj, msg) => warnings.push({ obj, msg }) } });
    const started = performance.now();
    const waits: number[] = [];
    for (let i = 0; i < 21; i++) waits.push(await down.reserve("shop-8|A"));
    await down.acquire("shop-8|B");
    expect(performance.now() - started).toBeLessThan(300);
    expect(waits.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(waits[20]).toBeGreaterThanOrEqual(45); // the local bucket still paces
    await new Promise((r) => setTimeout(r, 300)); // reconnect attempts fail meanwhile
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/cannot use Redis/);
  });

  it("rejects nonsense settings", () => {
    expect(() => new RedisTokenBucketRateLimiter({ url: REDIS_URL, qps: 0 })).toThrow(RangeError);
  });
});

describe("choosing the process-wide TikTok limiter", () => {
  it("is the in-process bucket when REDIS_URL is not set", () => {
    expect(sharedTikTokRateLimiter()).toBe(processWideTikTokRateLimiter());
  });

  it("accepts redis:// and rediss:// URLs for REDIS_URL, and an empty value as unset", () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: "test", SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "http://127.0.0.1:3000" };
    expect(loadConfig({ ...env, REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(loadConfig({ ...env, REDIS_URL: "rediss://:secret@cache.internal:6380/1" }).REDIS_URL).toBe("rediss://:secret@cache.internal:6380/1");
    expect(loadConfig({ ...env, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    expect(() => loadConfig({ ...env, REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...env, REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL/);
  });
});
