// Inventory rules: Shopify stock per location → TikTok stock per warehouse. A buffer keeps a few units
// back so TikTok does not oversell while a push is in flight; a threshold sends "sold out" early.
import { blocking, warning, type Finding } from "../listing/finding";
import type { ShopifyVariant } from "../listing/shopify-product";

export type InventoryBuffer = { kind: "none" } | { kind: "fixed"; units: number } | { kind: "percent"; percent: number };

export interface InventoryRules {
  /** Shopify location id → TikTok warehouse id. Several locations may feed one warehouse. */
  locationWarehouses: Array<{ locationId: string; warehouseId: string }>;
  /** Warehouse that receives the stock in "sum" mode, or when per-location stock is unknown. */
  defaultWarehouseId: string | null;
  /** sum: all mapped locations (all locations when none is mapped) into the default warehouse; per_warehouse: each mapped location into its warehouse. */
  mode: "sum" | "per_warehouse";
  buffer: InventoryBuffer;
  /** At or below this many units (after the buffer) TikTok gets 0. */
  outOfStockThreshold: number;
  /** Variants Shopify does not track: always this many units on TikTok (0 = never sell them there). */
  untrackedQuantity: number;
  /**
   * Variants that keep selling when out of stock in Shopify. TikTok has no backorders:
   * "stock" sends real stock (sold out on TikTok at 0), "fixed" sends `continueSellingQuantity` always.
   */
  continueSelling: "stock" | "fixed";
  continueSellingQuantity: number;
}

export function defaultInventoryRules(): InventoryRules {
  return {
    locationWarehouses: [],
    defaultWarehouseId: null,
    mode: "sum",
    buffer: { kind: "none" },
    outOfStockThreshold: 0,
    untrackedQuantity: 0,
    continueSelling: "stock",
    continueSellingQuantity: 0,
  };
}

export const MAX_QUANTITY_PER_WAREHOUSE = 99_999;

export interface SkuInventoryResult {
  inventory: Array<{ warehouse_id: string; quantity: number }>;
  findings: Finding[];
}

/** Available units after buffer and threshold; never negative, never above TikTok's cap. */
export function bufferedQuantity(available: number, rules: Pick<InventoryRules, "buffer" | "outOfStockThreshold">): number {
  const base = Math.max(0, Math.trunc(available));
  let held = 0;
  if (rules.buffer.kind === "fixed") held = Math.max(0, Math.trunc(rules.buffer.units));
  if (rules.buffer.kind === "percent") held = Math.ceil((base * Math.max(0, rules.buffer.percent)) / 100);
  const after = Math.max(0, base - held);
  return after <= Math.max(0, rules.outOfStockThreshold) ? 0 : after;
}

/** A level's "available" quantity (Shopify lists several named quantities per level). */
export function availableQuantity(level: Pick<ShopifyVariant["inventoryItem"]["inventoryLevels"]["nodes"][number], "quantities">): number {
  return level.quantities.find((q) => q.name === "available")?.quantity ?? 0;
}

export function computeSkuInventory(variant: ShopifyVariant, rules: InventoryRules, field: string, label: string): SkuInventoryResult {
  const findings: Finding[] = [];
  const warehouseOf = new Map(rules.locationWarehouses.map((m) => [m.locationId, m.warehouseId]));
  const defaultWarehouse = rules.defaultWarehouseId ?? rules.locationWarehouses[0]?.warehouseId ?? null;
  const quantities = new Map<string, number>();
  const add = (warehouse: string, qty: number) => quantities.set(warehouse, (quantities.get(warehouse) ?? 0) + qty);
  const levels = variant.inventoryItem.inventoryLevels.nodes;

  if (!defaultWarehouse) {
    findings.push(blocking("WAREHOUSE_NOT_MAPPED", `${field}.inventory`, "No TikTok warehouse is chosen for your stock, and TikTok needs one for every SKU.", "Choose the TikTok warehouse that ships your orders in the app's inventory settings."));
    return { inventory: [], findings };
  }

  if (!variant.inventoryItem.tracked) {
    findings.push(
      warning("INVENTORY_UNTRACKED", `${field}.inventory`, `Shopify does not track stock for ${label}; TikTok will show ${rules.untrackedQuantity} available.`, rules.untrackedQuantity === 0 ? `Turn on "Track quantity" for ${label} in Shopify, or set a quantity for untracked products in the app settings.` : `Turn on "Track quantity" for ${label} in Shopify if the stock is limited.`),
    );
    const warehouses = rules.mode === "per_warehouse" && rules.locationWarehouses.length > 0 ? [...new Set(rules.locationWarehouses.map((m) => m.warehouseId))] : [defaultWarehouse];
    for (const w of warehouses) add(w, Math.min(MAX_QUANTITY_PER_WAREHOUSE, Math.max(0, Math.trunc(rules.untrackedQuantity))));
    return { inventory: [...quantities].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })), findings };
  }

  const continueSelling = variant.inventoryPolicy === "CONTINUE";
  if (continueSelling) {
    findings.push(
      rules.continueSelling === "fixed"
        ? warning("CONTINUE_SELLING_FIXED_QUANTITY", `${field}.inventory`, `${label} keeps selling when out of stock in Shopify; TikTok will always show ${rules.continueSellingQuantity} available, so TikTok orders can exceed your stock.`, "Make sure you can fulfil backorders, or switch the app setting to send real stock.")
        : warning("CONTINUE_SELLING_NOT_MIRRORED", `${field}.inventory`, `${label} keeps selling when out of stock in Shopify, but TikTok has no backorders: it will show sold out when Shopify stock reaches 0.`, `If you want TikTok to keep selling, set a fixed quantity for "continue selling" products in the app settings.`),
    );
    if (rules.continueSelling === "fixed") {
      add(defaultWarehouse, Math.min(MAX_QUANTITY_PER_WAREHOUSE, Math.max(0, Math.trunc(rules.continueSellingQuantity))));
      return { inventory: [...quantities].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })), findings };
    }
  }

  if (levels.length === 0) {
    if (variant.inventoryQuantity === null) {
      findings.push(warning("INVENTORY_UNKNOWN", `${field}.inventory`, `The stock of ${label} is not known here (the export has no quantities); 0 is shown until the app reads it from Shopify.`, "Nothing to do: the app reads stock per location from Shopify when it syncs."));
      add(defaultWarehouse, 0);
    } else {
      if (rules.mode === "per_warehouse") {
        findings.push(warning("INVENTORY_PER_LOCATION_UNKNOWN", `${field}.inventory`, `Stock per location is not known for ${label}; its total goes to the default warehouse.`, "Nothing to do: the app reads stock per location from Shopify when it syncs."));
      }
      add(defaultWarehouse, variant.inventoryQuantity);
    }
  } else if (rules.mode === "sum") {
    const mapped = levels.filter((l) => rules.locationWarehouses.length === 0 || warehouseOf.has(l.location.id));
    add(defaultWarehouse, mapped.reduce((sum, l) => sum + Math.max(0, availableQuantity(l)), 0));
  } else {
    for (const level of levels) {
      const warehouse = warehouseOf.get(level.location.id);
      if (warehouse) add(warehouse, Math.max(0, availableQuantity(level)));
    }
    if (quantities.size === 0) {
      findings.push(blocking("WAREHOUSE_NOT_MAPPED", `${field}.inventory`, `None of the Shopify locations stocking ${label} (${levels.map((l) => l.location.name).join(", ")}) is linked to a TikTok warehouse.`, "Link at least one of these locations to a TikTok warehouse in the app's inventory settings."));
      return { inventory: [], findings };
    }
  }

  const inventory = [...quantities].map(([warehouse_id, raw]) => {
    const q = bufferedQuantity(raw, rules);
    if (q > MAX_QUANTITY_PER_WAREHOUSE) {
      findings.push(warning("INVENTORY_CAPPED", `${field}.inventory`, `${label} has ${q} units for one warehouse; TikTok accepts at most ${MAX_QUANTITY_PER_WAREHOUSE}, so ${MAX_QUANTITY_PER_WAREHOUSE} is sent.`, "Nothing to do; the rest is sent as it sells."));
    }
    return { warehouse_id, quantity: Math.min(q, MAX_QUANTITY_PER_WAREHOUSE) };
  });
  return { inventory, findings };
}
