import { describe, expect, it } from "vitest";
import { PREREQUISITES_RECHECK_MS, prerequisitesNeedCheck } from "../../../app/modules/catalog/listing-context";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const ok = { shippingTemplateConfigured: true, returnPolicyConfigured: true };

describe("prerequisitesNeedCheck (shipping template and return warehouse, fixed in Seller Center)", () => {
  it.each([
    ["never checked", undefined, true],
    ["both set up, checked long ago", { ...ok, checkedAt: ago(24 * 3600_000) }, false],
    ["both set up, stored before checks were dated", ok, false],
    ["no shipping template, checked a minute ago", { ...ok, shippingTemplateConfigured: false, checkedAt: ago(60_000) }, false],
    ["no shipping template, checked longer ago than the recheck interval", { ...ok, shippingTemplateConfigured: false, checkedAt: ago(PREREQUISITES_RECHECK_MS + 1) }, true],
    ["no return warehouse, stored before checks were dated", { ...ok, returnPolicyConfigured: false }, true],
    ["unknown (TikTok did not say), checked long ago", { shippingTemplateConfigured: null, returnPolicyConfigured: true, checkedAt: ago(PREREQUISITES_RECHECK_MS * 2) }, true],
  ] as const)("%s → ask TikTok: %s", (_name, policies, expected) => {
    expect(prerequisitesNeedCheck(policies, now)).toBe(expected);
  });
});
