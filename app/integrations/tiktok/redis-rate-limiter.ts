import { Redis } from "ioredis";
import { TokenBucketRateLimiter, type RateLimiter } from "./tiktok-rate-limiter";

/**
 * The token bucket of `TokenBucketRateLimiter`, kept in Redis so the web process and every worker draw from one
 * budget per key (TikTok counts requests per shop per API, whichever process sends them).
 *
 * One reservation = one round trip: a Lua script (sent by EVALSHA) refills the bucket by the time elapsed on the
 * Redis server's clock (process clocks never matter), takes one token — the count may go negative, so callers in
 * every process reserve their slots in order — and returns the milliseconds to wait. A bucket expires a little after
 * it would be full again, so idle shops leave nothing behind.
 */
const RESERVE_SCRIPT = `
local qps = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
elseif now > at then
  tokens = math.min(burst, tokens + (now - at) / 1000000 * qps)
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / qps * 1000) + 1000)
if tokens >= 0 then return 0 end
return math.ceil(-tokens / qps * 1000)
`;

/** pino-style: `warn(obj, msg)`. */
export interface RateLimiterLogger {
  warn(obj: object, msg: string): void;
}

export interface RedisTokenBucketOptions {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  url: string;
  /** Sustained requests per second per key, and the burst after idling (defaults to `qps`), as in the in-process bucket. */
  qps?: number;
  burst?: number;
  /** Namespace of the bucket keys: `${keyPrefix}${key}`. */
  keyPrefix?: string;
  sleep?: (ms: number) => Promise<void>;
  logger?: RateLimiterLogger;
  /** A reservation slower than this counts as failed (and is taken locally instead). */
  commandTimeoutMs?: number;
  /** How long the first calls wait for the initial connection before falling back. */
  connectWaitMs?: number;
  /** At most one warning per this interval while Redis is failing. */
  warnIntervalMs?: number;
}

interface ReserveCommand {
  tiktokReserveToken(key: string, qps: number, burst: number): Promise<number>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Failure policy: the limiter protects TikTok's budget, it must not become a reason TikTok calls fail. When Redis is
 * unreachable, slow (command timeout) or answers with an error, the reservation is taken from a process-local bucket
 * with the same settings — each process then paces alone, as without Redis, and the rare 429 that results is retried
 * by the transport. A warning is logged at most once per `warnIntervalMs`. The client never queues commands while
 * disconnected (it reconnects in the background), so a dead Redis costs nothing per call.
 */
export class RedisTokenBucketRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly qps: number;
  private readonly burst: number;
  private readonly keyPrefix: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger?: RateLimiterLogger;
  private readonly warnIntervalMs: number;
  private readonly local: TokenBucketRateLimiter;
  /** Pending while the first connection attempt is under way; calls made meanwhile wait for it (bounded). */
  private firstConnection: Promise<void> | undefined;
  private lastWarningAt = Number.NEGATIVE_INFINITY;
  private localSinceWarning = 0;
  private closed = false;

  constructor(options: RedisTokenBucketOptions) {
    this.qps = options.qps ?? 50;
    this.burst = options.burst ?? this.qps;
    if (!(this.qps > 0) || !(this.burst >= 1)) throw new RangeError("RedisTokenBucketRateLimiter needs qps > 0 and burst >= 1");
    this.keyPrefix = options.keyPrefix ?? "tiktok:rl:";
    this.sleep = options.sleep ?? realSleep;
    this.logger = options.logger;
    this.warnIntervalMs = options.warnIntervalMs ?? 30_000;
    this.local = new TokenBucketRateLimiter({ qps: this.qps, burst: this.burst, sleep: this.sleep });

    this.redis = new Redis(options.url, {
      connectionName: "tiktok-rate-limiter",
      commandTimeout: options.commandTimeoutMs ?? 250,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.redis.defineCommand("tiktokReserveToken", { numberOfKeys: 1, lua: RESERVE_SCRIPT });
    // Connection errors repeat on every reconnect attempt; without a listener ioredis prints each one.
    this.redis.on("error", (error: Error) => this.warn(error));

    this.firstConnection = new Promise<void>((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        this.redis.off("ready", settle).off("error", settle).off("end", settle);
        this.firstConnection = undefined;
        resolve();
      };
      const timer = setTimeout(settle, options.connectWaitMs ?? 500);
      timer.unref();
      this.redis.once("ready", settle).once("error", settle).once("end", settle);
    });
  }

  /** Milliseconds the caller must wait; the token is reserved (in Redis, or locally on failure) before this resolves. */
  async reserve(key: string): Promise<number> {
    if (this.firstConnection) await this.firstConnection;
    if (this.closed) return this.local.reserve(key);
    if (this.redis.status !== "ready") return this.reserveLocally(key, new Error(`Redis connection is ${this.redis.status}`));
    try {
      const waitMs = await (this.redis as unknown as ReserveCommand).tiktokReserveToken(this.keyPrefix + key, this.qps, this.burst);
      return Number(waitMs);
    } catch (error) {
      return this.reserveLocally(key, error);
    }
  }

  async acquire(key: string): Promise<void> {
    const waitMs = await this.reserve(key);
    if (waitMs > 0) await this.sleep(waitMs);
  }

  /** Closes the connection; later calls pace locally. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.redis.status === "ready") {
      try {
        await this.redis.quit();
        return;
      } catch {
        // fall through to a hard disconnect
      }
    }
    this.redis.disconnect();
  }

  private reserveLocally(key: string, error: unknown): number {
    this.localSinceWarning++;
    this.warn(error);
    return this.local.reserve(key);
  }

  private warn(error: unknown): void {
    if (this.closed) return;
    const now = Date.now();
    if (now - this.lastWarningAt < this.warnIntervalMs) return;
    this.lastWarningAt = now;
    const localReservations = this.localSinceWarning;
    this.localSinceWarning = 0;
    this.logger?.warn(
      { err: error, localReservations, nextWarningInMs: this.warnIntervalMs },
      "TikTok rate limiter cannot use Redis: pacing in this process only",
    );
  }
}
