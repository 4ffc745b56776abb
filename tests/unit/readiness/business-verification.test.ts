import { describe, expect, it } from "vitest";
import { judgeBusinessVerification, verificationUnavailable } from "../../../app/modules/readiness/business-verification";
import type { SellerBusinessProfile } from "../../../app/modules/readiness/seller-profile";

const at = new Date("2026-11-20T00:00:00Z");
const profile = (entityType: SellerBusinessProfile["entityType"], items: Array<[string, string, string?]>): SellerBusinessProfile => ({
  entityType, legalName: "x", registeredAddress: { line1: "", line2: "", city: "", province: "", postalCode: "", countryCode: "US" }, contactEmail: "", contactPhone: "",
  verification: items.map(([item, status, rejectReason]) => ({ item, status, rejectReason: rejectReason ?? "", updatedAt: at })),
});

describe("judgeBusinessVerification", () => {
  it.each([
    ["LEGAL_DOCUMENTS", "APPROVED", "done", /Approved by TikTok on 2026-11-20/, null],
    ["LEGAL_DOCUMENTS", "PENDING", "pending", /TikTok is reviewing/, /cannot be expedited/],
    ["KEY_PERSON_IDENTITY", "NOT_SUBMITTED", "action_needed", /Not submitted/, /Submit a clear photo of your government-issued ID/],
    ["BANK_ACCOUNT", "NOT_SUBMITTED", "action_needed", /Not submitted/, /bank account in your own name/],
    ["BUSINESS_ADDRESS", "REJECTED", "action_needed", /utility bill does not match/, /Resubmit a utility bill/],
    ["TAX_INFORMATION", "PENDING", "pending", /reviewing/, /cannot be expedited/],
  ] as const)("%s %s → %s", (item, status, expected, detail, next) => {
    const [result] = judgeBusinessVerification(profile("INDIVIDUAL", [[item, status, "The address on the utility bill does not match the registered address."]]), "US");
    expect(result!.status).toBe(expected);
    expect(result!.id).toBe(`business_verification.${item.toLowerCase()}`);
    expect(result!.detail).toMatch(detail);
    if (next) expect(result!.nextStep).toMatch(next);
    else expect(result!.nextStep).toBeNull();
    if (expected === "action_needed") expect(result!.action?.url).toBe("https://seller-us.tiktok.com");
    // Never an "expedite" button: waiting items have no action at all.
    if (expected === "pending") expect(result!.action).toBeNull();
  });

  it("asks a business for business documents and keeps TikTok's order of items", () => {
    const items = judgeBusinessVerification(profile("BUSINESS", [["BANK_ACCOUNT", "NOT_SUBMITTED"], ["LEGAL_DOCUMENTS", "NOT_SUBMITTED"]]), "GB");
    expect(items.map((i) => i.id)).toEqual(["business_verification.legal_documents", "business_verification.bank_account"]);
    expect(items[0]!.nextStep).toMatch(/business registration document/);
    expect(items[1]!.action?.url).toBe("https://seller-uk.tiktok.com");
  });

  it("says where to look when TikTok's record cannot be read", () => {
    const item = verificationUnavailable("US", "HTTP 404");
    expect(item.status).toBe("unknown");
    expect(item.detail).toContain("HTTP 404");
    expect(item.nextStep).toMatch(/Seller Center/);
  });
});
