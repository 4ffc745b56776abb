// QueryRoot: the top-level queries the sandbox answers. Anything else errors as "not supported".
import type { GraphQLResolveInfo } from "graphql";
import { searchFilter } from "../search-query";
import { paginate, sortByKey, type ConnectionArgs } from "../relay-connection";
import type { StoredBulkOperation, StoredCollection, StoredInventoryItem, StoredLocation, StoredVariant } from "../store";
import { bulkOperationView } from "./bulk-views";
import { collectionView } from "./collection-views";
import { deliveryProfileView } from "./delivery-views";
import { inventoryItemView, inventoryLevelView } from "./inventory-views";
import { locationView } from "./location-views";
import { orderQueries } from "./order-queries";
import { assertGlobalId, lookupNode } from "./node-lookup";
import { productConnection, productView, searchProducts, variantConnection, variantView } from "./product-views";
import { count, legacyNumber, requireScope, type ResolverContext } from "./resolver-context";
import { appInstallationView, shopView } from "./shop-views";

type Info = GraphQLResolveInfo;
const pathOf = (info: Info) => [info.path.key];
const byId = <T extends { id: string }>(x: T) => ({ value: legacyNumber(x.id), id: legacyNumber(x.id) });

function search<T>(ctx: ResolverContext, info: Info, items: T[], query: string | null | undefined, fields: Parameters<typeof searchFilter<T>>[1], freeText: (t: T) => string[]) {
  const { matches, warnings } = searchFilter(query, fields, freeText);
  if (warnings.length && query) ctx.searchWarnings.push({ path: pathOf(info), query, warnings });
  return items.filter(matches);
}

export function queryRoot(ctx: ResolverContext) {
  const store = ctx.store;
  return {
    shop: () => shopView(ctx),
    currentAppInstallation: () => appInstallationView(ctx),

    products: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null; savedSearchId?: string | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_products", "products");
      return productConnection(ctx, searchProducts(ctx, args.query, pathOf(info)), args);
    },
    productsCount: (args: { query?: string | null; limit?: number | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_products", "productsCount");
      const n = searchProducts(ctx, args.query, pathOf(info)).length;
      const limit = args.limit === undefined ? 10000 : args.limit;
      return limit !== null && n > limit ? { count: limit, precision: "AT_LEAST" } : count(n);
    },
    product: (args: { id: string }) => {
      requireScope(ctx, "read_products", "product");
      assertGlobalId(args.id);
      const p = store.products.get(args.id);
      return p ? productView(ctx, p) : null;
    },
    productVariants: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_products", "productVariants");
      const variants = search<StoredVariant>(ctx, info, [...store.variants.values()], args.query, {
        sku: { kind: "exact", get: (v) => v.sku },
        barcode: { kind: "exact", get: (v) => v.barcode },
        title: { kind: "text", get: (v) => v.title },
        product_id: { kind: "number", get: (v) => legacyNumber(v.productId) },
        id: { kind: "number", get: (v) => legacyNumber(v.id) },
        updated_at: { kind: "date", get: (v) => v.updatedAt },
        created_at: { kind: "date", get: (v) => v.createdAt },
        inventory_quantity: { kind: "number", get: (v) => store.variantInventoryQuantity(v) },
      }, (v) => [v.title, v.sku ?? ""]);
      return variantConnection(ctx, variants, args);
    },
    productVariant: (args: { id: string }) => {
      requireScope(ctx, "read_products", "productVariant");
      assertGlobalId(args.id);
      const v = store.variants.get(args.id);
      return v ? variantView(ctx, v) : null;
    },
    collections: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_products", "collections");
      const list = search<StoredCollection>(ctx, info, [...store.collections.values()], args.query, {
        title: { kind: "text", get: (c) => c.title },
        handle: { kind: "exact", get: (c) => c.handle },
        id: { kind: "number", get: (c) => legacyNumber(c.id) },
        updated_at: { kind: "date", get: (c) => c.updatedAt },
      }, (c) => [c.title, c.handle]);
      const keyOf = args.sortKey === "TITLE" ? (c: StoredCollection) => ({ value: c.title, id: legacyNumber(c.id) }) : args.sortKey === "UPDATED_AT" ? (c: StoredCollection) => ({ value: c.updatedAt, id: legacyNumber(c.id) }) : byId;
      return paginate(sortByKey(list, keyOf, Boolean(args.reverse)), args, keyOf, (c) => collectionView(ctx, c), { unbounded: ctx.unbounded });
    },
    locations: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null; includeInactive?: boolean | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_locations", "locations");
      const list = search<StoredLocation>(ctx, info, [...store.locations.values()].filter((l) => l.isActive || args.includeInactive), args.query, {
        name: { kind: "text", get: (l) => l.name },
        id: { kind: "number", get: (l) => legacyNumber(l.id) },
      }, (l) => [l.name]);
      const keyOf = args.sortKey === "NAME" ? (l: StoredLocation) => ({ value: l.name, id: legacyNumber(l.id) }) : byId;
      return paginate(sortByKey(list, keyOf, Boolean(args.reverse)), args, keyOf, (l) => locationView(ctx, l), { unbounded: ctx.unbounded });
    },
    location: (args: { id?: string | null }) => {
      requireScope(ctx, "read_locations", "location");
      if (args.id == null) {
        const fallback = [...store.locations.values()].find((l) => l.isActive && l.shipsInventory);
        return fallback ? locationView(ctx, fallback) : null;
      }
      assertGlobalId(args.id);
      const l = store.locations.get(args.id);
      return l ? locationView(ctx, l) : null;
    },
    inventoryItem: (args: { id: string }) => {
      requireScope(ctx, "read_inventory", "inventoryItem");
      assertGlobalId(args.id);
      const item = store.inventoryItems.get(args.id);
      return item ? inventoryItemView(ctx, item) : null;
    },
    inventoryItems: (args: ConnectionArgs & { query?: string | null }, _c: unknown, info: Info) => {
      requireScope(ctx, "read_inventory", "inventoryItems");
      const list = search<StoredInventoryItem>(ctx, info, [...store.inventoryItems.values()], args.query, {
        sku: { kind: "exact", get: (i) => i.sku },
        id: { kind: "number", get: (i) => legacyNumber(i.id) },
        created_at: { kind: "date", get: (i) => i.createdAt },
        updated_at: { kind: "date", get: (i) => i.updatedAt },
      }, (i) => [i.sku ?? ""]);
      const sorted = args.reverse ? [...list].reverse() : list;
      return paginate(sorted, args, byId, (i) => inventoryItemView(ctx, i), { unbounded: ctx.unbounded });
    },
    inventoryLevel: (args: { id: string }) => {
      requireScope(ctx, "read_inventory", "inventoryLevel");
      assertGlobalId(args.id);
      const level = store.inventoryLevelsById.get(args.id);
      return level ? inventoryLevelView(ctx, level) : null;
    },
    deliveryProfiles: (args: ConnectionArgs & { merchantOwnedOnly?: boolean | null }) => {
      requireScope(ctx, "read_shipping", "deliveryProfiles");
      return paginate(store.deliveryProfiles, args, byId, (d) => deliveryProfileView(ctx, d), { unbounded: ctx.unbounded });
    },
    ...orderQueries(ctx),
    node: (args: { id: string }) => lookupNode(ctx, args.id),
    nodes: (args: { ids: string[] }) => {
      if (args.ids.length > 250) throw new Error("The ids argument accepts at most 250 ids.");
      return args.ids.map((id) => lookupNode(ctx, id));
    },
    bulkOperation: (args: { id: string }) => {
      assertGlobalId(args.id);
      const op = store.bulkOperations.get(args.id);
      return op ? bulkOperationView(ctx, op) : null;
    },
    bulkOperations: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }, _c: unknown, info: Info) => {
      const list = search<StoredBulkOperation>(ctx, info, [...store.bulkOperations.values()], args.query, {
        status: { kind: "exact", get: (b) => b.status },
        operation_type: { kind: "exact", get: () => "QUERY" },
        created_at: { kind: "date", get: (b) => b.createdAt },
        id: { kind: "number", get: (b) => legacyNumber(b.id) },
      }, (b) => [b.status]);
      const keyOf = args.sortKey === "COMPLETED_AT" ? (b: StoredBulkOperation) => ({ value: b.completedAt ?? "", id: legacyNumber(b.id) }) : (b: StoredBulkOperation) => ({ value: b.createdAt, id: legacyNumber(b.id) });
      return paginate(sortByKey(list, keyOf, Boolean(args.reverse)), args, keyOf, (b) => bulkOperationView(ctx, b), { unbounded: ctx.unbounded });
    },
  };
}
