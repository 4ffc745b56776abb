// Gives use cases a TikTok client bound to a store's linked shop, keeping its tokens fresh: refreshed a
// day before they expire and once more when TikTok says they expired. When TikTok refuses the refresh
// (authorization ended or revoked), the link is paused and sync waits for the merchant to reconnect —
// jobs are deferred, never dropped.
import type { TikTokClient, TikTokShopClient } from "../../integrations/tiktok";
import { DeferredJobError } from "../../jobs/job-errors";
import { TikTokApiError } from "../../integrations/tiktok/tiktok-errors";
import type { TikTokShopLink, TikTokShopLinkRepository } from "./tiktok-shop-link-repository";

const REFRESH_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Thrown when a store has no usable TikTok link; the worker defers the job without spending an attempt. */
export class TikTokLinkUnavailableError extends DeferredJobError {}

export interface TikTokShopSession {
  link: TikTokShopLink;
  api: TikTokShopClient;
}

export function createTikTokShopSessions(deps: { links: TikTokShopLinkRepository; client: TikTokClient; now?: () => number; pausedRetryMs?: number }) {
  const now = deps.now ?? Date.now;
  const pausedRetryMs = deps.pausedRetryMs ?? 15 * 60_000;

  async function refresh(link: TikTokShopLink): Promise<string> {
    try {
      const { data } = await deps.client.oauth.refreshAccessToken(link.refreshToken);
      await deps.links.saveTokens(link.id, data);
      link.accessToken = data.accessToken;
      link.refreshToken = data.refreshToken;
      link.accessTokenExpiresAt = data.accessTokenExpiresAt;
      link.authorizationExpiresAt = data.refreshTokenExpiresAt;
      return data.accessToken;
    } catch (error) {
      if (error instanceof TikTokApiError && !error.retryable) {
        const reason = `TikTok refused to renew the authorization (${error.code}: ${error.message}). Reconnect your TikTok Shop.`;
        await deps.links.pause(link.id, reason);
        throw new TikTokLinkUnavailableError(reason, new Date(now() + pausedRetryMs));
      }
      throw error;
    }
  }

  /** A client for one given linked shop (e.g. the shop whose readiness the home page shows). */
  async function forLink(link: TikTokShopLink): Promise<TikTokShopSession> {
    if (link.status === "paused") {
      throw new TikTokLinkUnavailableError(link.pausedReason ?? "Sync is paused until the TikTok Shop is reconnected.", new Date(now() + pausedRetryMs));
    }
    if (link.status === "unlinked") throw new TikTokLinkUnavailableError("This TikTok shop is unlinked.", new Date(now() + pausedRetryMs));
    if (link.accessTokenExpiresAt.getTime() - now() < REFRESH_AHEAD_MS) await refresh(link);
    const api = deps.client.forShop({
      accessToken: link.accessToken,
      shopCipher: link.shopCipher,
      shopId: link.tiktokShopId,
      onAccessTokenExpired: () => refresh(link),
    });
    return { link, api };
  }

  return {
    async forShop(shop: string): Promise<TikTokShopSession> {
      const link = await deps.links.primary(shop);
      if (!link) throw new TikTokLinkUnavailableError("No TikTok Shop is linked to this store yet.", new Date(now() + pausedRetryMs));
      return forLink(link);
    },

    forLink,
    refresh,
  };
}

export type TikTokShopSessions = ReturnType<typeof createTikTokShopSessions>;
