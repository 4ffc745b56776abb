// The checklist loader against both sandboxes over real HTTP: the Shopify sandbox's shop (Admin GraphQL),
// the TikTok simulator's listing prerequisites (signed Open API) and seller-profile extensions, on a real
// database. Seeded sellers: Acme (ready), Not Ready Crafts (everything missing), Brit & Co (US + GB).
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { createShopifyAdminGateway } from "../../../app/integrations/shopify/admin-graphql-gateway";
import { createTikTokClient, TokenBucketRateLimiter } from "../../../app/integrations/tiktok";
import { createSellerProfileExtensionSource, SellerProfileUnavailableError } from "../../../app/integrations/tiktok/seller-profile-extension";
import { createTikTokShopLinkRepository, type TikTokShopLink } from "../../../app/modules/linking/tiktok-shop-link-repository";
import { createTikTokShopSessions } from "../../../app/modules/linking/tiktok-shop-sessions";
import { createTokenCipher } from "../../../app/modules/linking/token-cipher";
import { createAttestationRepository } from "../../../app/modules/readiness/attestation-repository";
import { loadReadinessChecklist, type ReadinessChecklist, type ReadinessChecklistDeps } from "../../../app/modules/readiness/load-readiness-checklist";
import { countChosenProducts } from "../../../app/modules/readiness/product-readiness-counts";
import type { ReadinessItem } from "../../../app/modules/readiness/readiness-item";
import { startShopifySandbox, type ShopifySandbox } from "../../../sandbox/shopify/server";
import { SEED_SHOP_IDS } from "../../../sandbox/tiktok/seed-data";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

const APP_KEY = "readiness-key";
const APP_SECRET = "readiness-secret";

const itemOf = (c: ReadinessChecklist, id: string): ReadinessItem => {
  const item = c.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}; have ${c.sections.flatMap((s) => s.items.map((i) => i.id)).join(", ")}`);
  return item;
};
const statuses = (c: ReadinessChecklist) => Object.fromEntries(c.sections.flatMap((s) => s.items.map((i) => [i.id, i.status])));

describe.each(TEST_DATABASES)("readiness checklist against both sandboxes ($name)", ({ create }) => {
  let tiktok: TikTokSandbox;
  let shopify: ShopifySandbox;
  let database: TemporaryDatabase;
  let db: Database;
  let deps: ReadinessChecklistDeps;
  let links: ReturnType<typeof createTikTokShopLinkRepository>;
  let policies: ReadinessItem[] = [];
  let storeShop: string;
  let attestations: ReturnType<typeof createAttestationRepository>;

  beforeAll(async () => {
    tiktok = await startTikTokSandbox({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET, logLevel: "silent" } as Parameters<typeof startTikTokSandbox>[0]);
    shopify = await startShopifySandbox({ port: 0, apiKey: "k", apiSecret: "s", appUrl: "http://127.0.0.1:9" });
    database = await create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
    storeShop = shopify.shopDomain;
    const client = createTikTokClient({ appKey: APP_KEY, appSecret: APP_SECRET, apiBaseUrl: tiktok.url, authBaseUrl: tiktok.url, authorizeUrl: `${tiktok.url}/oauth/authorize`,
      logger: pino({ level: "silent" }), rateLimiter: new TokenBucketRateLimiter() });
    links = createTikTokShopLinkRepository(db, createTokenCipher(Buffer.alloc(32, 9)));
    const sessions = createTikTokShopSessions({ links, client });
    deps = {
      shopify: createShopifyAdminGateway({ shop: storeShop, accessToken: shopify.issueAccessToken(), apiVersion: "2026-10", adminOrigin: shopify.url }),
      links,
      prerequisites: async (link) => (await (await sessions.forLink(link)).api.catalog.getListingPrerequisites()).data.check_results,
      sellerProfiles: createSellerProfileExtensionSource({ baseUrl: tiktok.url }),
      attestations: (attestations = createAttestationRepository(db)),
      productCounts: (shop) => countChosenProducts(db, shop),
      policiesItems: async () => policies,
      adminOrigin: shopify.url,
    };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    await Promise.allSettled([tiktok?.close(), shopify?.close()]);
  });

  /** Links a seeded TikTok shop to the store, as the OAuth callback would. */
  async function link(shopId: string): Promise<TikTokShopLink> {
    const t = (await (await fetch(`${tiktok.url}/sandbox/seller-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shop_id: shopId }) })).json()) as {
      access_token: string; access_token_expire_in: number; refresh_token: string; refresh_token_expire_in: number; open_id: string; shop_id: string; shop_cipher: string; region: string;
    };
    return links.link(storeShop, { id: t.shop_id, name: `Shop ${t.shop_id.slice(-3)}`, region: t.region, cipher: t.shop_cipher }, {
      accessToken: t.access_token, accessTokenExpiresAt: new Date(t.access_token_expire_in * 1000), refreshToken: t.refresh_token,
      refreshTokenExpiresAt: new Date(t.refresh_token_expire_in * 1000), openId: t.open_id, sellerName: undefined, sellerBaseRegion: t.region, userType: 0, grantedScopes: [],
    });
  }
  async function unlinkAll() {
    for (const l of await links.all(storeShop)) await links.unlink(l.id);
  }

  it("before linking: the eligibility it can compute, and Connect as the next step", async () => {
    const c = await loadReadinessChecklist(deps, { shop: storeShop });
    expect(c.tiktokShopId).toBeNull();
    expect(statuses(c)).toEqual({
      "eligibility.region": "done",
      "eligibility.age": "action_needed",
      "eligibility.tiktok_account": "action_needed",
      "eligibility.community_guidelines": "action_needed",
      "linking.authorized": "action_needed",
      "shop_setup.first_products": "action_needed",
    });
    expect(itemOf(c, "eligibility.region").detail).toContain("United States and sells in USD");
    expect(itemOf(c, "linking.authorized").action).toMatchObject({ formIntent: "connect-tiktok" });
    expect(c.sections.map((s) => s.section)).toEqual(["eligibility", "linking", "shop_setup"]);
    expect(c.sections.every((s) => s.faq.length > 0)).toBe(true);
  });

  it("Not Ready Crafts: follower rule, restriction, verification, missing setup and every business-info mismatch flagged", async () => {
    await link(SEED_SHOP_IDS.notReadyUs);
    const c = await loadReadinessChecklist(deps, { shop: storeShop });
    expect(c.tiktokShopId).toBe(SEED_SHOP_IDS.notReadyUs);
    expect(itemOf(c, "eligibility.tiktok_account")).toMatchObject({ status: "blocked", detail: expect.stringContaining("@cal.crafts has 640 followers; affiliate creators in the US need 1,000") });
    expect(itemOf(c, "eligibility.community_guidelines")).toMatchObject({ status: "blocked", detail: expect.stringContaining("Unoriginal content strike") });
    expect(itemOf(c, "business_verification.legal_documents").status).toBe("pending");
    expect(itemOf(c, "business_verification.legal_documents").nextStep).toMatch(/cannot be expedited/);
    expect(itemOf(c, "business_verification.bank_account").status).toBe("action_needed");
    expect(itemOf(c, "business_verification.business_address")).toMatchObject({ status: "action_needed", detail: expect.stringContaining("utility bill") });
    expect(itemOf(c, "policies.prerequisite.return_warehouse")).toMatchObject({ status: "action_needed", detail: expect.stringContaining("No return warehouse") });
    expect(itemOf(c, "policies.prerequisite.shipping_template").status).toBe("action_needed");
    expect(itemOf(c, "payments.prerequisite.bank_account").status).toBe("action_needed");
    // Shopify's demo store vs Cal Crafts: every field differs; TikTok has not verified the name, so TikTok is the side to fix.
    for (const field of ["legal_name", "address", "email", "phone"]) expect(itemOf(c, `shop_setup.business_info.${field}`).status, field).toBe("action_needed");
    expect(itemOf(c, "shop_setup.business_info.legal_name")).toMatchObject({
      detail: 'Shopify says "TikTok Sync Demo LLC", TikTok says "Cal Crafts".', action: { url: "https://seller-us.tiktok.com" },
    });
    expect(itemOf(c, "shop_setup.business_info.address").detail).toMatch(/street, city, postal code, state\/province differ/);
    expect(c.blockers).toBe(2);
    await unlinkAll();
  });

  it("Acme: mismatches flagged until Shopify is corrected, then every item is done once attested", async () => {
    await link(SEED_SHOP_IDS.readyUs);
    let c = await loadReadinessChecklist(deps, { shop: storeShop });
    expect(itemOf(c, "eligibility.tiktok_account")).toMatchObject({ status: "done", detail: expect.stringContaining("@acmehomegoods is your official account (48,210 followers)") });
    // TikTok approved Acme's documents, so the Shopify side is the one to correct (deep link to Settings > General).
    expect(itemOf(c, "shop_setup.business_info.legal_name")).toMatchObject({ status: "action_needed", action: { url: `${shopify.url}/store/${storeShop.replace(".myshopify.com", "")}/settings/general` } });

    const edit = await fetch(`${shopify.url}/sandbox/shop`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({
      contactEmail: "OPS@acme-home.example",
      address: { company: "Acme Home Goods, L.L.C.", address1: "100 Main Street", city: "Los Angeles", province: "California", provinceCode: "CA", zip: "90012", phone: "+1 213 555 0100" },
    }) });
    expect(edit.status).toBe(200);
    await attestations.record(storeShop, "age_18_plus", "Shopify staff user 1");
    await attestations.record(storeShop, "community_guidelines", "Shopify staff user 1");
    await db.catalogProduct.create({ data: { shop: storeShop, productId: "gid://shopify/Product/1", handle: "mug", title: "Mug", status: "ACTIVE", shopifyUpdatedAt: new Date() } });
    await db.productSync.create({ data: { shop: storeShop, productId: "gid://shopify/Product/1", selected: true, state: "queued" } });

    c = await loadReadinessChecklist(deps, { shop: storeShop });
    const notDone = c.sections.flatMap((s) => s.items).filter((i) => i.status !== "done");
    expect(notDone.map((i) => `${i.id}: ${i.detail}`)).toEqual([]);
    expect(c.done).toBe(c.total);
    expect(itemOf(c, "eligibility.age").detail).toMatch(/^Confirmed by Shopify staff user 1 on \d{4}-\d{2}-\d{2}\.$/);
    await unlinkAll();
  });

  it("policies-readiness items replace the prerequisite stand-ins for shipping and payouts", async () => {
    await link(SEED_SHOP_IDS.notReadyUs);
    policies = [{ id: "payments.payout", section: "payments", title: "Payouts", status: "action_needed", detail: "d", why: "w", nextStep: "n", action: null }];
    const c = await loadReadinessChecklist(deps, { shop: storeShop });
    policies = [];
    const ids = c.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(ids).toContain("payments.payout");
    expect(ids).not.toContain("payments.prerequisite.bank_account");
    expect(ids).toContain("policies.prerequisite.return_warehouse");
    await unlinkAll();
  });

  it("Brit & Co: one checklist per linked shop; the GB shop needs GBP", async () => {
    await link(SEED_SHOP_IDS.twoShopsUs);
    await link(SEED_SHOP_IDS.twoShopsGb);
    const us = await loadReadinessChecklist(deps, { shop: storeShop });
    expect(us.links.map((l) => l.region)).toEqual(["US", "GB"]);
    expect(us.tiktokShopId).toBe(SEED_SHOP_IDS.twoShopsUs);
    expect(itemOf(us, "eligibility.region").status).toBe("done");
    const gb = await loadReadinessChecklist(deps, { shop: storeShop, tiktokShopId: SEED_SHOP_IDS.twoShopsGb });
    expect(gb.tiktokShopId).toBe(SEED_SHOP_IDS.twoShopsGb);
    expect(itemOf(gb, "eligibility.region")).toMatchObject({ status: "action_needed", detail: "Your store sells in USD, but TikTok Shop United Kingdom lists and pays out in GBP." });
    expect(itemOf(gb, "eligibility.tiktok_account").status).toBe("done");
    await unlinkAll();
  });

  it("seller-profile adapter: parses the simulator's extensions and says plainly when they cannot be read", async () => {
    const source = createSellerProfileExtensionSource({ baseUrl: tiktok.url });
    const l = await link(SEED_SHOP_IDS.notReadyUs);
    const profile = await source.businessProfile(l);
    expect(profile).toMatchObject({ entityType: "INDIVIDUAL", legalName: "Cal Crafts", registeredAddress: { city: "Fresno", countryCode: "US" }, contactPhone: "(+1)559-555-0199" });
    expect(profile.verification.map((v) => v.status).sort()).toEqual(["APPROVED", "NOT_SUBMITTED", "PENDING", "PENDING", "REJECTED"]);
    const accounts = await source.boundAccounts(l);
    expect(accounts[0]).toMatchObject({ username: "cal.crafts", accountType: "AFFILIATE", followerCount: 640 });
    expect(accounts[0]!.restrictions[0]!.endsAt.getTime()).toBeGreaterThan(Date.now());
    await expect(source.businessProfile({ ...l, tiktokShopId: "7494726673780149999" })).rejects.toThrow(SellerProfileUnavailableError);
    const c = await loadReadinessChecklist({ ...deps, sellerProfiles: createSellerProfileExtensionSource({ baseUrl: "http://127.0.0.1:9" }) }, { shop: storeShop });
    expect(itemOf(c, "business_verification.status")).toMatchObject({ status: "unknown", detail: expect.stringContaining("could not read") });
    expect(itemOf(c, "eligibility.tiktok_account").status).toBe("unknown");
    await unlinkAll();
  });
});
