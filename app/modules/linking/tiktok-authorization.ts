// Linking a TikTok Shop: the merchant approves the app on TikTok's authorization page, TikTok sends them
// back with a single-use code, and we store the tokens (encrypted) for every shop the seller authorized.
// The `state` is signed, names the Shopify store that started the flow, expires, and is accepted once.
import type { NonceStore, TikTokClient } from "../../integrations/tiktok";
import { createOAuthState, verifyOAuthState } from "../../integrations/tiktok";
import { TikTokApiError } from "../../integrations/tiktok/tiktok-errors";
import type { TikTokShopLink, TikTokShopLinkRepository } from "./tiktok-shop-link-repository";

const PURPOSE = "link-tiktok-shop";

export class TikTokAuthorizationError extends Error {
  constructor(
    readonly reason: "denied" | "invalid_state" | "expired_state" | "code_refused" | "no_shops" | "tiktok_unavailable",
    message: string,
  ) {
    super(message);
    this.name = "TikTokAuthorizationError";
  }
}

export interface TikTokAuthorizationDeps {
  client: TikTokClient;
  links: TikTokShopLinkRepository;
  stateSecret: string;
  nonces: NonceStore;
  now?: () => number;
}

export function startTikTokAuthorization(deps: Pick<TikTokAuthorizationDeps, "client" | "stateSecret" | "now">, shop: string, redirectUri: string): string {
  const state = createOAuthState({ secret: deps.stateSecret, purpose: PURPOSE, subject: shop, ttlMs: 30 * 60_000, now: deps.now?.() });
  return deps.client.oauth.authorizeUrl(state, { redirectUri });
}

/** The Shopify store a state was minted for (signature checked by completeTikTokAuthorization). */
function stateSubject(state: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(state.split(".")[0] ?? "", "base64url").toString("utf8")) as { subject?: unknown };
    return typeof payload.subject === "string" ? payload.subject : null;
  } catch {
    return null;
  }
}

export async function completeTikTokAuthorization(
  deps: TikTokAuthorizationDeps,
  callback: { code: string | null; state: string | null; error: string | null },
): Promise<{ shop: string; linked: TikTokShopLink[] }> {
  const shop = callback.state ? stateSubject(callback.state) : null;
  if (!shop) throw new TikTokAuthorizationError("invalid_state", "This link did not come from the app. Start again from the app in your Shopify admin.");
  const check = await verifyOAuthState({ state: callback.state, secret: deps.stateSecret, purpose: PURPOSE, subject: shop, now: deps.now?.(), nonceStore: deps.nonces });
  if (!check.ok) {
    throw check.reason === "expired"
      ? new TikTokAuthorizationError("expired_state", "The connection took longer than 30 minutes. Start again from the app in your Shopify admin.")
      : new TikTokAuthorizationError("invalid_state", "This link was already used or did not come from the app. Start again from the app in your Shopify admin.");
  }
  if (callback.error || !callback.code || callback.code === "null") {
    throw new TikTokAuthorizationError("denied", "TikTok Shop was not connected because access was not approved. Connect again and choose Authorize.");
  }
  try {
    const { data: tokens } = await deps.client.oauth.exchangeAuthCode(callback.code);
    const { data } = await deps.client.forSeller({ accessToken: tokens.accessToken }).getAuthorizedShops();
    if (data.shops.length === 0) {
      throw new TikTokAuthorizationError("no_shops", "Your TikTok seller account has no shop yet. Finish creating your shop in TikTok Seller Center, then connect again.");
    }
    const linked: TikTokShopLink[] = [];
    for (const s of data.shops) {
      linked.push(await deps.links.link(shop, { id: s.id, name: s.name, region: s.region, cipher: s.cipher, sellerType: s.seller_type }, tokens));
    }
    return { shop, linked };
  } catch (error) {
    if (error instanceof TikTokAuthorizationError) throw error;
    if (error instanceof TikTokApiError && !error.retryable) {
      throw new TikTokAuthorizationError("code_refused", `TikTok did not accept the authorization (${error.code}). Connect again; if it keeps failing, contact support with request id ${error.requestId ?? "n/a"}.`);
    }
    throw new TikTokAuthorizationError("tiktok_unavailable", "TikTok did not answer. Wait a minute and connect again.");
  }
}
