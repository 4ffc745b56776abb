import "@shopify/shopify-api/adapters/node";
import { ApiVersion, RequestedTokenType, shopifyApi, type Shopify } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { API_KEY, API_SECRET, graphql, startTestSandbox } from "./sandbox-harness";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

describe("Shopify sandbox token exchange", () => {
  let sandbox: ShopifySandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const exchange = async (body: Record<string, unknown>) => {
    const response = await fetch(`${sandbox.url}/admin/oauth/access_token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const base = async (overrides: Record<string, unknown> = {}) => ({
    client_id: API_KEY,
    client_secret: API_SECRET,
    grant_type: TOKEN_EXCHANGE,
    subject_token: await sandbox.mintSessionToken(),
    subject_token_type: ID_TOKEN,
    requested_token_type: OFFLINE,
    expiring: "0",
    ...overrides,
  });

  it("GIVEN a valid id_token THEN issues an offline token that opens the Admin API", async () => {
    const { status, body } = await exchange(await base());
    expect(status).toBe(200);
    expect(body.access_token).toMatch(/^shpat_/);
    expect(body.scope).toContain("read_products");
    expect((await graphql(sandbox, body.access_token, "{ shop { name } }")).status).toBe(200);
  });

  it("GIVEN an id_token signed with the wrong secret THEN refuses it (400 invalid_subject_token)", async () => {
    const { status, body } = await exchange(await base({ subject_token: await sandbox.mintSessionToken({ secret: "not-the-secret" }) }));
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_subject_token");
  });

  it("GIVEN an expired id_token, a wrong audience or another shop THEN refuses it", async () => {
    const expired = await sandbox.mintSessionToken({ now: new Date(Date.now() - 3600_000) });
    expect((await exchange(await base({ subject_token: expired }))).body.error).toBe("invalid_subject_token");
    const wrongAud = await sandbox.mintSessionToken({ apiKey: "other-app" });
    expect((await exchange(await base({ subject_token: wrongAud }))).body.error).toBe("invalid_subject_token");
    const otherShop = await sandbox.mintSessionToken({ shop: "someone-else.myshopify.com" });
    expect((await exchange(await base({ subject_token: otherShop }))).body.error).toBe("invalid_subject_token");
  });

  it("GIVEN wrong client credentials THEN answers 401 invalid_client", async () => {
    const { status, body } = await exchange(await base({ client_secret: "wrong" }));
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
  });

  it("issues expiring offline tokens with a single-use refresh token, and online tokens with the user", async () => {
    const { body } = await exchange(await base({ expiring: "1" }));
    expect(body).toMatchObject({ expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/), refresh_token_expires_in: expect.any(Number) });
    const refreshed = await exchange({ client_id: API_KEY, client_secret: API_SECRET, grant_type: "refresh_token", refresh_token: body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(body.access_token);
    const reused = await exchange({ client_id: API_KEY, client_secret: API_SECRET, grant_type: "refresh_token", refresh_token: body.refresh_token });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const online = await exchange(await base({ requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token", subject_token: await sandbox.mintSessionToken({ userId: 42 }) }));
    expect(online.body).toMatchObject({ access_token: expect.stringMatching(/^shpua_/), expires_in: expect.any(Number), associated_user: { id: 42 } });
  });

  it("revokes every token when the app is uninstalled", async () => {
    const own = await startTestSandbox();
    try {
      const token = own.issueAccessToken();
      expect((await graphql(own, token, "{ shop { name } }")).status).toBe(200);
      await fetch(`${own.url}/sandbox/app/uninstall`, { method: "POST" });
      expect((await graphql(own, token, "{ shop { name } }")).status).toBe(401);
    } finally {
      await own.close();
    }
  });

  describe("with the real @shopify/shopify-api 15 library", () => {
    let shopify: Shopify;
    beforeAll(() => {
      shopify = shopifyApi({
        apiKey: API_KEY,
        apiSecretKey: API_SECRET,
        apiVersion: ApiVersion.October26,
        hostName: "127.0.0.1:9",
        hostScheme: "http",
        isEmbeddedApp: true,
        logger: { level: 0 },
        future: { expiringOfflineAccessTokens: true },
      } as Parameters<typeof shopifyApi>[0]);
    });

    it("accepts the sandbox's token exchange answer and reads the store through its GraphQL client", async () => {
      const realFetch = globalThis.fetch;
      const { setAbstractFetchFunc } = await import("@shopify/shopify-api/runtime");
      // Route https://{shop}/admin/... to the sandbox, as the app's admin-origin fetch does.
      setAbstractFetchFunc(async (input, init) => {
        const url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
        return realFetch(`${sandbox.url}${url.pathname}${url.search}`, init);
      });
      const { session } = await shopify.auth.tokenExchange({
        shop: sandbox.shopDomain,
        sessionToken: await sandbox.mintSessionToken(),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
        expiring: true,
      });
      expect(session.shop).toBe(sandbox.shopDomain);
      expect(session.isOnline).toBe(false);
      expect(session.accessToken).toMatch(/^shpat_/);
      expect(session.refreshToken).toMatch(/^shprt_/);
      expect(session.expires?.getTime()).toBeGreaterThan(Date.now());

      const client = new shopify.clients.Graphql({ session });
      const response = await client.request(`{ shop { myshopifyDomain currencyCode } products(first: 3) { nodes { id title } } }`);
      expect(response.data?.shop).toEqual({ myshopifyDomain: sandbox.shopDomain, currencyCode: "USD" });
      expect((response.data as { products: { nodes: unknown[] } }).products.nodes).toHaveLength(3);
      expect(response.extensions?.cost?.requestedQueryCost).toBeGreaterThan(0);

      const { session: refreshed } = await shopify.auth.refreshToken({ shop: sandbox.shopDomain, refreshToken: session.refreshToken! });
      expect(refreshed.accessToken).not.toBe(session.accessToken);
    });
  });
});
