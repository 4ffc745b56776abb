import type { IncomingMessage, ServerResponse } from "node:http";
import { TikTokApiError } from "./api-error";
import { errorEnvelope, sendHtml, sendJson, successEnvelope } from "./envelope";
import { escapeHtml } from "./html-escape";
import type { Seller, TokenRecord } from "./model";
import { firstDuplicateKey, parseQueryPairs } from "./query-string";
import { AUTH_CODE_TTL_S, type Simulator } from "./simulator";

/** GET /oauth/authorize (legacy, app_key) and /open/authorize (service_id): a page where a tester picks a seller. */
export function renderAuthorizePage(sim: Simulator, res: ServerResponse, rawQuery: string): void {
  const query = new Map(parseQueryPairs(rawQuery));
  const appKey = query.get("app_key");
  if (appKey !== undefined && appKey !== sim.options.appKey) {
    sendHtml(res, 400, `<!doctype html><h1>Authorization error</h1><p>Unknown app_key.</p>`);
    return;
  }
  if (appKey === undefined && !query.get("service_id")) {
    sendHtml(res, 400, `<!doctype html><h1>Authorization error</h1><p>app_key or service_id is required.</p>`);
    return;
  }
  const state = query.get("state") ?? "";
  const redirectUri = query.get("redirect_uri") ?? "";
  const hidden = `<input type="hidden" name="state" value="${escapeHtml(state)}"><input type="hidden" name="redirect_uri" value="${escapeHtml(redirectUri)}">`;
  const sellers = [...sim.state.sellers.values()]
    .map((s) => {
      const shops = s.shopIds.map((id) => sim.state.shops.get(id)).filter((x) => x !== undefined);
      const shopList = shops.map((shop) => `${escapeHtml(shop.name)} (${escapeHtml(shop.region)})`).join(", ");
      return `<li><form method="post" action="/oauth/authorize/decision">${hidden}
        <input type="hidden" name="seller_id" value="${escapeHtml(s.openId)}">
        <button type="submit" name="decision" value="allow" data-seller="${escapeHtml(s.openId)}">Authorize as ${escapeHtml(s.name)}</button>
        <span>${shopList}</span></form></li>`;
    })
    .join("\n");
  sendHtml(
    res,
    200,
    `<!doctype html><html><head><title>TikTok Shop — authorize app (sandbox)</title></head><body>
<h1>Authorize app ${escapeHtml(sim.options.appKey)}</h1>
<p>TikTok Shop sandbox. Pick the seller account that grants access:</p>
<ul id="sellers">${sellers}</ul>
<form method="post" action="/oauth/authorize/decision">${hidden}<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>
</body></html>`,
  );
}

/** POST /oauth/authorize/decision: issues a 30-minute single-use auth code and redirects like TikTok. */
export function handleAuthorizeDecision(sim: Simulator, res: ServerResponse, rawBody: Buffer): void {
  const form = new Map(parseQueryPairs(rawBody.toString("utf8")));
  const redirectBase = form.get("redirect_uri") || sim.options.redirectUrl || process.env.TIKTOK_REDIRECT_URL || "";
  if (!redirectBase) {
    sendHtml(res, 400, `<!doctype html><h1>Authorization error</h1><p>No redirect_uri and no default redirect URL configured.</p>`);
    return;
  }
  const target = new URL(redirectBase);
  const state = form.get("state");
  if (form.get("decision") !== "allow") {
    target.searchParams.set("code", "null");
    target.searchParams.set("error", "auth_denied");
  } else {
    const seller = sim.state.sellers.get(form.get("seller_id") ?? "");
    if (!seller) {
      sendHtml(res, 400, `<!doctype html><h1>Authorization error</h1><p>Unknown seller.</p>`);
      return;
    }
    const code = `${sim.random.token(8)}-${sim.random.hex(32)}`;
    sim.state.authCodes.set(code, { code, sellerOpenId: seller.openId, expiresAt: sim.nowSeconds() + AUTH_CODE_TTL_S, used: false });
    target.searchParams.set("code", code);
  }
  if (state) target.searchParams.set("state", state);
  res.writeHead(302, { location: target.toString() });
  res.end();
}

/** Issues an auth code directly (admin helper for tests that skip the page). */
export function issueAuthCode(sim: Simulator, sellerOpenId: string): string {
  const code = `${sim.random.token(8)}-${sim.random.hex(32)}`;
  sim.state.authCodes.set(code, { code, sellerOpenId, expiresAt: sim.nowSeconds() + AUTH_CODE_TTL_S, used: false });
  return code;
}

function tokenData(sim: Simulator, seller: Seller, access: TokenRecord, refresh: TokenRecord) {
  return {
    access_token: access.token,
    access_token_expire_in: access.expiresAt,
    refresh_token: refresh.token,
    refresh_token_expire_in: refresh.expiresAt,
    open_id: seller.openId,
    seller_name: seller.name,
    seller_base_region: seller.baseRegion,
    user_type: seller.userType,
    granted_scopes: seller.grantedScopes,
  };
}

/** GET /api/v2/token/get and /api/v2/token/refresh (§3.1): not signed; app_key + app_secret in the query. */
export function handleTokenEndpoint(sim: Simulator, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): number {
  const requestId = sim.requestId();
  try {
    if (req.method !== "GET") throw new TikTokApiError(36009010, `Invalid method: ${req.method} is not supported for ${path}.`, 405);
    const pairs = parseQueryPairs(rawQuery);
    const dup = firstDuplicateKey(pairs);
    if (dup) throw new TikTokApiError(36009004, `Invalid params: duplicated query parameter '${dup}'.`, 400);
    const q = new Map(pairs);
    if (q.get("app_key") !== sim.options.appKey || q.get("app_secret") !== sim.options.appSecret) {
      throw new TikTokApiError(36009004, "Invalid credentials: app_key or app_secret is invalid.", 401);
    }
    const now = sim.nowSeconds();
    let data;
    if (path === "/api/v2/token/get") {
      if (q.get("grant_type") !== "authorized_code") throw new TikTokApiError(36009004, "Invalid params: grant_type must be authorized_code.", 400);
      const code = sim.state.authCodes.get(q.get("auth_code") ?? "");
      if (!code || code.used) throw new TikTokApiError(36004005, "The auth_code is invalid or has already been used.", 400);
      if (now >= code.expiresAt) throw new TikTokApiError(36004005, "The auth_code has expired (valid for 30 minutes).", 400);
      code.used = true;
      const seller = sim.state.sellers.get(code.sellerOpenId)!;
      const { access, refresh } = sim.issueTokens(seller.openId, true);
      data = tokenData(sim, seller, access, refresh);
    } else {
      if (q.get("grant_type") !== "refresh_token") throw new TikTokApiError(36009004, "Invalid params: grant_type must be refresh_token.", 400);
      const old = sim.state.refreshTokens.get(q.get("refresh_token") ?? "");
      if (!old || old.revoked || old.rotated) throw new TikTokApiError(36004005, "No authorization record for this refresh_token (invalid, revoked or already rotated).", 400);
      if (now >= old.expiresAt) throw new TikTokApiError(36004001, "The refresh_token has expired. The seller must authorize the app again.", 400);
      old.rotated = true;
      const seller = sim.state.sellers.get(old.sellerOpenId)!;
      const { access, refresh } = sim.issueTokens(seller.openId, false);
      data = tokenData(sim, seller, access, refresh);
    }
    sendJson(res, 200, successEnvelope(requestId, data));
    return 0;
  } catch (err) {
    if (!(err instanceof TikTokApiError)) throw err;
    sendJson(res, err.httpStatus, errorEnvelope(requestId, err.code, err.message));
    return err.code;
  }
}
