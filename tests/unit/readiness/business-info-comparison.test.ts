// Shopify business details vs TikTok's seller profile, field by field, after normalising form-only differences.
import { describe, expect, it } from "vitest";
import { addressDifferences, compareBusinessInfo, normalizeText, samePhone, US_STATE_NAMES, type ShopifyBusinessInfo } from "../../../app/modules/readiness/business-info-comparison";
import type { PostalAddress, SellerBusinessProfile } from "../../../app/modules/readiness/seller-profile";

const addr = (over: Partial<PostalAddress> = {}): PostalAddress => ({ line1: "100 Main Street", line2: "", city: "Los Angeles", province: "CA", postalCode: "90012", countryCode: "US", ...over });

describe("normalisation", () => {
  it.each([
    ["Acme Home Goods LLC", "acme home goods, L.L.C."],
    ["Brit and Co Ltd", "BRIT & CO LIMITED"],
    ["  Café  Crème Inc. ", "cafe creme incorporated"],
  ])("%s ≡ %s", (a, b) => expect(normalizeText(a)).toBe(normalizeText(b)));
  it.each([["Acme Home Goods LLC", "Acme Home LLC"], ["Brit and Co Ltd", "Brit and Co Inc"]])("%s ≢ %s", (a, b) => expect(normalizeText(a)).not.toBe(normalizeText(b)));

  it.each([
    ["+12135550100", "(+1)213-555-0100", true],
    ["213 555 0100", "(+1)213-555-0100", true],
    ["+442079460000", "(+44)20-7946-0000", true],
    ["+12125550143", "(+1)213-555-0100", false],
    ["", "(+1)213-555-0100", false],
    ["0100", "(+1)213-555-0100", false],
  ])("phone %s vs %s → %s", (a, b, same) => expect(samePhone(a, b)).toBe(same));

  it.each([
    ["same address, different form", addr({ line1: "100 MAIN ST.", province: "California", postalCode: "90012-1234" }), []],
    ["other street", addr({ line1: "102 Main St" }), ["street"]],
    ["other city and ZIP", addr({ city: "Fresno", postalCode: "93701" }), ["city", "postal code"]],
    ["other state", addr({ province: "NV" }), ["state/province"]],
    ["other country", addr({ countryCode: "GB" }), ["country"]],
    ["other postcode", addr({ postalCode: "e16an" }), ["postal code"]],
  ] as const)("%s", (_name, shopify, diffs) => {
    expect(addressDifferences(shopify, addr(), US_STATE_NAMES)).toEqual(diffs);
  });
  it("UK postcodes match regardless of spacing and case", () => {
    expect(addressDifferences(addr({ postalCode: "e16an", countryCode: "GB", province: "" }), addr({ postalCode: "E1 6AN", countryCode: "GB", province: "England" }))).toEqual([]);
  });
});

const tiktok = (over: Partial<SellerBusinessProfile> = {}): SellerBusinessProfile => ({
  entityType: "BUSINESS", legalName: "Acme Home Goods LLC", registeredAddress: addr(), contactEmail: "ops@acme-home.example", contactPhone: "(+1)213-555-0100",
  verification: [
    { item: "LEGAL_DOCUMENTS", status: "APPROVED", rejectReason: "", updatedAt: new Date() },
    { item: "BUSINESS_ADDRESS", status: "APPROVED", rejectReason: "", updatedAt: new Date() },
  ],
  ...over,
});
const shopify = (over: Partial<ShopifyBusinessInfo> = {}): ShopifyBusinessInfo => ({
  legalName: "Acme Home Goods, LLC", address: addr({ province: "California" }), emails: ["owner@acme.example", "ops@acme-home.example"], phone: "+12135550100", ...over,
});
const ctx = { shop: "acme.myshopify.com", region: "US", adminOrigin: "https://admin.example", provinceNames: US_STATE_NAMES };

describe("compareBusinessInfo", () => {
  it("matching details: every field done", () => {
    const items = compareBusinessInfo(shopify(), tiktok(), ctx);
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ["shop_setup.business_info.legal_name", "done"], ["shop_setup.business_info.address", "done"],
      ["shop_setup.business_info.email", "done"], ["shop_setup.business_info.phone", "done"],
    ]);
  });

  it.each([
    ["legal name, TikTok verified it → correct Shopify", shopify({ legalName: "TikTok Sync Demo LLC" }), tiktok(), "legal_name", "https://admin.example/store/acme/settings/general", /TikTok has verified "Acme Home Goods LLC"/],
    ["legal name, not verified yet → correct TikTok", shopify({ legalName: "TikTok Sync Demo LLC" }), tiktok({ verification: [] }), "legal_name", "https://seller-us.tiktok.com", /has not verified/],
    ["address, TikTok verified it → correct Shopify", shopify({ address: addr({ line1: "150 Elgin Street", city: "Brooklyn", province: "NY", postalCode: "11201" }) }), tiktok(), "address", "https://admin.example/store/acme/settings/general", /street, city, postal code, state\/province differ/],
    ["address rejected by TikTok → correct TikTok", shopify({ address: addr({ line1: "1 Other Rd" }) }), tiktok({ verification: [{ item: "BUSINESS_ADDRESS", status: "REJECTED", rejectReason: "x", updatedAt: new Date() }] }), "address", "https://seller-us.tiktok.com", /registered address/],
    ["email → change on TikTok", shopify({ emails: ["owner@demo.example"] }), tiktok(), "email", "https://seller-us.tiktok.com", /contact email in Seller Center/],
    ["phone → change on TikTok", shopify({ phone: "+12125550143" }), tiktok(), "phone", "https://seller-us.tiktok.com", /contact phone/],
  ] as const)("%s", (_name, s, t, field, url, nextStep) => {
    const items = compareBusinessInfo(s, t, ctx);
    const mismatched = items.filter((i) => i.status !== "done");
    expect(mismatched.map((i) => i.id)).toEqual([`shop_setup.business_info.${field}`]);
    expect(mismatched[0]!.status).toBe("action_needed");
    expect(mismatched[0]!.action?.url).toBe(url);
    expect(`${mismatched[0]!.detail} ${mismatched[0]!.nextStep}`).toMatch(nextStep);
    expect(mismatched[0]!.detail).toMatch(/Shopify says ".+", TikTok says ".+"/);
  });
});
