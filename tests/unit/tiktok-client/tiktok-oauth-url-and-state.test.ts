import { describe, expect, it } from "vitest";
import { buildTikTokAuthorizeUrl } from "../../../app/integrations/tiktok/tiktok-oauth";
import { createOAuthState, verifyOAuthState, type NonceStore } from "../../../app/integrations/tiktok/tiktok-oauth-state";

const SECRET = "state-secret-0123456789abcdef";

describe("buildTikTokAuthorizeUrl", () => {
  it("uses service_id when configured (current form)", () => {
    const url = new URL(buildTikTokAuthorizeUrl({ authorizeUrl: "https://services.tiktokshop.com/open/authorize", appKey: "K",
      serviceId: "7123", state: "s t&x" }));
    expect(url.origin + url.pathname).toBe("https://services.tiktokshop.com/open/authorize");
    expect(url.searchParams.get("service_id")).toBe("7123");
    expect(url.searchParams.has("app_key")).toBe(false);
    expect(url.searchParams.get("state")).toBe("s t&x");
  });

  it("falls back to the legacy app_key form and keeps existing query params of a configured URL", () => {
    const url = new URL(buildTikTokAuthorizeUrl({ authorizeUrl: "http://127.0.0.1:4200/oauth/authorize?lang=en", appKey: "K", state: "abc",
      redirectUri: "http://127.0.0.1:3000/tiktok/callback" }));
    expect(url.searchParams.get("app_key")).toBe("K");
    expect(url.searchParams.get("lang")).toBe("en");
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:3000/tiktok/callback");
  });
});

describe("OAuth state", () => {
  const now = 1_800_000_000_000;
  const make = () => createOAuthState({ secret: SECRET, purpose: "tiktok-shop-link", subject: "a.myshopify.com", now });

  it("verifies a fresh state for the same purpose and shop", async () => {
    const res = await verifyOAuthState({ state: make(), secret: SECRET, purpose: "tiktok-shop-link", subject: "a.myshopify.com", now: now + 1000 });
    expect(res.ok).toBe(true);
  });

  it("is unguessable: two states differ", () => {
    expect(make()).not.toBe(make());
  });

  it.each([
    ["bad_signature", (s: string) => s.slice(0, -2) + (s.endsWith("AA") ? "BB" : "AA"), {}],
    ["malformed", () => "nonsense", {}],
    ["malformed", () => "", {}],
    ["wrong_purpose", (s: string) => s, { purpose: "tiktok-account-link" }],
    ["wrong_subject", (s: string) => s, { subject: "b.myshopify.com" }],
    ["expired", (s: string) => s, { now: now + 10 * 60_000 }],
    ["bad_signature", (s: string) => s, { secret: "another-secret-0123456789" }],
  ] as const)("refuses with %s", async (reason, mutate, overrides) => {
    const res = await verifyOAuthState({ state: mutate(make()), secret: SECRET, purpose: "tiktok-shop-link", subject: "a.myshopify.com",
      now: now + 1000, ...overrides });
    expect(res).toEqual({ ok: false, reason });
  });

  it("refuses a forged payload re-signed with nothing (payload swapped, signature kept)", async () => {
    const [, sig] = make().split(".");
    const forged = Buffer.from(JSON.stringify({ purpose: "tiktok-shop-link", subject: "a.myshopify.com", nonce: "x", expiresAt: now * 2 }))
      .toString("base64url");
    const res = await verifyOAuthState({ state: `${forged}.${sig}`, secret: SECRET, purpose: "tiktok-shop-link", subject: "a.myshopify.com", now });
    expect(res).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("is single-use when a nonce store is given", async () => {
    const used = new Set<string>();
    const store: NonceStore = { consumeOnce: async (n) => (used.has(n) ? false : (used.add(n), true)) };
    const state = make();
    const args = { state, secret: SECRET, purpose: "tiktok-shop-link", subject: "a.myshopify.com", now: now + 1, nonceStore: store };
    expect((await verifyOAuthState(args)).ok).toBe(true);
    expect(await verifyOAuthState(args)).toEqual({ ok: false, reason: "replayed" });
  });

  it("refuses weak secrets", () => {
    expect(() => createOAuthState({ secret: "short", purpose: "p", subject: "s" })).toThrow(RangeError);
  });
});
