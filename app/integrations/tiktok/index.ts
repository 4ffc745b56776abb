// Public surface of the TikTok Shop client. Other modules import from here.
export { createTikTokClient, type TikTokClient, type TikTokShopClient, type TikTokShopContext, type TikTokSellerContext } from "./tiktok-client";
export type { TikTokClientConfig } from "./tiktok-client-config";
export type { TikTokResult } from "./tiktok-envelope";
export { TikTokApiError, classifyTikTokError, type TikTokErrorKind } from "./tiktok-errors";
export { TIKTOK_ERROR_CATALOG, lookupTikTokErrorCode, type TikTokErrorCatalogEntry } from "./tiktok-error-catalog";
export { buildTikTokAuthorizeUrl, type TikTokTokenSet } from "./tiktok-oauth";
export { createOAuthState, verifyOAuthState, type NonceStore, type OAuthStateCheck } from "./tiktok-oauth-state";
export { TokenBucketRateLimiter, processWideTikTokRateLimiter, type RateLimiter } from "./tiktok-rate-limiter";
// The Redis-backed limiter (./redis-rate-limiter, chosen by ./shared-rate-limiter.server) is imported from its own
// file: re-exporting it here would load ioredis in every process, with or without Redis.
export { signTikTokRequest } from "./tiktok-signer";
export { parseTikTokWebhook, verifyTikTokWebhookSignature, type ParsedTikTokWebhook, type TikTokWebhookEvent } from "./tiktok-webhook";
export type { TikTokProductBody } from "./types/product";
export type { TikTokOrder, TikTokOrderLineItem } from "./types/order";
export type { TikTokExternalOrderReference, TikTokExternalPlatform } from "./types/order-external-reference";
export type { TikTokPriceDetail } from "./types/order-price-detail";
export type { TikTokFinanceApi } from "./finance";
export type {
  TikTokOrderTransactionsResult, TikTokPayment, TikTokSkuTransaction, TikTokStatement, TikTokStatementTransaction,
  TikTokStatementTransactionsResult, TikTokUnsettledTransaction,
} from "./types/finance";
