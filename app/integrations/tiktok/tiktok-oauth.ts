import { z } from "zod";
import type { TikTokResult } from "./tiktok-envelope";
import type { TikTokTransport } from "./tiktok-transport";
import { unixSeconds } from "./types/tiktok-primitives";

const tokenDataSchema = z.looseObject({
  access_token: z.string().min(1),
  // Both are ABSOLUTE Unix timestamps, not durations (contract §3.1).
  access_token_expire_in: unixSeconds,
  refresh_token: z.string().min(1),
  refresh_token_expire_in: unixSeconds,
  open_id: z.string().optional(),
  seller_name: z.string().optional(),
  seller_base_region: z.string().optional(),
  user_type: z.number().int().optional(),
  granted_scopes: z.array(z.string()).default([]),
});

export interface TikTokTokenSet {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  /** Also the end of the seller's authorization (re-authorization needed after it). */
  refreshTokenExpiresAt: Date;
  openId: string | undefined;
  sellerName: string | undefined;
  sellerBaseRegion: string | undefined;
  userType: number | undefined;
  grantedScopes: string[];
}

function toTokenSet(data: z.infer<typeof tokenDataSchema>): TikTokTokenSet {
  return {
    accessToken: data.access_token,
    accessTokenExpiresAt: new Date(data.access_token_expire_in * 1000),
    refreshToken: data.refresh_token,
    refreshTokenExpiresAt: new Date(data.refresh_token_expire_in * 1000),
    openId: data.open_id,
    sellerName: data.seller_name,
    sellerBaseRegion: data.seller_base_region,
    userType: data.user_type,
    grantedScopes: data.granted_scopes,
  };
}

/** The seller authorization page URL (contract §0/§3.1): `service_id` form when configured, else legacy `app_key`. */
export function buildTikTokAuthorizeUrl(args: { authorizeUrl: string; appKey: string; serviceId?: string; state: string;
  redirectUri?: string }): string {
  const url = new URL(args.authorizeUrl);
  if (args.serviceId) url.searchParams.set("service_id", args.serviceId);
  else url.searchParams.set("app_key", args.appKey);
  url.searchParams.set("state", args.state);
  // Production uses the redirect registered in Partner Center; the simulator also accepts one here.
  if (args.redirectUri) url.searchParams.set("redirect_uri", args.redirectUri);
  return url.toString();
}

export type TikTokTokenResult = TikTokResult<TikTokTokenSet>;

/** Token exchange and refresh (contract §3.1): unsigned GETs on the auth host, app credentials in the query. */
export function createOAuthApi(transport: TikTokTransport) {
  const { appKey, appSecret } = transport.config;
  const tokenSchema = tokenDataSchema.transform(toTokenSet);
  return {
    authorizeUrl(state: string, options: { redirectUri?: string } = {}): string {
      return buildTikTokAuthorizeUrl({ authorizeUrl: transport.config.authorizeUrl, appKey, serviceId: transport.config.serviceId, state,
        redirectUri: options.redirectUri });
    },

    /** Single-use code, valid 30 minutes. Never retried after an ambiguous failure (a second try would be refused). */
    exchangeAuthCode(authCode: string): Promise<TikTokTokenResult> {
      return transport.sendTokenRequest("/api/v2/token/get",
        { app_key: appKey, app_secret: appSecret, auth_code: authCode, grant_type: "authorized_code" }, tokenSchema);
    },

    /** Store the returned refresh token: TikTok may rotate it. */
    refreshAccessToken(refreshToken: string): Promise<TikTokTokenResult> {
      return transport.sendTokenRequest("/api/v2/token/refresh",
        { app_key: appKey, app_secret: appSecret, refresh_token: refreshToken, grant_type: "refresh_token" }, tokenSchema);
    },
  };
}

export type TikTokOAuthApi = ReturnType<typeof createOAuthApi>;
