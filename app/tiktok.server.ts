// The TikTok side of the composition root: the API client (hosts from configuration, so the same code
// talks to TikTok or the simulator), linked shops with encrypted tokens, and per-shop sessions.
import { config } from "./config.server";
import { db } from "./db.server";
import { createTikTokClient } from "./integrations/tiktok";
import { sharedTikTokRateLimiter } from "./integrations/tiktok/shared-rate-limiter.server";
import { logger } from "./logger.server";
import { createOAuthNonceStore } from "./modules/linking/oauth-nonce-store";
import type { TikTokAuthorizationDeps } from "./modules/linking/tiktok-authorization";
import { createTikTokShopLinkRepository } from "./modules/linking/tiktok-shop-link-repository";
import { createTikTokShopSessions } from "./modules/linking/tiktok-shop-sessions";
import { createTokenCipher, parseEncryptionKey } from "./modules/linking/token-cipher";

export const tiktokClient = createTikTokClient({
  appKey: config.TIKTOK_APP_KEY || "unconfigured",
  appSecret: config.TIKTOK_APP_SECRET || "unconfigured",
  apiBaseUrl: config.TIKTOK_API_BASE_URL,
  authBaseUrl: config.TIKTOK_AUTH_BASE_URL,
  authorizeUrl: config.TIKTOK_AUTHORIZE_URL,
  serviceId: config.TIKTOK_SERVICE_ID,
  rateLimiter: sharedTikTokRateLimiter(),
  logger: logger.child({ component: "tiktok" }),
});

export const tiktokConfigured = Boolean(config.TIKTOK_APP_KEY && config.TIKTOK_APP_SECRET);

// Created on first use so the app still starts (and says what is missing) without a key configured.
let links: ReturnType<typeof createTikTokShopLinkRepository> | undefined;
export function tiktokShopLinks() {
  return (links ??= createTikTokShopLinkRepository(db, createTokenCipher(parseEncryptionKey(config.TOKEN_ENCRYPTION_KEY))));
}

let sessions: ReturnType<typeof createTikTokShopSessions> | undefined;
export function tiktokShopSessions() {
  return (sessions ??= createTikTokShopSessions({ links: tiktokShopLinks(), client: tiktokClient }));
}

export function tiktokAuthorizationDeps(): TikTokAuthorizationDeps {
  return { client: tiktokClient, links: tiktokShopLinks(), stateSecret: config.TOKEN_ENCRYPTION_KEY ?? "", nonces: createOAuthNonceStore(db) };
}

export const tiktokOAuthRedirectUri = `${config.SHOPIFY_APP_URL.replace(/\/$/, "")}/tiktok/oauth/callback`;

/** Where the merchant sees the app in their Shopify admin (the sandbox's admin shell when configured). */
export function shopifyAdminAppUrl(shop: string): string {
  const admin = config.SHOPIFY_ADMIN_ORIGIN ? new URL(config.SHOPIFY_ADMIN_ORIGIN).origin : "https://admin.shopify.com";
  return `${admin}/store/${shop.replace(/\.myshopify\.com$/, "")}/apps/${config.SHOPIFY_APP_HANDLE}`;
}
