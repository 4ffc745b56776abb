// Shopify locations → TikTok warehouses, as the inventory rules apply them (inventory-rules.ts
// computeSkuInventory): with no location mapped, every location's stock goes to the default warehouse;
// once any location is mapped, only mapped locations count — into their own warehouse (per_warehouse)
// or all into the default one (sum). The page shows this, and saves the merchant's choice back into
// the same inventory rules (never a second copy).
import type { InventoryRules } from "../inventory/inventory-rules";
import type { ShopifyLocationFact, TikTokWarehouseFact } from "./policies-facts";

/** The TikTok warehouse a location's stock goes to today, or null when it is not sent to TikTok. */
export function effectiveWarehouseOf(rules: Pick<InventoryRules, "locationWarehouses" | "defaultWarehouseId" | "mode">, locationId: string): string | null {
  const defaultWarehouse = rules.defaultWarehouseId ?? rules.locationWarehouses[0]?.warehouseId ?? null;
  if (rules.locationWarehouses.length === 0) return defaultWarehouse;
  const mapped = rules.locationWarehouses.find((m) => m.locationId === locationId);
  if (!mapped) return null;
  return rules.mode === "per_warehouse" ? mapped.warehouseId : defaultWarehouse;
}

export interface LocationMappingRow {
  location: ShopifyLocationFact;
  warehouseId: string | null;
  warehouse: TikTokWarehouseFact | null;
  /** Why this row needs the merchant, or null. */
  problem: null | "stock_not_sent" | "unknown_warehouse" | "warehouse_disabled" | "not_a_sales_warehouse";
}

export function locationMappingRows(locations: ShopifyLocationFact[], warehouses: TikTokWarehouseFact[], rules: InventoryRules): LocationMappingRow[] {
  return locations
    .filter((l) => l.active)
    .map((location) => {
      const warehouseId = effectiveWarehouseOf(rules, location.id);
      const warehouse = warehouseId ? (warehouses.find((w) => w.id === warehouseId) ?? null) : null;
      let problem: LocationMappingRow["problem"] = null;
      if (!warehouseId) problem = location.hasStock === false ? null : "stock_not_sent";
      else if (!warehouse) problem = "unknown_warehouse";
      else if (warehouse.type !== "SALES_WAREHOUSE") problem = "not_a_sales_warehouse";
      else if (!warehouse.enabled) problem = "warehouse_disabled";
      return { location, warehouseId, warehouse, problem };
    });
}

export type MappingChoice = Array<{ locationId: string; warehouseId: string | null }>;

/**
 * The inventory rules after the merchant picked a warehouse (or none) per location. Refuses warehouse
 * ids that are not enabled sales warehouses of the TikTok shop. One warehouse for every chosen location
 * is "sum" into it; several warehouses is "per_warehouse".
 */
export function applyMappingChoice(
  rules: Pick<InventoryRules, "defaultWarehouseId">,
  choice: MappingChoice,
  warehouses: TikTokWarehouseFact[],
): { ok: true; inventory: Pick<InventoryRules, "locationWarehouses" | "defaultWarehouseId" | "mode"> } | { ok: false; message: string } {
  const sales = new Map(warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && w.enabled).map((w) => [w.id, w]));
  for (const c of choice) {
    if (c.warehouseId && !sales.has(c.warehouseId)) {
      return { ok: false, message: `Warehouse ${c.warehouseId} is not an active sales warehouse of your TikTok shop. Reload the page and pick one from the list.` };
    }
  }
  const locationWarehouses = choice.filter((c): c is { locationId: string; warehouseId: string } => Boolean(c.warehouseId));
  if (locationWarehouses.length === 0) {
    return { ok: false, message: "Choose a TikTok warehouse for at least one location, otherwise no stock reaches TikTok." };
  }
  const distinct = [...new Set(locationWarehouses.map((m) => m.warehouseId))];
  const defaultWarehouseId = rules.defaultWarehouseId && distinct.includes(rules.defaultWarehouseId) ? rules.defaultWarehouseId : distinct[0]!;
  return { ok: true, inventory: { locationWarehouses, defaultWarehouseId, mode: distinct.length > 1 ? "per_warehouse" : "sum" } };
}
