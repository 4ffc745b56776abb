// The merchant's products journey in a real browser: toggle products, start a sync, watch progress,
// open a product TikTok cannot take and read what to fix.
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP_CHROME_UA, launchChromium } from "../support/chromium";
import { eventually, startSyncHarness, type SyncHarness } from "../support/sync-harness";

const artifacts = path.resolve("tests", "artifacts");

describe("products page", () => {
  let h: SyncHarness;
  let browser: Browser;
  let page: Page;
  let app: FrameLocator;

  beforeAll(async () => {
    // The store as imported from the sample CSVs: no weights yet, so TikTok would refuse every product.
    h = await startSyncHarness();
    browser = await launchChromium();
    page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1400, height: 1000 } });
    await page.goto(h.shopify.adminUrl);
    app = page.frameLocator("iframe");
    await app.getByText("Connect TikTok Shop").or(app.getByText("Linked TikTok shops")).first().waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  }, 30_000);

  it("toggles products, syncs them, shows progress, and explains what to fix", { timeout: 120_000 }, async () => {
    await page.locator("#app-nav").getByText("Products", { exact: true }).click();
    await app.getByRole("heading", { name: "Products" }).waitFor({ timeout: 20_000 });
    // The catalog import fills the table.
    await eventually(async () => ((await app.locator(".Polaris-IndexTable__TableRow").count()) >= 10 ? true : undefined), 30_000, "the catalog in the table");

    const firstRow = app.locator(".Polaris-IndexTable__TableRow").first();
    const title = (await firstRow.locator("a").first().innerText()).trim();
    await firstRow.getByRole("button", { name: "Sync" }).click();
    await app.getByText("1 product queued for TikTok.").waitFor({ timeout: 15_000 });
    await app.getByText(/Syncing: \d+ of 1 done|1 product chosen for TikTok/).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, "products-progress.png"), fullPage: true });

    // The sample product has no weight: the row says it was rejected and how to fix it.
    await firstRow.getByText("Rejected").waitFor({ timeout: 30_000 });
    await expect(firstRow.getByText(/Add a weight|weight/i).first().isVisible()).resolves.toBe(true);

    await firstRow.locator("a").first().click();
    await app.getByRole("heading", { name: title }).waitFor({ timeout: 15_000 });
    await app.getByText(/What to fix before TikTok accepts this product/).waitFor();
    await app.getByText(/weight/i).first().waitFor();
    await app.getByText(/Not sent to TikTok/).first().waitFor(); // the timeline entry
    await page.screenshot({ path: path.join(artifacts, "product-rejected.png"), fullPage: true });

    // Stop syncing it again from the list.
    await page.locator("#app-nav").getByText("Products", { exact: true }).click();
    const row = app.locator(".Polaris-IndexTable__TableRow", { hasText: title });
    await row.getByRole("button", { name: "Stop syncing" }).click();
    await app.getByText("1 product will stop syncing.").waitFor({ timeout: 15_000 });
    expect(await h.db.productSync.count({ where: { selected: true } })).toBe(0);
  });
});
