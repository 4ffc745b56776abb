// InventoryItem, InventoryLevel and InventoryQuantity. Weight lives on inventoryItem.measurement in 2026-10.
import { GraphQLError } from "graphql";
import { gid } from "../shopify-ids";
import { paginate, type ConnectionArgs } from "../relay-connection";
import { INVENTORY_QUANTITY_NAMES, type StoredInventoryItem, type StoredInventoryLevel } from "../store";
import { locationView } from "./location-views";
import { variantView } from "./product-views";
import { count, legacyNumber, type ResolverContext } from "./resolver-context";

export function quantitiesOf(level: StoredInventoryLevel, names: string[]) {
  const invalid = names.filter((n) => !(INVENTORY_QUANTITY_NAMES as readonly string[]).includes(n));
  if (invalid.length) {
    throw new GraphQLError(`The quantity names ${invalid.map((n) => `'${n}'`).join(", ")} are not valid. Valid values: ${INVENTORY_QUANTITY_NAMES.join(", ")}.`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  const legacyLevel = level.id.split("/").pop();
  return names.map((name) => ({
    __typename: "InventoryQuantity",
    id: `gid://shopify/InventoryQuantity/${legacyLevel}&name=${name}`,
    name,
    quantity: level.quantities[name as keyof typeof level.quantities],
    updatedAt: level.updatedAt,
  }));
}

export function inventoryLevelView(ctx: ResolverContext, level: StoredInventoryLevel) {
  return {
    __typename: "InventoryLevel",
    id: level.id,
    isActive: true,
    canDeactivate: true,
    createdAt: level.createdAt,
    updatedAt: level.updatedAt,
    quantities: (args: { names: string[] }) => quantitiesOf(level, args.names),
    location: () => locationView(ctx, ctx.store.locations.get(level.locationId)!),
    item: () => inventoryItemView(ctx, ctx.store.inventoryItems.get(level.inventoryItemId)!),
  };
}

function levelKey(level: StoredInventoryLevel) {
  return { value: legacyNumber(level.locationId), id: legacyNumber(level.locationId) };
}

export function inventoryItemView(ctx: ResolverContext, item: StoredInventoryItem) {
  const store = ctx.store;
  return {
    __typename: "InventoryItem",
    id: item.id,
    legacyResourceId: String(legacyNumber(item.id)),
    sku: item.sku,
    tracked: item.tracked,
    requiresShipping: item.requiresShipping,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    measurement: {
      __typename: "InventoryItemMeasurement",
      id: gid("InventoryItemMeasurement", legacyNumber(item.id)),
      weight: { __typename: "Weight", unit: item.weight.unit, value: item.weight.value },
    },
    locationsCount: () => count(item.levels.size),
    inventoryLevels: (args: ConnectionArgs & { query?: string | null }) => {
      if (args.query) throw new GraphQLError("Field 'inventoryLevels' argument 'query' is not supported by the sandbox", { extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" } });
      return paginate([...item.levels.values()], args, levelKey, (l) => inventoryLevelView(ctx, l), { unbounded: ctx.unbounded });
    },
    inventoryLevel: (args: { locationId: string }) => {
      const level = item.levels.get(args.locationId);
      return level ? inventoryLevelView(ctx, level) : null;
    },
    variants: (args: ConnectionArgs) => {
      const variant = store.variants.get(item.variantId);
      return paginate(variant ? [variant] : [], args, (v) => ({ value: legacyNumber(v.id), id: legacyNumber(v.id) }), (v) => variantView(ctx, v), { unbounded: ctx.unbounded });
    },
  };
}
