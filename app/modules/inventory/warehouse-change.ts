// TikTok's stock endpoint refuses adding, removing or changing a SKU's warehouses (12052533, 12019028): when
// the location→warehouse mapping changed after a SKU was listed, its stock can only go in a listing edit.

/** The SKUs (by variant id) whose TikTok warehouses would differ from those they were last sent with. */
export function skusWithMovedWarehouses(
  lastSent: ReadonlyArray<{ variantId: string; pushedStock?: string | null }>,
  next: ReadonlyArray<{ variantId: string; inventory: ReadonlyArray<{ warehouse_id: string }> }>,
): string[] {
  const warehousesOf = (inventory: ReadonlyArray<{ warehouse_id: string }>) => inventory.map((i) => i.warehouse_id).sort().join(",");
  return next
    .filter((sku) => {
      const pushed = lastSent.find((l) => l.variantId === sku.variantId)?.pushedStock;
      return pushed ? warehousesOf(JSON.parse(pushed) as Array<{ warehouse_id: string }>) !== warehousesOf(sku.inventory) : false;
    })
    .map((sku) => sku.variantId);
}
