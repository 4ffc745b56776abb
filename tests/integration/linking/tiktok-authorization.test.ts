// Linking against the TikTok simulator over real HTTP: the happy path and each refusal.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { createTikTokClient, TokenBucketRateLimiter } from "../../../app/integrations/tiktok";
import { createOAuthNonceStore } from "../../../app/modules/linking/oauth-nonce-store";
import { completeTikTokAuthorization, startTikTokAuthorization, type TikTokAuthorizationDeps } from "../../../app/modules/linking/tiktok-authorization";
import { createTikTokShopLinkRepository } from "../../../app/modules/linking/tiktok-shop-link-repository";
import { createTokenCipher } from "../../../app/modules/linking/token-cipher";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

const shop = "linking.myshopify.com";

describe("linking a TikTok Shop", () => {
  let tiktok: TikTokSandbox;
  let database: TemporaryDatabase;
  let db: Database;
  let deps: TikTokAuthorizationDeps;

  beforeAll(async () => {
    tiktok = await startTikTokSandbox({ port: 0, appKey: "k", appSecret: "s-secret" });
    database = await TEST_DATABASES[0]!.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
    const client = createTikTokClient({ appKey: "k", appSecret: "s-secret", apiBaseUrl: tiktok.url, authBaseUrl: tiktok.url, authorizeUrl: `${tiktok.url}/oauth/authorize`, logger: pino({ level: "silent" }), rateLimiter: new TokenBucketRateLimiter() });
    deps = { client, links: createTikTokShopLinkRepository(db, createTokenCipher(Buffer.alloc(32, 7))), stateSecret: "a-state-secret-of-enough-length", nonces: createOAuthNonceStore(db) };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    await tiktok?.close();
  });

  /** What the simulator's authorize page does when the tester picks a seller. */
  async function approve(authorizeUrl: string, sellerIndex = 0): Promise<URL> {
    const url = new URL(authorizeUrl);
    const seller = [...tiktok.state.sellers.values()][sellerIndex]!;
    const form = new URLSearchParams({ state: url.searchParams.get("state")!, redirect_uri: url.searchParams.get("redirect_uri")!, seller_id: seller.openId, decision: "allow" });
    const response = await fetch(`${tiktok.url}/oauth/authorize/decision`, { method: "POST", body: form, redirect: "manual" });
    return new URL(response.headers.get("location")!);
  }
  const callbackOf = (url: URL) => ({ code: url.searchParams.get("code"), state: url.searchParams.get("state"), error: url.searchParams.get("error") });

  it("stores encrypted tokens for every authorized shop, and refuses the same callback twice", async () => {
    const back = await approve(startTikTokAuthorization(deps, shop, "https://app.example/tiktok/oauth/callback"), 1);
    const { linked } = await completeTikTokAuthorization(deps, callbackOf(back));
    expect(linked.length).toBeGreaterThanOrEqual(2); // the seeded seller with a US and a GB shop
    expect(new Set(linked.map((l) => l.region))).toEqual(new Set(["US", "GB"]));
    const stored = await db.tikTokShopLink.findMany({ where: { shop } });
    expect(stored.every((r) => !r.accessTokenEncrypted.includes(linked[0]!.accessToken))).toBe(true);
    await expect(completeTikTokAuthorization(deps, callbackOf(back))).rejects.toMatchObject({ reason: "invalid_state" });
  });

  it("refuses a state from another app or a tampered one, and explains a denial", async () => {
    const back = await approve(startTikTokAuthorization({ ...deps, stateSecret: "another-secret-entirely!!" }, shop, "https://x/cb"));
    await expect(completeTikTokAuthorization(deps, callbackOf(back))).rejects.toMatchObject({ reason: "invalid_state" });
    const state = new URL(startTikTokAuthorization(deps, shop, "https://x/cb")).searchParams.get("state")!;
    await expect(completeTikTokAuthorization(deps, { code: null, state, error: "auth_denied" })).rejects.toMatchObject({ reason: "denied", message: expect.stringContaining("Authorize") });
  });

  it("refuses an expired state", async () => {
    const old = startTikTokAuthorization({ ...deps, now: () => Date.now() - 31 * 60_000 }, shop, "https://x/cb");
    const back = await approve(old);
    await expect(completeTikTokAuthorization(deps, callbackOf(back))).rejects.toMatchObject({ reason: "expired_state" });
  });
});
