import { businessError } from "./api-error";
import type { Order, Shop, SkuState } from "./model";
import type { Simulator } from "./simulator";

/**
 * Stock behind orders. Seller-fulfilled units are committed from the seller's warehouses when the order is placed,
 * leave when it ships and return when it is cancelled. FULFILLMENT_BY_TIKTOK units come from TikTok's own
 * warehouse: the seller's stock is never touched.
 */
export function tiktokWarehouseId(shop: Shop): string {
  return `70685172755397${shop.id.slice(-5)}`;
}

export function availableStock(sku: SkuState): number {
  return [...sku.inventory.values()].reduce((a, b) => a + b, 0);
}

/** Refuses an order asking more units of a SKU than its warehouses hold (all requests for the SKU together). */
export function assertStock(demand: Map<SkuState, number>): void {
  for (const [sku, units] of demand) {
    const available = availableStock(sku);
    if (available < units) throw businessError(12052910, `Insufficient stock for SKU ${sku.id}: ${available} available, ${units} ordered.`);
  }
}

/** Commits one unit from the first warehouse that has stock; returns that warehouse. */
export function commitUnit(sku: SkuState): string {
  const found = [...sku.inventory].find(([, q]) => q > 0);
  if (!found) throw businessError(12052910, `Insufficient stock for SKU ${sku.id}.`);
  const [warehouseId] = found;
  sku.inventory.set(warehouseId, sku.inventory.get(warehouseId)! - 1);
  sku.committed.set(warehouseId, (sku.committed.get(warehouseId) ?? 0) + 1);
  return warehouseId;
}

/** Committed stock leaves the warehouse when shipped, or returns to available stock when cancelled. */
export function releaseStock(sim: Simulator, order: Order, restock: boolean): void {
  if (order.stockReleased || order.fulfillment_type === "FULFILLMENT_BY_TIKTOK") return;
  order.stockReleased = true;
  for (const li of order.line_items) {
    const sku = sim.state.products.get(li.product_id)?.skus.get(li.sku_id);
    if (!sku) continue;
    sku.committed.set(li.warehouse_id, Math.max(0, (sku.committed.get(li.warehouse_id) ?? 0) - 1));
    if (restock) sku.inventory.set(li.warehouse_id, (sku.inventory.get(li.warehouse_id) ?? 0) + 1);
  }
}
