// What orders do to inventory levels: routing a line to a location, committing its units (available → committed),
// shipping them (committed and on_hand go down), and putting them back on cancel or refund.
import type { ShopifyStore } from "./store";
import type { InventoryBehaviour } from "./order-model";

export interface Routing {
  locationId: string;
  /** Whether the units are committed at that location (tracked item, inventory not bypassed). */
  claim: boolean;
}

/** The first active location that ships online orders: where lines without stock records are fulfilled from. */
export function defaultLocationId(store: ShopifyStore): string {
  const location = [...store.locations.values()].find((l) => l.isActive && l.fulfillsOnlineOrders);
  if (!location) throw new Error("The store has no active location that fulfils online orders");
  return location.id;
}

/**
 * Where a line is fulfilled from: the first location stocking the item — with enough available when the
 * policy must be obeyed. Null when DECREMENT_OBEYING_POLICY finds no such location and the variant denies overselling.
 */
export function routeLine(store: ShopifyStore, variantId: string | null, quantity: number, behaviour: InventoryBehaviour): Routing | null {
  const variant = variantId ? store.variants.get(variantId) : undefined;
  const item = variant ? store.inventoryItems.get(variant.inventoryItemId) : undefined;
  const stocked = item ? [...store.locations.values()].filter((l) => l.isActive && item.levels.has(l.id)) : [];
  if (!variant || !item || stocked.length === 0) return { locationId: defaultLocationId(store), claim: false };
  const claim = item.tracked && behaviour !== "BYPASS";
  if (!claim || behaviour === "DECREMENT_IGNORING_POLICY") return { locationId: stocked[0]!.id, claim };
  const enough = stocked.find((l) => item.levels.get(l.id)!.quantities.available >= quantity);
  if (enough) return { locationId: enough.id, claim };
  return variant.inventoryPolicy === "CONTINUE" ? { locationId: stocked[0]!.id, claim } : null;
}

export function commitUnits(store: ShopifyStore, inventoryItemId: string, locationId: string, quantity: number): void {
  store.changeQuantities(inventoryItemId, locationId, { available: -quantity, committed: quantity });
}

/** Units leave the building: committed and on_hand go down together. */
export function shipUnits(store: ShopifyStore, inventoryItemId: string, locationId: string, quantity: number): void {
  store.changeQuantities(inventoryItemId, locationId, { committed: -quantity });
}

/** Committed units go back to available (cancel with restock, refund with restockType CANCEL). */
export function releaseUnits(store: ShopifyStore, inventoryItemId: string, locationId: string, quantity: number): void {
  store.changeQuantities(inventoryItemId, locationId, { committed: -quantity, available: quantity });
}

/** Committed units are written off (cancel or refund without restock): no longer committed, not available. */
export function dropUnits(store: ShopifyStore, inventoryItemId: string, locationId: string, quantity: number): void {
  store.changeQuantities(inventoryItemId, locationId, { committed: -quantity });
}

/** Returned units are back on the shelf (refund with restockType RETURN). */
export function restockReturned(store: ShopifyStore, inventoryItemId: string, locationId: string, quantity: number): void {
  store.changeQuantities(inventoryItemId, locationId, { available: quantity });
}
