import { describe, expect, it } from "vitest";
import { summarizeLink } from "../../../app/modules/linking/link-summary";
import type { TikTokShopLink } from "../../../app/modules/linking/tiktok-shop-link-repository";

const now = new Date("2026-11-25T00:00:00Z");
const link = (over: Partial<TikTokShopLink>): TikTokShopLink => ({
  id: "l", shop: "s", tiktokShopId: "7000", tiktokShopName: "Shop", region: "US", shopCipher: "c", status: "active", pausedReason: null,
  accessToken: "a", refreshToken: "r", accessTokenExpiresAt: now, authorizationExpiresAt: new Date("2027-11-20T00:00:00Z"), grantedScopes: [], sellerName: null, syncsCatalog: false, linkedAt: now, ...over,
});

describe("linked shop summary", () => {
  it.each([
    [new Date("2027-11-20T00:00:00Z"), "active", null],
    [new Date("2026-12-20T00:00:00Z"), "active", "warning"],
    [new Date("2026-11-20T00:00:00Z"), "active", "critical"],
    [new Date("2027-11-20T00:00:00Z"), "paused", "critical"],
  ] as const)("authorization ending %s while %s → attention %s", (expiresAt, status, tone) => {
    expect(summarizeLink(link({ authorizationExpiresAt: expiresAt, status }), now).attention?.tone ?? null).toBe(tone);
  });

  it("counts down the days and tells a paused merchant their changes are kept", () => {
    expect(summarizeLink(link({ authorizationExpiresAt: new Date("2026-12-05T12:00:00Z") }), now)).toMatchObject({ daysUntilReauthorization: 10, attention: { message: expect.stringContaining("10 days") } });
    expect(summarizeLink(link({ status: "paused", pausedReason: "TikTok refused to renew." }), now).attention?.message).toMatch(/changes are kept/);
  });

  it("marks the shop the catalog syncs to", () => {
    expect(summarizeLink(link({}), now, "7000").syncsCatalog).toBe(true);
    expect(summarizeLink(link({}), now, "7001").syncsCatalog).toBe(false);
    expect(summarizeLink(link({}), now, null).syncsCatalog).toBe(false);
  });
});
