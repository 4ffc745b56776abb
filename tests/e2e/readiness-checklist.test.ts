// The readiness checklist in a real browser, as a new merchant meets it: installed and not linked, the
// checklist shows what blocks selling and Connect as the next step; the merchant confirms age and standing,
// connects Acme's TikTok Shop, corrects the business details TikTok flags as different, chooses a product,
// and the checklist turns green. Screenshots in tests/artifacts/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP_CHROME_UA, launchChromium } from "../support/chromium";
import { prepareSampleStoreForTikTok, sampleStoreSettings } from "../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../support/sync-harness";
import { SEED_SHOP_IDS } from "../../sandbox/tiktok/seed-data";

const artifacts = path.resolve("tests", "artifacts");

describe("readiness checklist on the app home", () => {
  let h: SyncHarness;
  let browser: Browser;
  let page: Page;
  let app: FrameLocator;

  beforeAll(async () => {
    h = await startSyncHarness({ settings: sampleStoreSettings() });
    // A merchant who has not linked yet: the harness links a shop, which this journey undoes first.
    await h.db.tikTokShopLink.updateMany({ where: { shop: h.shop }, data: { status: "unlinked" } });
    await prepareSampleStoreForTikTok(h.shopify);
    browser = await launchChromium();
    page = await browser.newPage({ userAgent: DESKTOP_CHROME_UA, viewport: { width: 1400, height: 1000 } });
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  }, 30_000);

  const item = (id: string) => app.getByTestId(`readiness-item-${id}`);
  const statusOf = (id: string) => item(id).getAttribute("data-status");
  async function openHome() {
    await page.goto(h.shopify.adminUrl);
    app = page.frameLocator("iframe");
    await app.getByText("Ready to sell on TikTok Shop").waitFor({ timeout: 30_000 });
  }

  it("install → checklist with blockers → connect → checklist turns green", { timeout: 180_000 }, async () => {
    await openHome();
    // Before linking: what can be judged already, and Connect as the next step.
    await expect(app.getByTestId("readiness-summary").innerText()).resolves.toMatch(/^1 of 12 done/); // 6 shipping, returns and payout items wait for the link too
    await expect(statusOf("eligibility.region")).resolves.toBe("done");
    await expect(statusOf("linking.authorized")).resolves.toBe("action_needed");
    await expect(item("eligibility.tiktok_account").innerText()).resolves.toContain("once your TikTok Shop is connected");
    // The questions are under their section, collapsed until asked for.
    await app.getByRole("button", { name: "Questions about eligibility" }).click();
    await app.getByText("How do followers count?").waitFor();
    await page.screenshot({ path: path.join(artifacts, "readiness-1-not-linked.png"), fullPage: true });

    // The merchant confirms age and standing; both are recorded with who and when.
    await item("eligibility.age").getByRole("button", { name: "Confirm" }).click();
    await eventually(async () => ((await statusOf("eligibility.age")) === "done" ? true : undefined), 15_000, "age confirmed");
    await item("eligibility.community_guidelines").getByRole("button", { name: "Confirm" }).click();
    await eventually(async () => ((await statusOf("eligibility.community_guidelines")) === "done" ? true : undefined), 15_000, "standing confirmed");
    const recorded = await h.db.readinessAttestation.findMany({ where: { shop: h.shop }, orderBy: { kind: "asc" } });
    expect(recorded.map((r) => [r.kind, r.attestedBy])).toEqual([["age_18_plus", "Shopify staff user 1"], ["community_guidelines", "Shopify staff user 1"]]);

    // Connect: TikTok's authorize page, Acme Home Goods (the ready seller), back in the admin.
    await app.getByRole("button", { name: "Connect TikTok Shop" }).click();
    await page.waitForURL(`${h.tiktok.url}/oauth/authorize**`, { timeout: 15_000 });
    await page.locator("#sellers button").first().click();
    await page.waitForURL(`${h.shopify.url}/store/**`, { timeout: 15_000 });
    app = page.frameLocator("iframe");
    await app.getByText("Linked TikTok shops").waitFor({ timeout: 30_000 });
    await item("business_verification.legal_documents").waitFor({ timeout: 15_000 });
    await expect(statusOf("eligibility.tiktok_account")).resolves.toBe("done");
    await expect(item("eligibility.tiktok_account").innerText()).resolves.toContain("@acmehomegoods is your official account");
    await expect(statusOf("business_verification.legal_documents")).resolves.toBe("done");
    // The demo store's details differ from what TikTok verified for Acme: flagged field by field, Shopify to correct.
    for (const field of ["legal_name", "address", "email", "phone"]) await expect(statusOf(`shop_setup.business_info.${field}`)).resolves.toBe("action_needed");
    await expect(item("shop_setup.business_info.legal_name").innerText()).resolves.toContain('Shopify says "TikTok Sync Demo LLC", TikTok says "Acme Home Goods LLC"');
    await expect(statusOf("shop_setup.first_products")).resolves.toBe("action_needed");
    await item("shop_setup.business_info.legal_name").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, "readiness-2-connected-with-mismatches.png"), fullPage: true });

    // The merchant corrects Shopify (Settings > General in the sandbox admin) and chooses a first product.
    const edit = await fetch(`${h.shopify.url}/sandbox/shop`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({
      contactEmail: "ops@acme-home.example",
      address: { company: "Acme Home Goods LLC", address1: "100 Main St", city: "Los Angeles", province: "California", provinceCode: "CA", zip: "90012", phone: "+12135550100" },
    }) });
    expect(edit.status).toBe(200);
    await page.locator("#app-nav").getByText("Products", { exact: true }).click();
    await app.getByRole("heading", { name: "Products" }).waitFor({ timeout: 20_000 });
    await eventually(async () => ((await app.locator(".Polaris-IndexTable__TableRow").count()) >= 1 ? true : undefined), 30_000, "the catalog in the table");
    await app.locator(".Polaris-IndexTable__TableRow").first().getByRole("button", { name: "Sync" }).click();
    await eventually(async () => ((await h.db.productSync.count({ where: { shop: h.shop, selected: true } })) > 0 ? true : undefined), 15_000, "a product chosen");

    await openHome();
    const summary = await app.getByTestId("readiness-summary").innerText();
    const [done, total] = summary.match(/^(\d+) of (\d+) done/)!.slice(1).map(Number);
    const notDone = await app.locator('[data-testid^="readiness-item-"]:not([data-status="done"])').allInnerTexts();
    expect(notDone).toEqual([]);
    expect(done).toBe(total);
    expect(total).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: path.join(artifacts, "readiness-3-green.png"), fullPage: true });
  });

  it("switches the checklist to another linked TikTok shop, and back", { timeout: 90_000 }, async () => {
    // A second TikTok shop linked to the same store (as the OAuth callback stores it): Not Ready Crafts, with
    // no shipping template, return warehouse or bank account.
    await h.linkShop(SEED_SHOP_IDS.notReadyUs, "Not Ready Crafts");
    await openHome();
    const switcher = app.getByLabel("Checklist for");
    await switcher.selectOption({ label: "Not Ready Crafts (US)" });
    const blockedPolicies = app.locator('[data-testid^="readiness-item-policies."][data-status="action_needed"]');
    await eventually(async () => ((await blockedPolicies.count()) >= 1 ? true : undefined), 20_000, "Not Ready Crafts' shipping and returns blockers");
    await expect(app.getByTestId("readiness-summary").innerText()).resolves.toMatch(/blocking/);
    await page.screenshot({ path: path.join(artifacts, "readiness-4-second-shop.png"), fullPage: true });

    await switcher.selectOption({ label: "Acme Home Goods US (US)" });
    await eventually(async () => ((await app.locator('[data-testid^="readiness-item-"]:not([data-status="done"])').count()) === 0 ? true : undefined), 20_000, "Acme's checklist, all done, again");
  });
});
