// The TikTok rate limiter every client of this process uses: shared through Redis by all processes (web and every
// `npm run worker`) when REDIS_URL is set, the in-process bucket otherwise.
import { config } from "../../config.server";
import { logger } from "../../logger.server";
import { processWideTikTokRateLimiter, type RateLimiter } from "./tiktok-rate-limiter";

let shared: RateLimiter | undefined;

export function sharedTikTokRateLimiter(): RateLimiter {
  shared ??= config.REDIS_URL ? redisRateLimiter(config.REDIS_URL) : processWideTikTokRateLimiter(config.TIKTOK_RATE_LIMIT_QPS);
  return shared;
}

/** ioredis is loaded (and the connection opened) only in processes configured to use Redis. */
function redisRateLimiter(url: string): RateLimiter {
  const log = logger.child({ component: "tiktok-rate-limiter" });
  const limiter: Promise<RateLimiter> = import("./redis-rate-limiter").then(
    ({ RedisTokenBucketRateLimiter }) => new RedisTokenBucketRateLimiter({ url, qps: config.TIKTOK_RATE_LIMIT_QPS, logger: log }),
    (error: unknown) => {
      log.warn({ err: error }, "TikTok rate limiter cannot load the Redis client: pacing in this process only");
      return processWideTikTokRateLimiter(config.TIKTOK_RATE_LIMIT_QPS);
    },
  );
  return { acquire: async (key) => (await limiter).acquire(key) };
}
