// Environment, validated once. Every outside service has a configurable base URL so the same code runs
// against the real Shopify/TikTok or the local sandboxes.
import { z } from "zod";
import { TIKTOK_PUBLISHED_QPS } from "./integrations/tiktok/tiktok-rate-limiter";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const configSchema = z.object({
  SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.url("SHOPIFY_APP_URL must be the app's public URL"),
  SCOPES: z.string().default(""),
  /** When set, Admin API and OAuth calls to https://{shop}/admin/… go to this origin instead (the sandbox). */
  SHOPIFY_ADMIN_ORIGIN: optionalUrl,
  /** App Bridge script; Shopify's CDN by default, the sandbox's stand-in offline. */
  APP_BRIDGE_URL: optionalUrl,
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  /** The app's handle in shopify.app.toml: where the admin shows the app (for returning from TikTok). */
  SHOPIFY_APP_HANDLE: z.string().default("tiktok-shop-sync"),
  /** TikTok Shop app credentials (Partner Center). Needed once a merchant links a TikTok Shop. */
  TIKTOK_APP_KEY: z.string().default(""),
  TIKTOK_APP_SECRET: z.string().default(""),
  TIKTOK_SERVICE_ID: z.string().optional(),
  TIKTOK_API_BASE_URL: z.url().default("https://open-api.tiktokglobalshop.com"),
  TIKTOK_AUTH_BASE_URL: z.url().default("https://auth.tiktok-shops.com"),
  TIKTOK_AUTHORIZE_URL: z.url().default("https://services.tiktokshop.com/open/authorize"),
  /**
   * Where business verification and bound TikTok accounts are read (not in TikTok's public Open API: the
   * simulator's /sandbox/* extensions; production needs TikTok partner data access). Default: the API host.
   */
  TIKTOK_SELLER_PROFILE_BASE_URL: optionalUrl,
  /** 32 bytes (64 hex chars) encrypting TikTok tokens at rest. */
  TOKEN_ENCRYPTION_KEY: z.string().optional(),
  /**
   * When set, every process (web and each `npm run worker`) paces TikTok calls against one shared per-shop budget
   * kept in this Redis. Unset: each process paces alone (right for a single process).
   */
  REDIS_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be redis://host:port (rediss:// for TLS)" }).optional())
    .optional(),
  /**
   * TikTok calls per second per API per shop the app allows itself: TikTok's published 50 (contract §2.2);
   * higher only for an app TikTok granted more (or a simulator configured so, for benchmarks).
   */
  TIKTOK_RATE_LIMIT_QPS: z.coerce
    .number()
    .positive("TIKTOK_RATE_LIMIT_QPS must be a positive number of requests per second")
    .default(TIKTOK_PUBLISHED_QPS),
  /** How often each linked TikTok shop is searched for orders a webhook may have missed (TikTok requires polling). */
  ORDER_POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive("ORDER_POLL_INTERVAL_MS must be a positive number of milliseconds")
    .default(5 * 60_000),
  /** How often each linked TikTok shop's settlement statements, payouts and estimates are imported (also at worker start). */
  FINANCE_SYNC_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive("FINANCE_SYNC_INTERVAL_MS must be a positive number of milliseconds")
    .default(6 * 60 * 60_000),
  /**
   * After an orderCreate whose answer was lost, how long the app keeps looking the order up before creating
   * it again (Shopify's order search is not instant; orderCreate has no idempotency key).
   */
  ORDER_CREATE_LOOKUP_GRACE_MS: z.coerce
    .number()
    .int()
    .nonnegative("ORDER_CREATE_LOOKUP_GRACE_MS must be a number of milliseconds")
    .default(60_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type AppConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The app's environment is incomplete:\n${problems}\nSee README.md "Environment variables".`);
  }
  return parsed.data;
}

export const config = loadConfig();
