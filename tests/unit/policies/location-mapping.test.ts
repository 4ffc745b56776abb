import { describe, expect, it } from "vitest";
import { defaultInventoryRules, type InventoryRules } from "../../../app/modules/inventory/inventory-rules";
import { applyMappingChoice, effectiveWarehouseOf } from "../../../app/modules/policies/location-mapping";
import { readyFacts } from "./policies-facts-fixture";

const rules = (over: Partial<InventoryRules>) => ({ ...defaultInventoryRules(), ...over });
const L1 = "gid://shopify/Location/1";
const L2 = "gid://shopify/Location/2";

describe("location → warehouse mapping", () => {
  it.each([
    ["nothing mapped: default warehouse", rules({ defaultWarehouseId: "W1" }), L2, "W1"],
    ["nothing mapped, no default", rules({}), L1, null],
    ["sum mode: mapped location goes to the default warehouse", rules({ defaultWarehouseId: "W1", locationWarehouses: [{ locationId: L1, warehouseId: "W2" }] }), L1, "W1"],
    ["sum mode: unmapped location is not sent", rules({ defaultWarehouseId: "W1", locationWarehouses: [{ locationId: L1, warehouseId: "W1" }] }), L2, null],
    ["per warehouse: its own warehouse", rules({ mode: "per_warehouse", defaultWarehouseId: "W1", locationWarehouses: [{ locationId: L2, warehouseId: "W2" }] }), L2, "W2"],
    ["no default: the first mapping is the default", rules({ locationWarehouses: [{ locationId: L1, warehouseId: "W2" }] }), L1, "W2"],
  ])("%s", (_name, r, location, expected) => {
    expect(effectiveWarehouseOf(r, location)).toBe(expected);
  });

  const warehouses = readyFacts().tiktok!.warehouses;
  it.each([
    ["one warehouse for both → sum", [{ locationId: L1, warehouseId: "W1" }, { locationId: L2, warehouseId: "W1" }], { ok: true, inventory: { mode: "sum", defaultWarehouseId: "W1" } }],
    ["two warehouses → per warehouse", [{ locationId: L1, warehouseId: "W1" }, { locationId: L2, warehouseId: "W2" }], { ok: true, inventory: { mode: "per_warehouse", defaultWarehouseId: "W1" } }],
    ["one location not sold", [{ locationId: L1, warehouseId: null }, { locationId: L2, warehouseId: "W2" }], { ok: true, inventory: { mode: "sum", defaultWarehouseId: "W2", locationWarehouses: [{ locationId: L2, warehouseId: "W2" }] } }],
    ["a return warehouse is refused", [{ locationId: L1, warehouseId: "R1" }], { ok: false, message: expect.stringContaining("R1 is not an active sales warehouse") }],
    ["an unknown warehouse is refused", [{ locationId: L1, warehouseId: "999" }], { ok: false }],
    ["no location sold at all is refused", [{ locationId: L1, warehouseId: null }], { ok: false, message: expect.stringContaining("no stock reaches TikTok") }],
  ])("save: %s", (_name, choice, expected) => {
    expect(applyMappingChoice({ defaultWarehouseId: null }, choice, warehouses)).toMatchObject(expected);
  });

  it("save keeps the current default warehouse when it is still chosen", () => {
    const result = applyMappingChoice({ defaultWarehouseId: "W2" }, [{ locationId: L1, warehouseId: "W1" }, { locationId: L2, warehouseId: "W2" }], warehouses);
    expect(result).toMatchObject({ ok: true, inventory: { defaultWarehouseId: "W2" } });
  });
});
