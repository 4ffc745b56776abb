// Every eligibility rule, table-driven, including each of the 16 TikTok Shop markets (contract §0, §11).
import { describe, expect, it } from "vitest";
import { TIKTOK_REGIONS } from "../../../app/modules/listing/listing-limits";
import { ATTESTATION_TEXT, judgeAge, judgeCommunityStanding, judgeRegion, judgeTikTokAccount, type Attestation } from "../../../app/modules/readiness/eligibility-rules";
import { REGION_RULES, regionRuleFor } from "../../../app/modules/readiness/region-rules";
import type { BoundTikTokAccount } from "../../../app/modules/readiness/seller-profile";

const shop = "demo.myshopify.com";
const now = new Date("2026-11-25T12:00:00Z");
const account = (over: Partial<BoundTikTokAccount> = {}): BoundTikTokAccount => ({
  username: "brand", displayName: "Brand", accountType: "OFFICIAL", followerCount: 0, ageVerified18Plus: true, restrictions: [], ...over,
});
const attestation = (kind: Attestation["kind"], over: Partial<Attestation> = {}): Attestation => ({
  kind, attestedBy: "Shopify staff user 7", attestedAt: new Date("2026-11-20T10:00:00Z"), textVersion: ATTESTATION_TEXT[kind].version, ...over,
});

const CURRENCIES: Record<string, string> = {
  US: "USD", GB: "GBP", DE: "EUR", FR: "EUR", IE: "EUR", IT: "EUR", ES: "EUR", BR: "BRL", MX: "MXN", JP: "JPY",
  ID: "IDR", MY: "MYR", PH: "PHP", SG: "SGD", TH: "THB", VN: "VND",
};

describe("region rules as data", () => {
  it("covers exactly the 16 markets, each with its currency, a Seller Center and dated sources", () => {
    expect(Object.keys(REGION_RULES).sort()).toEqual([...TIKTOK_REGIONS].sort());
    expect(TIKTOK_REGIONS).toHaveLength(16);
    for (const region of TIKTOK_REGIONS) {
      const rule = REGION_RULES[region];
      expect(rule.currency, region).toBe(CURRENCIES[region]);
      expect(rule.sellerCenterUrl).toMatch(/^https:\/\/seller-[a-z]{2}\.tiktok\.com$/);
      expect(rule.sources.length).toBeGreaterThanOrEqual(2);
      for (const s of rule.sources) expect(s.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // An unsourced follower minimum is never a guess: null, lower confidence, and a note saying so.
      if (rule.affiliateFollowerMinimum === null) {
        expect(rule.confidence).not.toBe("high");
        expect(rule.note).toMatch(/follower minimum/);
      }
    }
    expect(REGION_RULES.US.affiliateFollowerMinimum).toBe(1000);
    expect(REGION_RULES.TH.affiliateFollowerMinimum).toBe(1000);
    expect(regionRuleFor("UK")?.region).toBe("GB");
    expect(regionRuleFor("CA")).toBeNull();
  });
});

describe("judgeRegion", () => {
  it.each(TIKTOK_REGIONS.map((r) => [r, CURRENCIES[r]!] as const))("%s store selling in %s is eligible", (country, currency) => {
    const item = judgeRegion({ storeCountry: country, storeCurrency: currency, shop });
    expect(item.status).toBe("done");
    expect(item.source?.checkedOn).toBeTruthy();
  });

  it.each(TIKTOK_REGIONS.map((r) => [r, CURRENCIES[r] === "USD" ? "CAD" : "USD"] as const))("%s store selling in %s must change currency", (country, currency) => {
    const item = judgeRegion({ storeCountry: country, storeCurrency: currency, shop, adminOrigin: "https://admin.example" });
    expect(item.status).toBe("action_needed");
    expect(item.detail).toContain(CURRENCIES[country]!);
    expect(item.action?.url).toBe("https://admin.example/store/demo/settings/general");
  });

  it.each([
    ["CA", "CAD", "blocked", /does not take sellers based in CA/],
    ["AU", "AUD", "blocked", /United States/],
    [null, "USD", "action_needed", /no address/],
  ] as const)("store in %s (%s) → %s", (country, currency, status, detail) => {
    const item = judgeRegion({ storeCountry: country, storeCurrency: currency, shop });
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(detail);
    expect(item.nextStep).toBeTruthy();
  });

  it("judges the currency against the linked shop's market, not the store's country", () => {
    expect(judgeRegion({ storeCountry: "US", storeCurrency: "USD", linkedRegion: "GB", shop }).status).toBe("action_needed");
    expect(judgeRegion({ storeCountry: "GB", storeCurrency: "GBP", linkedRegion: "GB", shop }).status).toBe("done");
  });
});

describe("judgeAge", () => {
  it.each([
    ["no attestation", null, null, "action_needed"],
    ["current attestation", attestation("age_18_plus"), null, "done"],
    ["attestation of an older wording", attestation("age_18_plus", { textVersion: "2020-01" }), null, "action_needed"],
    ["TikTok has not age-verified the account", attestation("age_18_plus"), [account({ ageVerified18Plus: false })], "blocked"],
    ["TikTok verified the account", attestation("age_18_plus"), [account()], "done"],
  ] as const)("%s → %s", (_name, att, accounts, status) => {
    const item = judgeAge(att as Attestation | null, accounts as BoundTikTokAccount[] | null);
    expect(item.status).toBe(status);
    if (status === "done") expect(item.detail).toContain("Shopify staff user 7 on 2026-11-20");
    if (status === "action_needed") expect(item.action?.formIntent).toBe("attest:age_18_plus");
  });
});

describe("judgeTikTokAccount", () => {
  const cases: Array<[string, Parameters<typeof judgeTikTokAccount>[0], string, RegExp]> = [
    ["not linked", { linked: false, accounts: null, region: null }, "action_needed", /once your TikTok Shop is connected/],
    ["accounts unreadable", { linked: true, accounts: null, region: "US", readError: "HTTP 404" }, "unknown", /HTTP 404/],
    ["no account bound", { linked: true, accounts: [], region: "US" }, "action_needed", /No TikTok account/],
    ["official account with no followers", { linked: true, accounts: [account({ followerCount: 0 })], region: "US" }, "done", /no minimum/],
    ["marketing account with 12 followers", { linked: true, accounts: [account({ accountType: "MARKETING", followerCount: 12 })], region: "US" }, "done", /marketing/],
    ["US affiliate with 640 followers", { linked: true, accounts: [account({ accountType: "AFFILIATE", username: "cal.crafts", followerCount: 640 })], region: "US" }, "blocked",
      /@cal\.crafts has 640 followers; affiliate creators in the US need 1,000/],
    ["US affiliate with exactly 1,000", { linked: true, accounts: [account({ accountType: "AFFILIATE", followerCount: 1000 })], region: "US" }, "done", /1,000 followers/],
    ["TH affiliate with 999", { linked: true, accounts: [account({ accountType: "AFFILIATE", followerCount: 999 })], region: "TH" }, "blocked", /Thailand need 1,000/],
    ["affiliate plus an official account", { linked: true, accounts: [account({ accountType: "AFFILIATE", followerCount: 5 }), account({ username: "brand" })], region: "US" }, "done", /@brand/],
  ];
  it.each(cases)("%s → %s", (_name, input, status, detail) => {
    const item = judgeTikTokAccount(input);
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(detail);
  });

  it.each(TIKTOK_REGIONS.map((r) => [r] as const))("an affiliate creator with 640 followers in %s is judged by that market's rule", (region) => {
    const item = judgeTikTokAccount({ linked: true, accounts: [account({ accountType: "AFFILIATE", followerCount: 640 })], region });
    const minimum = REGION_RULES[region].affiliateFollowerMinimum;
    expect(item.status).toBe(minimum === null ? "unknown" : "blocked");
    expect(item.nextStep).toMatch(/official account/);
    expect(item.action?.url).toBe(REGION_RULES[region].sellerCenterUrl);
  });
});

describe("judgeCommunityStanding", () => {
  const strike = { type: "COMMUNITY_GUIDELINES_STRIKE", reason: "Unoriginal content strike", startsAt: new Date("2026-11-23T00:00:00Z"), endsAt: new Date("2026-11-30T00:00:00Z") };
  it.each([
    ["no attestation, nothing reported", null, [account()], "action_needed"],
    ["attested, nothing reported", attestation("community_guidelines"), [account()], "done"],
    ["attested, not linked yet", attestation("community_guidelines"), null, "done"],
    ["attested but TikTok reports an active restriction", attestation("community_guidelines"), [account({ restrictions: [strike] })], "blocked"],
    ["a restriction that has ended", attestation("community_guidelines"), [account({ restrictions: [{ ...strike, endsAt: new Date("2026-11-24T00:00:00Z") }] })], "done"],
  ] as const)("%s → %s", (_name, att, accounts, status) => {
    const item = judgeCommunityStanding(att as Attestation | null, accounts as unknown as BoundTikTokAccount[] | null, "US", now);
    expect(item.status).toBe(status);
    if (status === "blocked") expect(item.detail).toContain("Unoriginal content strike (until 2026-11-30)");
  });
});
