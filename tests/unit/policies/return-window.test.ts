import { describe, expect, it } from "vitest";
import { returnWindowDays } from "../../../app/modules/policies/return-window";
import { tiktokReturnRule } from "../../../app/modules/policies/tiktok-return-rules";
import { sellerCenterUrl } from "../../../app/modules/policies/seller-center-links";

describe("return window in a refund policy", () => {
  it.each([
    ["<p>We accept returns within 30 days of delivery. Refunds are issued to the original payment method within 10 business days of receiving the return.</p>", 30],
    ["14-day returns on all full-price items.", 14],
    ["You have thirty (30) days to return an item.", 30],
    ["Items can be exchanged within 60 calendar days.", 60],
    ["Refunds are processed within 5 days. We do not accept returns.", null],
    ["All sales are final.", null],
  ])("%s → %s", (text, days) => {
    expect(returnWindowDays(text)).toBe(days);
  });
});

describe("TikTok return rules and Seller Center, as data", () => {
  it.each([["US", 30], ["GB", 30], ["UK", 30], ["VN", 15], ["JP", null]])("%s → %s days", (region, days) => {
    expect(tiktokReturnRule(region)?.returnWindowDays ?? null).toBe(days);
  });
  it("every rule names its source and date", () => {
    for (const region of ["US", "GB", "VN"]) expect(tiktokReturnRule(region)!.source).toMatchObject({ url: expect.stringMatching(/^https:\/\//), checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
  it.each([["US", "https://seller-us.tiktok.com"], ["GB", "https://seller-uk.tiktok.com"], ["ZZ", "https://seller.tiktokglobalshop.com"], [null, "https://seller.tiktokglobalshop.com"]])("Seller Center for %s", (region, url) => {
    expect(sellerCenterUrl(region)).toBe(url);
  });
});
