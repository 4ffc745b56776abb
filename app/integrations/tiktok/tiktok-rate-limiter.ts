/**
 * Port: waits until one more request for `key` (shop + API path) fits TikTok's budget. This file holds the
 * in-process implementation; `RedisTokenBucketRateLimiter` (redis-rate-limiter.ts) shares the budget across processes.
 */
export interface RateLimiter {
  acquire(key: string): Promise<void>;
}

export interface TokenBucketOptions {
  /** Sustained requests per second per key (TikTok: 50 per API per shop, contract §2.2). */
  qps?: number;
  /** Requests allowed at once after idling; defaults to `qps` (one second of budget). */
  burst?: number;
  /** Clock and sleep are injectable so tests can measure with a fake clock. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Above this many keys, idle (full) buckets are forgotten. */
  maxKeys?: number;
}

interface Bucket {
  /** May go negative: each waiting caller reserves its token, which keeps concurrent callers in FIFO order. */
  tokens: number;
  updatedAt: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Token bucket per key, shared by every caller holding this instance. */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly qps: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxKeys: number;

  constructor(options: TokenBucketOptions = {}) {
    this.qps = options.qps ?? TIKTOK_PUBLISHED_QPS;
    this.burst = options.burst ?? this.qps;
    if (!(this.qps > 0) || !(this.burst >= 1)) throw new RangeError("TokenBucketRateLimiter needs qps > 0 and burst >= 1");
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Number of keys currently tracked (for tests and diagnostics). */
  get trackedKeys(): number {
    return this.buckets.size;
  }

  /** Milliseconds the caller must wait; the token is reserved synchronously so concurrent callers never share one. */
  reserve(key: string): number {
    const now = this.now();
    if (this.buckets.size >= this.maxKeys) this.forgetIdleBuckets(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.qps);
    bucket.updatedAt = now;
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / this.qps) * 1000);
  }

  /** A bucket that has refilled completely holds no information: dropping it keeps memory bounded over many shops. */
  private forgetIdleBuckets(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.updatedAt) / 1000) * this.qps >= this.burst) this.buckets.delete(key);
    }
  }

  async acquire(key: string): Promise<void> {
    const waitMs = this.reserve(key);
    if (waitMs > 0) await this.sleep(waitMs);
  }
}

/** TikTok's budget: 50 requests per second per API per shop (contract §2.2). */
export const TIKTOK_PUBLISHED_QPS = 50;

let processWide: TokenBucketRateLimiter | undefined;

/**
 * The one in-process limiter every TikTok client shares by default, so two clients created in the same process
 * (web request + job handler) draw from the same per-shop budget. Created on first use, with that call's `qps`.
 */
export function processWideTikTokRateLimiter(qps = TIKTOK_PUBLISHED_QPS): TokenBucketRateLimiter {
  processWide ??= new TokenBucketRateLimiter({ qps });
  return processWide;
}
