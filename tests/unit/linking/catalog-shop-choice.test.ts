import { describe, expect, it } from "vitest";
import { catalogShopChangeRefusal, pickCatalogShop, settingsForNewCatalogShop, type CatalogShopCandidate } from "../../../app/modules/linking/catalog-shop-choice";

const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, "0")}T00:00:00Z`);
const link = (tiktokShopId: string, over: Partial<CatalogShopCandidate> = {}): CatalogShopCandidate => ({ tiktokShopId, status: "active", syncsCatalog: false, linkedAt: at(Number(tiktokShopId)), ...over });

describe("which linked shop the catalog syncs to", () => {
  it.each([
    ["none linked", [], null],
    ["the only link", [link("1")], "1"],
    ["first linked when none chosen", [link("2"), link("1")], "1"],
    ["the chosen one", [link("1"), link("2", { syncsCatalog: true })], "2"],
    ["a chosen but unlinked shop is ignored", [link("1"), link("2", { syncsCatalog: true, status: "unlinked" })], "1"],
    ["an active shop before a paused one", [link("1", { status: "paused" }), link("2")], "2"],
    ["a chosen paused shop stays chosen (sync waits for reconnect)", [link("1"), link("2", { status: "paused", syncsCatalog: true })], "2"],
    ["only paused: still returned, so jobs wait", [link("1", { status: "paused" })], "1"],
    ["only unlinked", [link("1", { status: "unlinked" })], null],
  ])("%s", (_name, links, expected) => {
    expect(pickCatalogShop(links)?.tiktokShopId ?? null).toBe(expected);
  });

  it.each([
    ["no listing yet", 0, null],
    ["listings on the current shop", 3, /3 products are already listed on Brit & Co US \(US\)/],
    ["one listing", 1, /1 product is already listed/],
  ])("change refused when %s", (_name, listed, expected) => {
    const refusal = catalogShopChangeRefusal({ current: { name: "Brit & Co US (US)" }, target: { ...link("2"), name: "Brit & Co UK (GB)" }, listedProducts: listed });
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it("an unlinked target is refused", () => {
    expect(catalogShopChangeRefusal({ current: null, target: { ...link("2", { status: "unlinked" }), name: "X" }, listedProducts: 0 })).toMatch(/no longer linked/);
  });

  it("moving the catalog forgets what was looked up in the old shop and keeps the merchant's rules", () => {
    const next = settingsForNewCatalogShop({
      listing: {
        region: "US", shopifyCurrency: "USD", policies: { shippingTemplateConfigured: true, returnPolicyConfigured: true },
        categoryMapping: [{ match: { productType: "Mugs" }, categoryId: "1", categoryVersion: "v2", suggestedBy: "tiktok" }, { match: { tag: "tee" }, categoryId: "2", categoryVersion: "v2" }],
        categoryRequirements: [{ categoryId: "1" }, { categoryId: "2" }],
      },
      inventory: { defaultWarehouseId: "W1", locationWarehouses: [{ locationId: "L", warehouseId: "W1" }], buffer: { kind: "fixed", units: 2 } },
      price: { rounding: { kind: "whole" } },
    });
    expect(next.listing).toEqual({ shopifyCurrency: "USD", categoryMapping: [{ match: { tag: "tee" }, categoryId: "2", categoryVersion: "v2" }], categoryRequirements: [{ categoryId: "2" }] });
    expect(next.inventory).toEqual({ defaultWarehouseId: null, locationWarehouses: [], buffer: { kind: "fixed", units: 2 } });
    expect(next.price).toEqual({ rounding: { kind: "whole" } });
  });
});
