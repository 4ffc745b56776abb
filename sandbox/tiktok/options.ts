import type { FinanceOptions } from "./settlement-settings";

export interface FaultSettings {
  /** Extra delay before every API answer. */
  latencyMs?: number;
  /** Share (0..1) of API calls answered HTTP 503 + 36009003. */
  errorRate?: number;
  /** Share (0..1) of API calls never answered within a client's timeout (held, then dropped). */
  timeoutRate?: number;
  /** How long a "timed out" call is held before the socket is dropped. */
  timeoutHoldMs?: number;
  /** Share (0..1) of successful write calls (POST/PUT/DELETE) carried out, whose answer is then lost (socket dropped). */
  lostAnswerRate?: number;
  /** Only calls to this path lose their answer (all write calls when unset). */
  lostAnswerPath?: string;
}

export interface WebhookFaultSettings {
  /** Share (0..1) of webhooks delivered twice. */
  duplicateRate?: number;
  /** Deliveries are delayed by a random 0..reorderWindowMs (real ms), so they can arrive out of order. */
  reorderWindowMs?: number;
}

export interface TikTokSandboxOptions {
  port?: number;
  host?: string;
  appKey: string;
  appSecret: string;
  webhookUrl?: string;
  /** Default redirect for the authorize page when the request carries no redirect_uri. */
  redirectUrl?: string;
  /** The simulator's clock in ms; advanceClock() adds an offset on top of it. */
  now?: () => number;
  reviewDelayMs?: number;
  rateLimitQps?: number;
  faults?: FaultSettings;
  webhookFaults?: WebhookFaultSettings;
  webhookRetryScheduleMs?: number[];
  /**
   * Order progression (simulator clock): the buyer pays `payMs` after ordering (default 1 s); ON_HOLD lasts `onHoldMs`
   * (default 1 hour, TikTok's remorse window). POST /sandbox/orders `on_hold_seconds` sets one order's hold.
   */
  orderDelaysMs?: { payMs?: number; onHoldMs?: number };
  /** Settlement model of the Finance API: settlement and payout delays, fee and reserve rates (README "Finance"). */
  finance?: FinanceOptions;
  /** Overrides the per-tier daily listing quota for every shop (benchmarks push 10,000 products). */
  dailyListingQuota?: number;
  /** SKUs allowed per product (US default 100, §10; "current" docs allow 300). */
  maxSkusPerProduct?: number;
  seed?: number;
  /** pino level for the simulator's own log; default "silent" under tests, "info" otherwise. */
  logLevel?: string;
  requestLogLimit?: number;
}

export const DEFAULT_RETRY_SCHEDULE_MS = [2 * 60_000, 30 * 60_000, 3 * 3_600_000, 12 * 3_600_000];

/** Daily product uploads per probation tier (US Shop Probation Program numbers, §11; stored as data). */
export const DAILY_LISTING_QUOTA: Record<string, number> = { BEGINNER: 100, STANDARD: 200, PREMIUM: 1000, PRO: 1000 };
