import { describe, expect, it } from "vitest";
import type { PoliciesFacts } from "../../../app/modules/policies/policies-facts";
import { checkPayout } from "../../../app/modules/policies/payout-check";
import { checkReturnPolicy } from "../../../app/modules/policies/return-policy-check";
import { checkDeliveryOptions, checkLocationMapping, checkReturnWarehouse, checkShippingTemplate } from "../../../app/modules/policies/shipping-checks";
import { judgePolicies } from "../../../app/modules/readiness/policies-readiness";
import { readyFacts, withPrerequisite } from "./policies-facts-fixture";

const change = (f: (facts: PoliciesFacts) => void): PoliciesFacts => {
  const facts = structuredClone(readyFacts());
  f(facts);
  return facts;
};

describe("policies and payments readiness", () => {
  it("GIVEN a ready store and shop THEN every item is done, in the policies and payments sections", () => {
    const items = judgePolicies(readyFacts());
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ["policies.shipping_mapping", "done"],
      ["policies.return_warehouse", "done"],
      ["policies.shipping_template", "done"],
      ["policies.delivery", "done"],
      ["policies.return_policy", "done"],
      ["payments.payout", "done"],
    ]);
    expect(new Set(items.map((i) => i.section))).toEqual(new Set(["policies", "payments"]));
    for (const item of items) expect(item.nextStep).toBeNull();
  });

  it("GIVEN no linked TikTok shop THEN every item is blocked and says to connect", () => {
    for (const item of judgePolicies({ ...readyFacts(), tiktok: null })) {
      expect(item.status).toBe("blocked");
      expect(item.nextStep).toMatch(/Connect your TikTok Shop/);
    }
  });

  it("GIVEN TikTok could not be read THEN items are unknown and repeat TikTok's error", () => {
    for (const item of judgePolicies({ ...readyFacts(), tiktok: null, tiktokError: "TikTok refused to renew" })) {
      expect(item.status).toBe("unknown");
      expect(item.detail).toContain("TikTok refused to renew");
    }
  });

  describe("locations → warehouses", () => {
    it.each([
      ["no location mapped: all go to the default warehouse", (f: PoliciesFacts) => f, "done", /Brooklyn → LA Warehouse; Los Angeles → LA Warehouse/],
      ["one mapped, the other with stock not", (f: PoliciesFacts) => { f.inventoryRules.locationWarehouses = [{ locationId: "gid://shopify/Location/1", warehouseId: "W1" }]; }, "action_needed", /Los Angeles has stock but is not linked/],
      ["unmapped location without stock is fine", (f: PoliciesFacts) => { f.inventoryRules.locationWarehouses = [{ locationId: "gid://shopify/Location/1", warehouseId: "W1" }]; f.shopify.locations[1]!.hasStock = false; }, "done", /Brooklyn → LA Warehouse\.$/],
      ["unknown stock (sample empty) counts as stock", (f: PoliciesFacts) => { f.inventoryRules.locationWarehouses = [{ locationId: "gid://shopify/Location/1", warehouseId: "W1" }]; f.shopify.locations[1]!.hasStock = null; }, "action_needed", /Los Angeles has stock/],
      ["warehouse not in the TikTok shop", (f: PoliciesFacts) => { f.inventoryRules.defaultWarehouseId = "OTHER"; }, "action_needed", /warehouse OTHER, which is not in your TikTok shop Acme US/],
      ["mapped to the return warehouse", (f: PoliciesFacts) => { f.inventoryRules.defaultWarehouseId = "R1"; }, "action_needed", /Returns LA, a return warehouse/],
      ["mapped to a disabled warehouse", (f: PoliciesFacts) => { f.tiktok!.warehouses[0]!.enabled = false; }, "action_needed", /LA Warehouse, which TikTok has disabled/],
      ["per warehouse mode", (f: PoliciesFacts) => { f.inventoryRules.mode = "per_warehouse"; f.inventoryRules.locationWarehouses = [{ locationId: "gid://shopify/Location/1", warehouseId: "W1" }, { locationId: "gid://shopify/Location/2", warehouseId: "W2" }]; }, "done", /Los Angeles → Reno Warehouse/],
      ["no sales warehouse at all", (f: PoliciesFacts) => { f.tiktok!.warehouses = f.tiktok!.warehouses.filter((w) => w.type !== "SALES_WAREHOUSE"); }, "blocked", /no active sales \(pickup\) warehouse/],
    ])("%s", (_name, edit, status, detail) => {
      const item = checkLocationMapping(change(edit as (f: PoliciesFacts) => void));
      expect(item.status).toBe(status);
      expect(item.detail).toMatch(detail);
      if (status !== "done") expect(item.nextStep).toBeTruthy();
    });
  });

  it.each([
    ["no return warehouse", (f: PoliciesFacts) => { f.tiktok!.warehouses = f.tiktok!.warehouses.filter((w) => w.type !== "RETURN_WAREHOUSE"); }],
    ["prerequisites say no return warehouse", (f: PoliciesFacts) => Object.assign(f, withPrerequisite(f, "RETURN_WAREHOUSE", true))],
    ["return warehouse disabled", (f: PoliciesFacts) => { f.tiktok!.warehouses[2]!.enabled = false; }],
  ])("return warehouse: %s → blocked with code 12052535 and a Seller Center link", (_name, edit) => {
    const item = checkReturnWarehouse(change(edit as (f: PoliciesFacts) => void));
    expect(item.status).toBe("blocked");
    expect(item.detail).toContain("TikTok error 12052535");
    expect(item.action).toMatchObject({ url: "https://seller-us.tiktok.com", external: true });
  });

  it.each([
    [false, "done", null],
    [true, "blocked", "12052402"],
    [undefined, "unknown", null],
  ] as const)("shipping template: prerequisite failed=%s → %s", (failed, status, code) => {
    const base = readyFacts();
    const facts = failed === undefined ? { ...base, tiktok: { ...base.tiktok!, prerequisites: base.tiktok!.prerequisites!.filter((p) => p.item !== "SHIPPING_TEMPLATE") } } : withPrerequisite(base, "SHIPPING_TEMPLATE", failed);
    const item = checkShippingTemplate(facts);
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(/cannot read shipping templates/);
    if (code) expect(item.detail).toContain(`TikTok error ${code}`);
  });

  it("shipping template: a GB shop gets the UK Seller Center", () => {
    const facts = withPrerequisite(change((f) => { f.tiktok!.region = "GB"; }), "SHIPPING_TEMPLATE", true);
    expect(checkShippingTemplate(facts).action?.url).toBe("https://seller-uk.tiktok.com");
  });

  it.each([
    ["ready", (f: PoliciesFacts) => f, "done", /Shopify: Standard 4.99 USD\. TikTok: Standard shipping\./],
    ["warehouse in use has no delivery option", (f: PoliciesFacts) => { f.tiktok!.deliveryOptions.W1 = []; }, "action_needed", /no delivery option from LA Warehouse/],
    ["an unused warehouse without options is fine", (f: PoliciesFacts) => { f.tiktok!.deliveryOptions.W2 = []; }, "done", /TikTok: Standard shipping/],
    ["Shopify does not ship to the TikTok region", (f: PoliciesFacts) => { f.tiktok!.region = "GB"; }, "action_needed", /none of your Shopify delivery profiles ships to the United Kingdom/],
    ["rest of world covers the region", (f: PoliciesFacts) => { f.tiktok!.region = "GB"; f.shopify.deliveryProfiles[0]!.zones[0]!.restOfWorld = true; }, "done", /Shopify: Standard/],
  ])("delivery: %s", (_name, edit, status, detail) => {
    const item = checkDeliveryOptions(change(edit as (f: PoliciesFacts) => void));
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(detail);
  });

  it.each([
    ["30 days vs US 30", "We accept returns within 30 days of delivery.", "US", "done"],
    ["60 days is more generous", "Returns accepted within 60 days.", "US", "done"],
    ["14 days is shorter than TikTok's 30", "You may return items within 14 days.", "US", "action_needed"],
    ["no window in the text", "Contact us about returns.", "US", "unknown"],
    ["region without data", "Returns within 30 days.", "JP", "unknown"],
    ["empty policy", "", "US", "action_needed"],
  ])("return policy: %s → %s", (_name, text, region, status) => {
    const item = checkReturnPolicy(change((f) => { f.shopify.refundPolicy!.text = text; f.tiktok!.region = region; }));
    expect(item.status).toBe(status);
    if (status !== "done") expect(item.nextStep).toBeTruthy();
    if (region === "US") expect(item.source?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("return policy: no policy at all says where to write one", () => {
    const item = checkReturnPolicy(change((f) => { f.shopify.refundPolicy = null; }));
    expect(item).toMatchObject({ status: "action_needed", detail: expect.stringContaining("no refund policy") });
    expect(item.nextStep).toMatch(/at least 30 days/);
  });

  it.each([
    [false, "done", /bank account is linked.*TikTok pays out in USD, your store's currency/],
    [true, "blocked", /no bank account for payouts \(TikTok: "No bank account is linked for payouts\."\)/],
  ] as const)("payout: bank account check failed=%s → %s", (failed, status, detail) => {
    const item = checkPayout(withPrerequisite(readyFacts(), "BANk_ACCOUNT", failed, failed ? ["No bank account is linked for payouts."] : []));
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(detail);
    if (failed) expect(item.nextStep).toMatch(/Finance → Bank account/);
  });

  it("payout: a GB shop for a USD store says TikTok pays out in GBP", () => {
    expect(checkPayout(change((f) => { f.tiktok!.region = "GB"; })).detail).toContain("TikTok pays out in GBP, while your store sells in USD");
  });

  it("payout: unknown when TikTok does not report the bank check", () => {
    const facts = change((f) => { f.tiktok!.prerequisites = f.tiktok!.prerequisites!.filter((p) => p.item !== "BANk_ACCOUNT"); });
    expect(checkPayout(facts).status).toBe("unknown");
  });
});
