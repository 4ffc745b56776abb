import type { Logger } from "pino";
import type { RateLimiter } from "./tiktok-rate-limiter";
import type { RetryConfig } from "./tiktok-retry-policy";

/** Everything the client needs, passed in (the client never reads the environment). */
export interface TikTokClientConfig {
  appKey: string;
  appSecret: string;
  /** Business API host, e.g. https://open-api.tiktokglobalshop.com (or the simulator's URL). */
  apiBaseUrl: string;
  /** Token host, e.g. https://auth.tiktok-shops.com (a different host in production). */
  authBaseUrl: string;
  /**
   * Seller authorization page. With `serviceId` the current form is used (`?service_id=…&state=…`,
   * e.g. https://services.tiktokshop.com/open/authorize); without it the legacy `?app_key=…&state=…`
   * form (https://auth.tiktok-shops.com/oauth/authorize).
   */
  authorizeUrl: string;
  serviceId?: string;
  /** Per attempt, covering connect + response body. Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryConfig>;
  /** Defaults to the process-wide token bucket (50 QPS per shop per API). */
  rateLimiter?: RateLimiter;
  logger: Logger;
  /** Clock in ms (signing timestamps, token expiry). */
  now?: () => number;
  fetch?: typeof fetch;
  /** Injectable for tests of the retry loop. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}
