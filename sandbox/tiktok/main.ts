import { startTikTokSandbox } from "./server";

/** `npm run sandbox:tiktok`: starts the simulator from environment variables and prints its URL. */
const env = process.env;
const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));

const sandbox = await startTikTokSandbox({
  port: num(env.TIKTOK_SANDBOX_PORT) ?? 4200,
  host: env.TIKTOK_SANDBOX_HOST ?? "127.0.0.1",
  appKey: env.TIKTOK_APP_KEY ?? "sandbox_app_key",
  appSecret: env.TIKTOK_APP_SECRET ?? "sandbox_app_secret",
  webhookUrl: env.TIKTOK_WEBHOOK_URL || undefined,
  redirectUrl: env.TIKTOK_REDIRECT_URL || undefined,
  reviewDelayMs: num(env.TIKTOK_SANDBOX_REVIEW_DELAY_MS),
  rateLimitQps: num(env.TIKTOK_SANDBOX_RATE_LIMIT_QPS),
  dailyListingQuota: num(env.TIKTOK_SANDBOX_DAILY_LISTING_QUOTA),
  maxSkusPerProduct: num(env.TIKTOK_SANDBOX_MAX_SKUS),
  seed: num(env.TIKTOK_SANDBOX_SEED),
  finance: { settlementDelayDays: num(env.TIKTOK_SANDBOX_SETTLEMENT_DAYS), payoutDelayDays: num(env.TIKTOK_SANDBOX_PAYOUT_DAYS) },
  faults: {
    latencyMs: num(env.TIKTOK_SANDBOX_LATENCY_MS),
    errorRate: num(env.TIKTOK_SANDBOX_ERROR_RATE),
    timeoutRate: num(env.TIKTOK_SANDBOX_TIMEOUT_RATE),
  },
  webhookFaults: {
    duplicateRate: num(env.TIKTOK_SANDBOX_WEBHOOK_DUPLICATE_RATE),
    reorderWindowMs: num(env.TIKTOK_SANDBOX_WEBHOOK_REORDER_MS),
  },
  webhookRetryScheduleMs: env.TIKTOK_SANDBOX_WEBHOOK_RETRY_MS ? env.TIKTOK_SANDBOX_WEBHOOK_RETRY_MS.split(",").map(Number) : undefined,
});

console.log(`TikTok Shop sandbox listening on ${sandbox.url} (inspection page: ${sandbox.url}/sandbox)`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
