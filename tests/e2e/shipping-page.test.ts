// The Shipping, returns & payments page in a real browser, inside the sandbox admin: with Not Ready
// Crafts as the catalog shop it lists what blocks selling (each with TikTok's code and the Seller Center
// link); the merchant moves the catalog to Acme, links a location to a warehouse and saves.
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_SHOP_IDS } from "../../sandbox/tiktok/seed-data";
import { DESKTOP_CHROME_UA, launchChromium } from "../support/chromium";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

const artifacts = path.resolve("tests", "artifacts");

describe("shipping, returns & payments page", () => {
  let h: SyncHarness;
  let browser: Browser;
  let page: Page;
  let app: FrameLocator;

  beforeAll(async () => {
    h = await startSyncHarness({ tiktokShopId: SEED_SHOP_IDS.notReadyUs, tiktokShopName: "Not Ready Crafts" });
    await h.linkShop(SEED_SHOP_IDS.readyUs, "Acme Home Goods US");
    browser = await launchChromium();
    page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1400, height: 1000 } });
    await page.goto(h.shopify.adminUrl);
    app = page.frameLocator("iframe");
    await app.getByText("Linked TikTok shops").waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  }, 30_000);

  it("flags what blocks Not Ready Crafts, then moves the catalog to Acme and saves a warehouse", { timeout: 90_000 }, async () => {
    await page.locator("#app-nav").getByText("Shipping, returns & payments", { exact: true }).click();
    await app.getByRole("heading", { name: "Shipping, returns & payments" }).waitFor({ timeout: 20_000 });
    await app.getByText("To fix before selling (3)").waitFor({ timeout: 20_000 });
    await app.getByText(/TikTok error 12052535/).first().waitFor();
    await app.getByText(/TikTok error 12052402/).first().waitFor();
    await app.getByText(/no bank account for payouts/).first().waitFor();
    await expect(app.getByRole("link", { name: "Add a return warehouse in Seller Center" }).getAttribute("href")).resolves.toBe("https://seller-us.tiktok.com");
    await app.getByText("Returns within 30 days").first().waitFor(); // the refund policy beside TikTok's rule
    await app.getByText(/payment gateway "TikTok Shop"/).waitFor();
    await page.screenshot({ path: path.join(artifacts, "shipping-not-ready.png"), fullPage: true });

    // Move the catalog to Acme: its checks pass.
    await app.getByLabel("Sync the catalog to").selectOption(SEED_SHOP_IDS.readyUs);
    await app.getByRole("button", { name: "Use this shop" }).click();
    await app.getByText(/Your catalog now syncs to Acme Home Goods US \(US\)/).waitFor({ timeout: 15_000 });
    await app.getByText("Everything is set up").waitFor({ timeout: 15_000 });

    // Send only Brooklyn's stock to TikTok, to Acme's LA warehouse.
    await app.getByLabel("TikTok warehouse for Los Angeles Fulfillment").selectOption({ label: "Not sold on TikTok" });
    await app.getByRole("button", { name: "Save warehouses" }).click();
    await app.getByText(/^Saved\./).waitFor({ timeout: 15_000 });
    await app.getByText(/Los Angeles Fulfillment has stock but is not linked/).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, "shipping-acme.png"), fullPage: true });

    const document = JSON.parse((await h.db.storeSettings.findUniqueOrThrow({ where: { shop: h.shop } })).document);
    expect(document.inventory.locationWarehouses).toEqual([{ locationId: "gid://shopify/Location/71234567001", warehouseId: "7068517275539719942" }]);
  });
});
