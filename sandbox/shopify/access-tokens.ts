// The Admin API's OAuth token endpoint for embedded apps: token exchange of a session token for an
// offline or online access token (optionally expiring, with a refresh token), the refresh grant, and
// revocation on uninstall. Errors mirror Shopify's OAuth error bodies.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { verifySessionToken } from "./session-token";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

const EXPIRING_OFFLINE_SECONDS = 3600;
const REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;
const ONLINE_SECONDS = 86399;

export interface IssuedToken {
  token: string;
  shop: string;
  online: boolean;
  userId: string | null;
  expiresAt: number | null;
  scopes: string[];
}

interface RefreshToken {
  token: string;
  shop: string;
  expiresAt: number;
}

const TokenRequest = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  grant_type: z.string(),
  subject_token: z.string().optional(),
  subject_token_type: z.string().optional(),
  requested_token_type: z.string().optional(),
  expiring: z.union([z.string(), z.number(), z.boolean()]).optional(),
  refresh_token: z.string().optional(),
});

export interface TokenEndpointResult {
  status: number;
  body: Record<string, unknown>;
}

const oauthError = (status: number, error: string, description: string): TokenEndpointResult => ({ status, body: { error, error_description: description } });

export class AccessTokenIssuer {
  readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(
    private readonly app: { apiKey: string; apiSecret: string; scopes: string[] },
    private readonly shopDomain: string,
    private readonly now: () => number = () => Date.now(),
    private readonly onInstall: () => void = () => {},
  ) {}

  /** The access token a GraphQL request presents, if it is live. */
  authenticate(token: string | null | undefined): IssuedToken | null {
    if (!token) return null;
    const issued = this.tokens.get(token);
    if (!issued) return null;
    if (issued.expiresAt !== null && issued.expiresAt <= this.now()) return null;
    return issued;
  }

  /** Issues an offline token directly (tests and the sandbox's own tools); fewer scopes than the app's on request. */
  issueOffline(expiring = false, scopes?: string[]): IssuedToken & { refreshToken?: string } {
    return this.issue(false, null, expiring, scopes);
  }

  revokeAll(shop: string): void {
    for (const [token, issued] of this.tokens) if (issued.shop === shop) this.tokens.delete(token);
    for (const [token, refresh] of this.refreshTokens) if (refresh.shop === shop) this.refreshTokens.delete(token);
  }

  async handle(raw: unknown): Promise<TokenEndpointResult> {
    const parsed = TokenRequest.safeParse(raw);
    if (!parsed.success) return oauthError(400, "invalid_request", "The request is missing a required parameter.");
    const req = parsed.data;
    if (req.client_id !== this.app.apiKey || req.client_secret !== this.app.apiSecret) {
      return oauthError(401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
    }
    const expiring = req.expiring === "1" || req.expiring === 1 || req.expiring === true;
    if (req.grant_type === TOKEN_EXCHANGE_GRANT) {
      if (!req.subject_token || req.subject_token_type !== ID_TOKEN_TYPE) {
        return oauthError(400, "invalid_request", "subject_token and subject_token_type (id_token) are required.");
      }
      let claims;
      try {
        claims = await verifySessionToken(req.subject_token, this.app.apiKey, this.app.apiSecret, new Date(this.now()));
      } catch (error) {
        return oauthError(400, "invalid_subject_token", `Token failed verification: ${(error as Error).message}`);
      }
      if (claims.dest !== `https://${this.shopDomain}`) return oauthError(400, "invalid_subject_token", "Token's dest does not match the shop.");
      if (req.requested_token_type !== OFFLINE_TOKEN_TYPE && req.requested_token_type !== ONLINE_TOKEN_TYPE) {
        return oauthError(400, "invalid_request", "requested_token_type must be an online or offline access token type.");
      }
      this.onInstall();
      const online = req.requested_token_type === ONLINE_TOKEN_TYPE;
      return { status: 200, body: this.responseBody(this.issue(online, claims.sub, expiring && !online)) };
    }
    if (req.grant_type === "refresh_token") {
      const refresh = req.refresh_token ? this.refreshTokens.get(req.refresh_token) : undefined;
      if (!refresh || refresh.expiresAt <= this.now()) return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
      this.refreshTokens.delete(refresh.token); // refresh tokens rotate: each is single use
      return { status: 200, body: this.responseBody(this.issue(false, null, true)) };
    }
    return oauthError(400, "unsupported_grant_type", `The grant type ${req.grant_type} is not supported by this endpoint.`);
  }

  private issue(online: boolean, userId: string | null, expiring: boolean, scopes = this.app.scopes): IssuedToken & { refreshToken?: string } {
    const token = `${online ? "shpua" : "shpat"}_${randomBytes(16).toString("hex")}`;
    const expiresAt = online ? this.now() + ONLINE_SECONDS * 1000 : expiring ? this.now() + EXPIRING_OFFLINE_SECONDS * 1000 : null;
    const issued: IssuedToken = { token, shop: this.shopDomain, online, userId, expiresAt, scopes };
    this.tokens.set(token, issued);
    if (!expiring || online) return issued;
    const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
    this.refreshTokens.set(refreshToken, { token: refreshToken, shop: this.shopDomain, expiresAt: this.now() + REFRESH_TOKEN_SECONDS * 1000 });
    return { ...issued, refreshToken };
  }

  private responseBody(issued: IssuedToken & { refreshToken?: string }): Record<string, unknown> {
    const scope = issued.scopes.join(",");
    if (issued.online) {
      const id = Number(issued.userId ?? 1);
      return {
        access_token: issued.token,
        scope,
        expires_in: ONLINE_SECONDS,
        associated_user_scope: scope,
        associated_user: {
          id,
          first_name: "Dana",
          last_name: "Rivera",
          email: `staff-${id}@tiktok-sync-demo.example`,
          account_owner: id === 1,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      };
    }
    if (issued.refreshToken) {
      return { access_token: issued.token, scope, expires_in: EXPIRING_OFFLINE_SECONDS, refresh_token: issued.refreshToken, refresh_token_expires_in: REFRESH_TOKEN_SECONDS };
    }
    return { access_token: issued.token, scope };
  }
}
