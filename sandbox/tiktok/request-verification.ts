import type { IncomingHttpHeaders } from "node:http";
import { TikTokApiError, HTTP_BAD_REQUEST, HTTP_UNAUTHORIZED } from "./api-error";
import type { ApiContext, CompiledRoute } from "./api-route";
import { parseMultipart } from "./multipart";
import { firstDuplicateKey } from "./query-string";
import { computeRequestSign, signaturesMatch } from "./signature";
import type { Simulator } from "./simulator";

export const TIMESTAMP_PAST_WINDOW_S = 300;
export const TIMESTAMP_FUTURE_WINDOW_S = 30;

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Strict verification of a business API call (§1.2, §12 items 1–4): app key, duplicated keys, timestamp window,
 * body media type, signature, access token, scope and shop_cipher. Throws TikTokApiError with TikTok's code.
 */
export function verifyApiRequest(
  sim: Simulator,
  route: CompiledRoute,
  params: Record<string, string>,
  path: string,
  pairs: Array<[string, string]>,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
): ApiContext {
  const duplicate = firstDuplicateKey(pairs);
  if (duplicate) throw new TikTokApiError(36009004, `Invalid params: duplicated query parameter '${duplicate}'.`, HTTP_BAD_REQUEST);
  const query = new Map(pairs);

  const appKey = query.get("app_key");
  if (!appKey) throw new TikTokApiError(36009004, "Invalid credentials: app_key is missing.", HTTP_UNAUTHORIZED);
  if (appKey !== sim.options.appKey) throw new TikTokApiError(36009004, "Invalid credentials: app_key is invalid.", HTTP_UNAUTHORIZED);
  const sign = query.get("sign");
  if (!sign) throw new TikTokApiError(36009004, "Invalid credentials: sign is missing.", HTTP_UNAUTHORIZED);
  const timestamp = query.get("timestamp");
  if (!timestamp || !/^\d{10}$/.test(timestamp)) {
    throw new TikTokApiError(36009004, "Invalid timestamp: it must be a 10-digit Unix time in seconds.", HTTP_UNAUTHORIZED);
  }
  const now = sim.nowSeconds();
  const ts = Number(timestamp);
  if (ts < now - TIMESTAMP_PAST_WINDOW_S || ts > now + TIMESTAMP_FUTURE_WINDOW_S) {
    throw new TikTokApiError(36009004, `Invalid timestamp: ${ts} is outside the accepted window [now-300s, now+30s] (now=${now}).`, HTTP_UNAUTHORIZED);
  }

  // Body media type decides whether the body is signed (multipart never is, §1.2 step 5).
  const media = mediaType(headers);
  const isMultipart = media === "multipart/form-data";
  if (route.multipart && !isMultipart) throw new TikTokApiError(36009023, "The request body must be multipart/form-data.", HTTP_BAD_REQUEST);
  if (!route.multipart && rawBody.length > 0 && media !== "application/json") {
    throw new TikTokApiError(36009022, "The request body must be JSON (content-type application/json) or multipart.", HTTP_BAD_REQUEST);
  }

  const expected = computeRequestSign(sim.options.appSecret, path, pairs, isMultipart ? undefined : rawBody);
  if (!signaturesMatch(expected, sign)) throw new TikTokApiError(106001, "Invalid sign: the signature does not match.", HTTP_UNAUTHORIZED);

  let body: unknown = undefined;
  if (!isMultipart && rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody.toString("utf8"));
    } catch {
      throw new TikTokApiError(36009022, "The request body is not valid JSON.", HTTP_BAD_REQUEST);
    }
  }
  let multipart = null;
  if (isMultipart) {
    multipart = parseMultipart(rawBody, headers["content-type"] ?? "");
    if (!multipart) throw new TikTokApiError(36009022, "The multipart body is malformed.", HTTP_BAD_REQUEST);
  }

  const tokenValue = headers["x-tts-access-token"];
  if (typeof tokenValue !== "string" || tokenValue === "") {
    throw new TikTokApiError(36009004, "Invalid credentials: x-tts-access-token header is missing.", HTTP_UNAUTHORIZED);
  }
  const token = sim.state.accessTokens.get(tokenValue);
  if (!token) throw new TikTokApiError(36009004, "Invalid credentials: the access token is invalid.", HTTP_UNAUTHORIZED);
  if (token.revoked) throw new TikTokApiError(105001, "The access token is invalid: the seller deauthorized the app.", HTTP_UNAUTHORIZED);
  if (now >= token.expiresAt) throw new TikTokApiError(105002, "The access token has expired. Refresh it and retry.", HTTP_UNAUTHORIZED);
  const seller = sim.state.sellers.get(token.sellerOpenId);
  if (!seller) throw new TikTokApiError(36009004, "Invalid credentials: the access token is invalid.", HTTP_UNAUTHORIZED);
  if (!seller.grantedScopes.includes(route.scope)) {
    throw new TikTokApiError(105005, `Access denied: you should apply auth pkg for this api (scope ${route.scope}).`, HTTP_UNAUTHORIZED);
  }

  const cipher = query.get("shop_cipher");
  let shop = null;
  if (!route.shopScoped) {
    if (cipher !== undefined) throw new TikTokApiError(36009004, "Invalid params: Unexpected identifier shop_cipher.", HTTP_BAD_REQUEST);
  } else {
    if (!cipher) throw new TikTokApiError(106013, "shop_cipher is required for this API.", HTTP_BAD_REQUEST);
    shop = sim.state.shopsByCipher.get(cipher) ?? null;
    if (!shop || shop.sellerOpenId !== seller.openId) {
      throw new TikTokApiError(101000, "The access token is not valid for the shop identified by shop_cipher.", HTTP_UNAUTHORIZED);
    }
  }
  return { sim, seller, token, shop, params, query, body, multipart };
}
