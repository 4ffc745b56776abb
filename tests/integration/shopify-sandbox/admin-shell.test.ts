import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { API_KEY, API_SECRET, startTestSandbox } from "./sandbox-harness";

describe("Shopify sandbox admin shell and App Bridge stand-in", () => {
  let sandbox: ShopifySandbox;
  const appUrl = "http://127.0.0.1:9";
  beforeAll(async () => {
    sandbox = await startTestSandbox({ appUrl });
  });
  afterAll(() => sandbox.close());

  it("GET / redirects to the admin shell, which embeds the app with a launch URL the library accepts", async () => {
    const root = await fetch(`${sandbox.url}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/store/tiktok-sync-demo/apps/tiktok-shop-sync");

    const html = await (await fetch(sandbox.adminUrl)).text();
    const src = /<iframe[^>]*src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&");
    const launch = new URL(src);
    expect(launch.origin + launch.pathname).toBe(`${appUrl}/app`);
    expect([...launch.searchParams.keys()].sort()).toEqual(["embedded", "hmac", "host", "id_token", "locale", "session", "shop", "timestamp"]);
    expect(launch.searchParams.get("host")).toBe(Buffer.from("admin.shopify.com/store/tiktok-sync-demo").toString("base64url"));
    expect(html).toContain('id="toasts"');

    const shopify = shopifyApi({ apiKey: API_KEY, apiSecretKey: API_SECRET, apiVersion: ApiVersion.October26, hostName: "127.0.0.1:9", isEmbeddedApp: true, logger: { level: 0 } } as Parameters<typeof shopifyApi>[0]);
    const query = Object.fromEntries(launch.searchParams);
    await expect(shopify.utils.validateHmac(query)).resolves.toBe(true);
    await expect(shopify.utils.validateHmac({ ...query, shop: "evil.myshopify.com" })).resolves.toBe(false);
    const payload = await shopify.session.decodeSessionToken(query.id_token!);
    expect(payload).toMatchObject({ dest: `https://${sandbox.shopDomain}`, iss: `https://${sandbox.shopDomain}/admin`, aud: API_KEY });
  });

  it("serves /app-bridge.js as CORS-friendly JavaScript defining window.shopify, and fresh id tokens for it", async () => {
    const script = await fetch(`${sandbox.url}/app-bridge.js`);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("access-control-allow-origin")).toBe("*");
    const source = await script.text();
    expect(source).toContain("window.shopify =");
    expect(source).toContain("shopify-reload");
    expect(() => new Function(source)).not.toThrow();

    const get = () => fetch(`${sandbox.url}/admin/session-token?shop=${sandbox.shopDomain}&api_key=${API_KEY}`).then((r) => r.json() as Promise<{ token: string }>);
    const [a, b] = [await get(), await get()];
    expect(a.token).not.toBe(b.token);
    expect((await fetch(`${sandbox.url}/admin/session-token?shop=other.myshopify.com`)).status).toBe(404);
  });
});
