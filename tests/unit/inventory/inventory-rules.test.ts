import { describe, expect, it } from "vitest";
import { bufferedQuantity, computeSkuInventory, defaultInventoryRules, type InventoryRules } from "../../../app/modules/inventory/inventory-rules";
import type { ShopifyVariant } from "../../../app/modules/listing/shopify-product";

const level = (locationId: string, quantity: number) => ({ location: { id: locationId, name: locationId }, quantities: [{ name: "available", quantity }] });
function variant(over: { tracked?: boolean; policy?: "DENY" | "CONTINUE"; total?: number | null; levels?: ReturnType<typeof level>[] } = {}): ShopifyVariant {
  return {
    id: "gid://shopify/ProductVariant/1", title: "Default Title", position: 1, sku: "A", price: "10", compareAtPrice: null, barcode: null,
    inventoryPolicy: over.policy ?? "DENY", inventoryQuantity: over.total === undefined ? 7 : over.total,
    selectedOptions: [{ name: "Title", value: "Default Title" }], media: { nodes: [] },
    inventoryItem: { id: "i", tracked: over.tracked ?? true, requiresShipping: true, measurement: { weight: null }, inventoryLevels: { nodes: over.levels ?? [] } },
  };
}
const rules = (over: Partial<InventoryRules>): InventoryRules => ({ ...defaultInventoryRules(), defaultWarehouseId: "W1", ...over });
const run = (v: ShopifyVariant, r: InventoryRules) => computeSkuInventory(v, r, "skus[0]", "this product");

describe("inventory rules", () => {
  it.each([
    [10, { kind: "none" } as const, 0, 10],
    [10, { kind: "fixed", units: 3 } as const, 0, 7],
    [2, { kind: "fixed", units: 3 } as const, 0, 0],
    [10, { kind: "percent", percent: 10 } as const, 0, 9],
    [11, { kind: "percent", percent: 10 } as const, 0, 9], // 1.1 held → 2 (round up: keep more back)
    [5, { kind: "none" } as const, 5, 0],
    [6, { kind: "none" } as const, 5, 6],
    [-4, { kind: "none" } as const, 0, 0],
  ])("available %i with buffer %j and threshold %i → %i", (available, buffer, threshold, expected) => {
    expect(bufferedQuantity(available, { buffer, outOfStockThreshold: threshold })).toBe(expected);
  });

  it("sum mode adds mapped locations into the default warehouse", () => {
    const r = rules({ locationWarehouses: [{ locationId: "L1", warehouseId: "W1" }, { locationId: "L2", warehouseId: "W2" }], mode: "sum" });
    expect(run(variant({ levels: [level("L1", 3), level("L2", 4), level("L3", 100)] }), r).inventory).toEqual([{ warehouse_id: "W1", quantity: 7 }]);
  });

  it("sum mode with no location map adds every location", () => {
    expect(run(variant({ levels: [level("L1", 3), level("L3", 5)] }), rules({})).inventory).toEqual([{ warehouse_id: "W1", quantity: 8 }]);
  });

  it("per-warehouse mode keeps locations apart and merges those sharing a warehouse, buffer per warehouse", () => {
    const r = rules({ mode: "per_warehouse", buffer: { kind: "fixed", units: 1 }, locationWarehouses: [{ locationId: "L1", warehouseId: "W1" }, { locationId: "L2", warehouseId: "W2" }, { locationId: "L3", warehouseId: "W2" }] });
    expect(run(variant({ levels: [level("L1", 3), level("L2", 4), level("L3", 5)] }), r).inventory).toEqual([{ warehouse_id: "W1", quantity: 2 }, { warehouse_id: "W2", quantity: 8 }]);
  });

  it("per-warehouse mode with no mapped location is blocking", () => {
    const res = run(variant({ levels: [level("L9", 3)] }), rules({ mode: "per_warehouse", locationWarehouses: [{ locationId: "L1", warehouseId: "W1" }] }));
    expect(res.findings.map((f) => f.code)).toEqual(["WAREHOUSE_NOT_MAPPED"]);
    expect(res.inventory).toEqual([]);
  });

  it("no warehouse at all is blocking", () => {
    expect(run(variant(), { ...defaultInventoryRules() }).findings.map((f) => [f.code, f.severity])).toEqual([["WAREHOUSE_NOT_MAPPED", "blocking"]]);
  });

  it("untracked variants get the configured quantity and a warning", () => {
    const res = run(variant({ tracked: false, total: 0 }), rules({ untrackedQuantity: 25 }));
    expect(res.inventory).toEqual([{ warehouse_id: "W1", quantity: 25 }]);
    expect(res.findings.map((f) => f.code)).toEqual(["INVENTORY_UNTRACKED"]);
  });

  it("continue selling: real stock by default, with a warning that TikTok will sell out", () => {
    const res = run(variant({ policy: "CONTINUE", total: 0 }), rules({}));
    expect(res.inventory).toEqual([{ warehouse_id: "W1", quantity: 0 }]);
    expect(res.findings.map((f) => f.code)).toEqual(["CONTINUE_SELLING_NOT_MIRRORED"]);
  });

  it("continue selling: a fixed quantity when the merchant chooses it", () => {
    const res = run(variant({ policy: "CONTINUE", total: 0 }), rules({ continueSelling: "fixed", continueSellingQuantity: 30 }));
    expect(res.inventory).toEqual([{ warehouse_id: "W1", quantity: 30 }]);
    expect(res.findings.map((f) => f.code)).toEqual(["CONTINUE_SELLING_FIXED_QUANTITY"]);
  });

  it("unknown stock is 0 with a warning; known total without levels goes to the default warehouse", () => {
    expect(run(variant({ total: null }), rules({})).findings.map((f) => f.code)).toEqual(["INVENTORY_UNKNOWN"]);
    expect(run(variant({ total: 12 }), rules({ buffer: { kind: "fixed", units: 2 } })).inventory).toEqual([{ warehouse_id: "W1", quantity: 10 }]);
    expect(run(variant({ total: 12 }), rules({ mode: "per_warehouse" })).findings.map((f) => f.code)).toEqual(["INVENTORY_PER_LOCATION_UNKNOWN"]);
  });

  it("caps at TikTok's 99,999 per warehouse", () => {
    const res = run(variant({ total: 150_000 }), rules({}));
    expect(res.inventory).toEqual([{ warehouse_id: "W1", quantity: 99_999 }]);
    expect(res.findings.map((f) => f.code)).toEqual(["INVENTORY_CAPPED"]);
  });
});
