// InventoryAdjustmentGroup and its InventoryChanges: what an inventory mutation answers. Quantities after the
// change are taken when the group is made, so an idempotent replay answers the first result unchanged.
import type { ShopifyStore, StoredInventoryLevel } from "../store";
import { inventoryItemView } from "./inventory-views";
import { locationView } from "./location-views";
import type { ResolverContext } from "./resolver-context";

export interface LevelChange {
  name: string;
  delta: number;
  level: StoredInventoryLevel;
  ledgerDocumentUri?: string | null;
}

interface ChangeFilter {
  inventoryItemIds?: string[] | null;
  locationIds?: string[] | null;
  quantityNames?: string[] | null;
}

function changeView(ctx: ResolverContext, store: ShopifyStore, c: LevelChange) {
  const { inventoryItemId, locationId } = c.level;
  return {
    __typename: "InventoryChange",
    name: c.name,
    delta: c.delta,
    quantityAfterChange: c.level.quantities[c.name as keyof StoredInventoryLevel["quantities"]],
    ledgerDocumentUri: c.ledgerDocumentUri ?? null,
    item: () => inventoryItemView(ctx, store.inventoryItems.get(inventoryItemId)!),
    location: () => locationView(ctx, store.locations.get(locationId)!),
    inventoryItemId,
    locationId,
  };
}

export function adjustmentGroupView(ctx: ResolverContext, reason: string, referenceDocumentUri: string | null | undefined, changes: LevelChange[]) {
  const store = ctx.store;
  const views = changes.map((c) => changeView(ctx, store, c));
  return {
    __typename: "InventoryAdjustmentGroup",
    id: store.nextId("InventoryAdjustmentGroup"),
    createdAt: store.timestamp(),
    reason,
    referenceDocumentUri: referenceDocumentUri ?? null,
    changes: (args: ChangeFilter) =>
      views
        .filter((c) => !args.inventoryItemIds || args.inventoryItemIds.includes(c.inventoryItemId))
        .filter((c) => !args.locationIds || args.locationIds.includes(c.locationId))
        .filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
        .map(({ inventoryItemId: _i, locationId: _l, ...view }) => view),
  };
}
