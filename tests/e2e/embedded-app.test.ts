// The whole foundation in a real browser: the Shopify sandbox's admin shell embeds the built app with a
// session token; the app authenticates it by token exchange with the sandbox, reads the store over Admin
// GraphQL and renders its Polaris page; a change made in the sandbox reaches the app as a signed webhook.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../app/db.server";
import { migrateDatabase } from "../../app/db/migrations.server";
import { startShopifySandbox } from "../../sandbox/shopify/server";
import { startTikTokSandbox } from "../../sandbox/tiktok/server";
import { startAppServer, type RunningApp } from "../support/app-server";
import { DESKTOP_CHROME_UA, launchChromium } from "../support/chromium";
import { freePort } from "../support/free-port";

const apiKey = "e2e-api-key";
const apiSecret = "e2e-api-secret";
const tiktokAppKey = "e2e-tiktok-key";
const tiktokAppSecret = "e2e-tiktok-secret";
const artifacts = path.resolve("tests", "artifacts");

describe("embedded app in the Shopify sandbox admin", () => {
  let dir: string;
  let db: Database;
  let shopify: Awaited<ReturnType<typeof startShopifySandbox>>;
  let tiktok: Awaited<ReturnType<typeof startTikTokSandbox>>;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "e2e-"));
    const databaseUrl = `file:${path.join(dir, "app.sqlite")}`;
    await migrateDatabase(databaseUrl);
    db = createDatabase(databaseUrl);
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    shopify = await startShopifySandbox({ port: 0, apiKey, apiSecret, appUrl, webhookRetryScheduleMs: [200, 400] });
    tiktok = await startTikTokSandbox({ port: 0, appKey: tiktokAppKey, appSecret: tiktokAppSecret, webhookUrl: `${appUrl}/tiktok/webhooks` });
    app = await startAppServer({
      port: appPort,
      env: {
        SHOPIFY_API_KEY: apiKey,
        SHOPIFY_API_SECRET: apiSecret,
        SHOPIFY_APP_URL: appUrl,
        SCOPES: "",
        DATABASE_URL: databaseUrl,
        SHOPIFY_ADMIN_ORIGIN: shopify.url,
        APP_BRIDGE_URL: `${shopify.url}/app-bridge.js`,
        TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
        TIKTOK_APP_KEY: tiktokAppKey,
        TIKTOK_APP_SECRET: tiktokAppSecret,
        TIKTOK_API_BASE_URL: tiktok.url,
        TIKTOK_AUTH_BASE_URL: tiktok.url,
        TIKTOK_AUTHORIZE_URL: `${tiktok.url}/oauth/authorize`,
      },
    });
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await shopify?.close();
    await tiktok?.close();
    await db?.$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("renders the app's Polaris home inside the admin iframe, with live store data", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1280, height: 900 } });
    const shopName = shopify.shopDomain.replace(".myshopify.com", "");
    const response = await page.goto(`${shopify.url}/store/${shopName}/apps/tiktok-shop-sync`);
    expect(response?.status()).toBe(200);
    const frame = page.frameLocator("iframe");
    await frame.getByText("Connect TikTok Shop").first().waitFor({ timeout: 30_000 });
    await frame.getByText(shopify.shopDomain).waitFor({ timeout: 10_000 });
    await expect(frame.locator(".Polaris-Page").count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, "embedded-home.png"), fullPage: true });

    // The app stored the offline session obtained by token exchange with the sandbox.
    const session = await db.session.findFirst({ where: { shop: shopify.shopDomain, isOnline: false } });
    expect(session?.accessToken).toBeTruthy();
    await page.close();
  });

  it("links a TikTok Shop: Connect leaves the admin for TikTok's authorize page and comes back linked", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1280, height: 900 } });
    await page.goto(shopify.adminUrl);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("button", { name: "Connect TikTok Shop" }).click();
    await page.waitForURL(`${tiktok.url}/oauth/authorize**`, { timeout: 15_000 });
    await page.locator("#sellers button").first().click();
    await page.waitForURL(`${shopify.url}/store/**`, { timeout: 15_000 });
    await page.frameLocator("iframe").getByText("Linked TikTok shops").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(artifacts, "tiktok-linked.png"), fullPage: true });

    const links = await db.tikTokShopLink.findMany({ where: { shop: shopify.shopDomain } });
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]!.accessTokenEncrypted.startsWith("v1.")).toBe(true);
    const issued = [...tiktok.state.accessTokens.keys()];
    expect(issued.length).toBeGreaterThan(0);
    for (const token of issued) expect(JSON.stringify(links)).not.toContain(token); // encrypted at rest

    // Unlinking stops syncing to that shop and offers to connect again.
    await page.frameLocator("iframe").getByRole("button", { name: "Unlink" }).first().click();
    await page.frameLocator("iframe").getByRole("button", { name: "Connect TikTok Shop" }).waitFor({ timeout: 15_000 });
    expect((await db.tikTokShopLink.findMany({ where: { shop: shopify.shopDomain } })).every((l) => l.status === "unlinked")).toBe(true);
    await page.close();
  });

  it("delivers a product edited in the sandbox to the app, which verifies and records it once", async () => {
    const [productId] = [...shopify.store.products.keys()];
    const edit = await fetch(`${shopify.url}/sandbox/products/${encodeURIComponent(productId!)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Edited in the sandbox" }),
    });
    expect(edit.status).toBe(200);
    await shopify.webhooks.idle();
    const delivery = shopify.deliveries.find((d) => d.topic === "products/update");
    expect(delivery?.attempts.at(-1)?.status).toBe(200);
    const recorded = await db.webhookDelivery.findMany({ where: { source: "shopify", topic: "products/update", shop: shopify.shopDomain } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.deliveryId).toBe(delivery!.webhookId);
    expect(JSON.parse(recorded[0]!.payload)).toMatchObject({ admin_graphql_api_id: productId, title: "Edited in the sandbox" });
  });
});
