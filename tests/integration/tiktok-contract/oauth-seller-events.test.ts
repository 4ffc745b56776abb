import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOAuthState, verifyOAuthState } from "../../../app/integrations/tiktok/tiktok-oauth-state";
import { startContractHarness, type ContractHarness } from "./contract-harness";

let h: ContractHarness;
const STATE_SECRET = "state-secret-for-tests-0123456789";
const REDIRECT = "http://127.0.0.1:65535/tiktok/callback";

beforeAll(async () => {
  h = await startContractHarness();
});
afterAll(async () => h?.close());

/** Plays the seller on the simulator's authorize page: picks the first seller and follows the redirect. */
async function authorizeAsFirstSeller(authorizeUrl: string, decision: "allow" | "deny" = "allow"): Promise<URL> {
  const page = await (await fetch(authorizeUrl)).text();
  const sellerId = /name="seller_id" value="([^"]+)"/.exec(page)?.[1];
  const state = /name="state" value="([^"]*)"/.exec(page)?.[1] ?? "";
  const redirect = /name="redirect_uri" value="([^"]*)"/.exec(page)?.[1] ?? "";
  expect(sellerId, "authorize page lists a seller").toBeTruthy();
  const form = new URLSearchParams({ state: state.replace(/&amp;/g, "&"), redirect_uri: redirect.replace(/&amp;/g, "&"), decision });
  if (decision === "allow") form.set("seller_id", sellerId!);
  const res = await fetch(`${h.baseUrl}/oauth/authorize/decision`, { method: "POST", body: form, redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect([302, 303]).toContain(res.status);
  return new URL(res.headers.get("location")!);
}

describe("OAuth against the simulator", () => {
  it("authorize URL → seller consent → callback with code and the same state → tokens with absolute expiry dates", async () => {
    const state = createOAuthState({ secret: STATE_SECRET, purpose: "tiktok-shop-link", subject: "demo.myshopify.com" });
    const url = h.client.oauth.authorizeUrl(state, { redirectUri: REDIRECT });
    expect(new URL(url).searchParams.get("app_key")).toBe("6abc123");
    const callback = await authorizeAsFirstSeller(url);
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe(state);
    const check = await verifyOAuthState({ state: callback.searchParams.get("state"), secret: STATE_SECRET, purpose: "tiktok-shop-link",
      subject: "demo.myshopify.com" });
    expect(check.ok).toBe(true);

    const code = callback.searchParams.get("code")!;
    const tokens = await h.client.oauth.exchangeAuthCode(code);
    expect(tokens.code).toBe(0);
    expect(tokens.data.accessToken).toBeTruthy();
    expect(tokens.data.accessTokenExpiresAt).toBeInstanceOf(Date);
    const days = (tokens.data.accessTokenExpiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6);
    expect(days).toBeLessThan(8);
    expect(tokens.data.refreshTokenExpiresAt.getTime()).toBeGreaterThan(tokens.data.accessTokenExpiresAt.getTime());
    expect(tokens.data.grantedScopes.length).toBeGreaterThan(0);

    // The code is single use: a second exchange is refused, classified as needing a new authorization.
    await expect(h.client.oauth.exchangeAuthCode(code)).rejects.toMatchObject({ kind: "auth_invalid", retryable: false });

    const refreshed = await h.client.oauth.refreshAccessToken(tokens.data.refreshToken);
    expect(refreshed.data.accessToken).not.toBe(tokens.data.accessToken);

    const seller = h.client.forSeller({ accessToken: refreshed.data.accessToken });
    const shops = await seller.getAuthorizedShops();
    expect(shops.data.shops.length).toBeGreaterThan(0);
    for (const s of shops.data.shops) {
      expect(s).toMatchObject({ id: expect.stringMatching(/^7\d{17,18}$/), name: expect.any(String), region: expect.any(String),
        seller_type: expect.any(String), cipher: expect.any(String) });
    }
    const active = await seller.getActiveShops();
    expect(active.data.shops.map((s) => s.id)).toEqual(expect.arrayContaining([shops.data.shops[0]!.id]));
    const perms = await seller.getPermissions();
    expect(Array.isArray(perms.data.permissions)).toBe(true);

    // The shop facade works with the cipher from Get Authorized Shops.
    const first = shops.data.shops[0]!;
    const shop = h.client.forShop({ accessToken: refreshed.data.accessToken, shopCipher: first.cipher, shopId: first.id });
    expect((await shop.logistics.getWarehouses()).code).toBe(0);
  });

  it("a refused consent comes back with error=auth_denied and no usable code", async () => {
    const state = createOAuthState({ secret: STATE_SECRET, purpose: "tiktok-shop-link", subject: "demo.myshopify.com" });
    const callback = await authorizeAsFirstSeller(h.client.oauth.authorizeUrl(state, { redirectUri: REDIRECT }), "deny");
    expect(callback.searchParams.get("error")).toBe("auth_denied");
    expect(callback.searchParams.get("state")).toBe(state);
  });

  it("an expired refresh token is classified as needing re-authorization", async () => {
    const t = await h.sellerToken();
    h.advanceClock(366 * 86_400);
    await expect(h.client.oauth.refreshAccessToken(t.refresh_token!)).rejects.toMatchObject({ code: 36004001, kind: "auth_invalid", retryable: false });
  });
});

describe("webhook subscriptions (Event API) against the simulator", () => {
  it("puts, lists and deletes a subscription", async () => {
    const t = await h.sellerToken();
    const shop = h.client.forShop({ accessToken: t.access_token, shopCipher: t.shop_cipher, shopId: t.shop_id });
    expect((await shop.events.updateWebhook("ORDER_STATUS_CHANGE", "https://app.example.com/tiktok/webhooks")).code).toBe(0);
    const listed = await shop.events.getWebhooks();
    expect(listed.data.webhooks).toEqual(expect.arrayContaining([expect.objectContaining({ event_type: "ORDER_STATUS_CHANGE",
      address: "https://app.example.com/tiktok/webhooks" })]));
    expect((await shop.events.deleteWebhook("ORDER_STATUS_CHANGE")).code).toBe(0);
    const after = await shop.events.getWebhooks();
    expect(after.data.webhooks.some((w) => w.event_type === "ORDER_STATUS_CHANGE")).toBe(false);
  });
});
