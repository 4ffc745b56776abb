// The TikTok rate limiter every client of this process uses: shared through Redis by all processes (web and every
// `npm run worker`) when REDIS_URL is set, the in-process bucket otherwise.
import { config } from "../../config.server";
import { logger } from "../../logger.server";
import { processWideTikTokRateLimiter, type RateLimiter } from "./tiktok-rate-limiter";

/** TikTok's budget: 50 requests per second per API per shop (contract §2.2). */
const TIKTOK_QPS = 50;

let shared: RateLimiter | undefined;

export function sharedTikTokRateLimiter(): RateLimiter {
  shared ??= config.REDIS_URL ? redisRateLimiter(config.REDIS_URL) : processWideTikTokRateLimiter();
  return shared;
}

/** ioredis is loaded (and the connection opened) only in processes configured to use Redis. */
function redisRateLimiter(url: string): RateLimiter {
  const log = logger.child({ component: "tiktok-rate-limiter" });
  const limiter: Promise<RateLimiter> = import("./redis-rate-limiter").then(
    ({ RedisTokenBucketRateLimiter }) => new RedisTokenBucketRateLimiter({ url, qps: TIKTOK_QPS, logger: log }),
    (error: unknown) => {
      log.warn({ err: error }, "TikTok rate limiter cannot load the Redis client: pacing in this process only");
      return processWideTikTokRateLimiter();
    },
  );
  return { acquire: async (key) => (await limiter).acquire(key) };
}
