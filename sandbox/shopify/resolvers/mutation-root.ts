// Mutations the sandbox performs. They change the store like a merchant's edit would, so the same
// webhooks follow. Input Shopify would refuse comes back as userErrors with Shopify's codes.
import { GraphQLError } from "graphql";
import type { ShopifyStore, StoredInventoryLevel, WeightUnit } from "../store";
import { bulkOperationView } from "./bulk-views";
import { inventoryItemView } from "./inventory-views";
import { locationView } from "./location-views";
import { APP_NAMESPACE, metafieldView } from "./metafield-views";
import { productView, variantView } from "./product-views";
import { requireScope, type ResolverContext } from "./resolver-context";

const INVENTORY_REASONS = [
  "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received",
  "movement_updated", "other", "promotion", "quality_control", "received", "reservation_created", "reservation_deleted",
  "reservation_updated", "restock", "safety_stock", "shrinkage",
];
const MAX_QUANTITY = 1_000_000_000;

interface UserError { field: string[] | null; message: string; code?: string }

function unsupported(field: string, keys: string[]): never {
  throw new GraphQLError(`Input field(s) ${keys.map((k) => `'${k}'`).join(", ")} of '${field}' are not supported by the sandbox`, {
    extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" },
  });
}

function rejectUnsupported(field: string, input: Record<string, unknown>, supported: string[]): void {
  // Input fields with schema defaults (e.g. deleteConflictingConstrainedMetafields: false) arrive even when not sent.
  const extra = Object.keys(input).filter((k) => !supported.includes(k) && input[k] !== undefined && input[k] !== null && input[k] !== false);
  if (extra.length) unsupported(field, extra);
}

const METAFIELD_TYPE_CHECKS: Record<string, (value: string) => boolean> = {
  single_line_text_field: (v) => !/[\r\n]/.test(v),
  multi_line_text_field: () => true,
  number_integer: (v) => /^-?\d+$/.test(v),
  number_decimal: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v) => v === "true" || v === "false",
  json: (v) => { try { JSON.parse(v); return true; } catch { return false; } },
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  date_time: (v) => !Number.isNaN(Date.parse(v)),
  url: (v) => /^(https?|mailto|sms|tel):/.test(v),
  color: (v) => /^#[0-9a-fA-F]{6}$/.test(v),
};

function validMetafieldValue(type: string, value: string): boolean {
  if (type.startsWith("list.")) {
    try {
      const parsed: unknown = JSON.parse(value);
      const inner = METAFIELD_TYPE_CHECKS[type.slice(5)];
      return Array.isArray(parsed) && (!inner || parsed.every((x) => inner(String(x))));
    } catch {
      return false;
    }
  }
  const check = METAFIELD_TYPE_CHECKS[type];
  return check ? check(value) : false;
}

function ownerScope(store: ShopifyStore, ownerId: string): string | null {
  if (store.products.has(ownerId) || store.variants.has(ownerId) || store.collections.has(ownerId)) return "write_products";
  if (store.locations.has(ownerId)) return "write_locations";
  if (ownerId === store.shop.id) return null;
  return "unknown";
}

export function mutationRoot(ctx: ResolverContext) {
  const store = ctx.store;

  const setMetafields = (inputs: { ownerId: string; namespace?: string | null; key: string; type?: string | null; value: string; compareDigest?: string | null }[], fieldPrefix: string[]) => {
    const userErrors: (UserError & { elementIndex?: number })[] = [];
    inputs.forEach((input, i) => {
      const field = [...fieldPrefix, String(i)];
      const namespace = input.namespace ?? APP_NAMESPACE;
      const scope = ownerScope(store, input.ownerId);
      if (scope === "unknown") userErrors.push({ field: [...field, "ownerId"], message: "Owner does not exist.", code: "INVALID", elementIndex: i });
      else if (scope) requireScope(ctx, scope, "metafieldsSet");
      const existing = store.metafieldsOf(input.ownerId).find((m) => m.namespace === namespace && m.key === input.key);
      const type = input.type ?? existing?.type;
      if (!type) userErrors.push({ field: [...field, "type"], message: "Type can't be blank.", code: "BLANK", elementIndex: i });
      else if (!validMetafieldValue(type, input.value)) {
        userErrors.push({ field: [...field, "value"], message: `Value is invalid for type ${type}.`, code: "INVALID_VALUE", elementIndex: i });
      }
      if (input.key.length < 2 || input.key.length > 64) userErrors.push({ field: [...field, "key"], message: "Key must be between 2 and 64 characters.", code: "INVALID", elementIndex: i });
    });
    if (userErrors.length) return { metafields: null, userErrors };
    const metafields = inputs.map((input) =>
      store.setMetafield({
        ownerId: input.ownerId,
        namespace: input.namespace ?? APP_NAMESPACE,
        key: input.key,
        type: input.type ?? store.metafieldsOf(input.ownerId).find((m) => m.namespace === (input.namespace ?? APP_NAMESPACE) && m.key === input.key)!.type,
        value: input.value,
      }),
    );
    return { metafields: metafields.map(metafieldView), userErrors: [] };
  };

  const adjustmentGroup = (reason: string, referenceDocumentUri: string | null | undefined, changes: { name: string; delta: number; level: StoredInventoryLevel; ledgerDocumentUri?: string | null }[]) => ({
    __typename: "InventoryAdjustmentGroup",
    id: store.nextId("InventoryAdjustmentGroup"),
    createdAt: store.timestamp(),
    reason,
    referenceDocumentUri: referenceDocumentUri ?? null,
    changes: (args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) =>
      changes
        .filter((c) => (!args.inventoryItemIds || args.inventoryItemIds.includes(c.level.inventoryItemId)) && (!args.locationIds || args.locationIds.includes(c.level.locationId)) && (!args.quantityNames || args.quantityNames.includes(c.name)))
        .map((c) => ({
          __typename: "InventoryChange",
          name: c.name,
          delta: c.delta,
          quantityAfterChange: c.level.quantities[c.name as "available" | "on_hand"],
          ledgerDocumentUri: c.ledgerDocumentUri ?? null,
          item: () => inventoryItemView(ctx, store.inventoryItems.get(c.level.inventoryItemId)!),
          location: () => locationView(ctx, store.locations.get(c.level.locationId)!),
        })),
  });

  const findLevel = (inventoryItemId: string, locationId: string) => store.inventoryItems.get(inventoryItemId)?.levels.get(locationId);

  return {
    bulkOperationRunQuery: (args: { query: string; groupObjects: boolean }) => {
      const result = ctx.bulk.runQuery(args.query, args.groupObjects, ctx.scopes);
      return { bulkOperation: result.operation ? bulkOperationView(ctx, result.operation) : null, userErrors: result.userErrors };
    },
    bulkOperationCancel: (args: { id: string }) => {
      const result = ctx.bulk.cancel(args.id);
      return { bulkOperation: result.operation ? bulkOperationView(ctx, result.operation) : null, userErrors: result.userErrors };
    },
    metafieldsSet: (args: { metafields: Parameters<typeof setMetafields>[0] }) => {
      if (args.metafields.length > 25) {
        return { metafields: null, userErrors: [{ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25.", code: "LESS_THAN_OR_EQUAL_TO" }] };
      }
      return setMetafields(args.metafields, ["metafields"]);
    },
    productUpdate: (args: { product?: Record<string, unknown> | null; input?: Record<string, unknown> | null; identifier?: { id?: string | null; handle?: string | null } | null; media?: unknown }) => {
      requireScope(ctx, "write_products", "productUpdate");
      if (args.media) unsupported("productUpdate", ["media"]);
      const input = args.product ?? args.input;
      if (!input) throw new GraphQLError("Variable product or input is required.", { extensions: { code: "BAD_REQUEST" } });
      rejectUnsupported("ProductUpdateInput", input, ["id", "title", "descriptionHtml", "vendor", "productType", "tags", "status", "handle", "metafields", "collectionsToJoin", "collectionsToLeave"]);
      const id = (input.id as string | undefined) ?? args.identifier?.id ?? [...store.products.values()].find((p) => p.handle === args.identifier?.handle)?.id;
      const product = id ? store.products.get(id) : undefined;
      if (!product) return { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] };
      const userErrors: UserError[] = [];
      if (typeof input.title === "string" && input.title.trim() === "") userErrors.push({ field: ["title"], message: "Title can't be blank" });
      if (typeof input.title === "string" && input.title.length > 255) userErrors.push({ field: ["title"], message: "Title is too long (maximum is 255 characters)" });
      if (typeof input.handle === "string" && [...store.products.values()].some((p) => p.handle === input.handle && p.id !== product.id)) {
        userErrors.push({ field: ["handle"], message: `Handle '${input.handle}' already in use. Please provide a new handle.` });
      }
      const metafields = (input.metafields as { namespace?: string; key: string; type?: string; value: string }[] | undefined) ?? [];
      if (userErrors.length) return { product: productView(ctx, product), userErrors };
      if (metafields.length) {
        const result = setMetafields(metafields.map((m) => ({ ...m, ownerId: product.id })), ["metafields"]);
        if (result.userErrors.length) return { product: productView(ctx, product), userErrors: result.userErrors.map(({ field, message }) => ({ field, message })) };
      }
      for (const collectionId of (input.collectionsToJoin as string[] | undefined) ?? []) {
        const c = store.collections.get(collectionId);
        if (c && !c.productIds.includes(product.id)) c.productIds.push(product.id);
      }
      for (const collectionId of (input.collectionsToLeave as string[] | undefined) ?? []) {
        const c = store.collections.get(collectionId);
        if (c) c.productIds = c.productIds.filter((x) => x !== product.id);
      }
      store.updateProduct(product.id, {
        title: input.title as string | undefined,
        descriptionHtml: input.descriptionHtml as string | undefined,
        vendor: input.vendor as string | undefined,
        productType: input.productType as string | undefined,
        tags: input.tags as string[] | undefined,
        status: input.status as "ACTIVE" | "DRAFT" | "ARCHIVED" | undefined,
        handle: input.handle as string | undefined,
      });
      return { product: productView(ctx, product), userErrors: [] };
    },
    productVariantsBulkUpdate: (args: { productId: string; variants: Record<string, unknown>[]; allowPartialUpdates?: boolean | null; media?: unknown }) => {
      requireScope(ctx, "write_products", "productVariantsBulkUpdate");
      if (args.media) unsupported("productVariantsBulkUpdate", ["media"]);
      const product = store.products.get(args.productId);
      if (!product) return { product: null, productVariants: null, userErrors: [{ field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] };
      const userErrors: UserError[] = [];
      args.variants.forEach((v, i) => {
        rejectUnsupported("ProductVariantsBulkInput", v, ["id", "price", "compareAtPrice", "barcode", "inventoryPolicy", "taxable", "inventoryItem", "inventoryQuantities", "mediaId", "metafields"]);
        const field = ["variants", String(i)];
        const id = v.id as string | undefined;
        const variant = id ? store.variants.get(id) : undefined;
        if (!id) userErrors.push({ field: [...field, "id"], message: "Product variant is missing ID attribute", code: "PRODUCT_VARIANT_ID_MISSING" });
        else if (!variant) userErrors.push({ field: [...field, "id"], message: "Product variant does not exist", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" });
        else if (variant.productId !== product.id) userErrors.push({ field: [...field, "id"], message: "Product variant is not associated with product", code: "MUST_BE_FOR_THIS_PRODUCT" });
        if (v.inventoryQuantities) userErrors.push({ field: [...field, "inventoryQuantities"], message: "Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.", code: "NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE" });
        for (const key of ["price", "compareAtPrice"] as const) {
          const value = v[key];
          if (value === undefined || value === null) continue;
          const n = Number(value);
          if (!Number.isFinite(n)) userErrors.push({ field: [...field, key], message: `${key} is invalid`, code: "INVALID_INPUT" });
          else if (n < 0) userErrors.push({ field: [...field, key], message: "Price must be greater than or equal to 0", code: "NEGATIVE_PRICE_VALUE" });
          else if (n >= 1e18) userErrors.push({ field: [...field, key], message: "Price must be less than 1000000000000000000", code: "GREATER_THAN_OR_EQUAL_TO" });
        }
        if (v.mediaId && !product.mediaIds.includes(v.mediaId as string)) userErrors.push({ field: [...field, "mediaId"], message: "Media does not exist", code: "MEDIA_DOES_NOT_EXIST" });
        const item = v.inventoryItem as Record<string, unknown> | undefined;
        if (item) rejectUnsupported("InventoryItemInput", item, ["sku", "tracked", "requiresShipping", "measurement"]);
      });
      if (userErrors.length && !args.allowPartialUpdates) return { product: productView(ctx, product), productVariants: null, userErrors };
      const updated = args.variants.flatMap((v) => {
        const variant = store.variants.get(v.id as string);
        if (!variant || variant.productId !== product.id) return [];
        const item = v.inventoryItem as { sku?: string | null; tracked?: boolean; requiresShipping?: boolean; measurement?: { weight?: { unit: WeightUnit; value: number } } } | undefined;
        const money = (x: unknown) => (x === undefined ? undefined : x === null ? null : Number(x).toFixed(2));
        store.updateVariant(variant.id, {
          price: money(v.price) ?? undefined,
          compareAtPrice: money(v.compareAtPrice),
          barcode: v.barcode as string | null | undefined,
          inventoryPolicy: v.inventoryPolicy as "DENY" | "CONTINUE" | undefined,
          taxable: v.taxable as boolean | undefined,
          sku: item?.sku,
        }, { announce: false });
        if (v.mediaId) variant.mediaIds = [v.mediaId as string];
        const stored = store.inventoryItems.get(variant.inventoryItemId)!;
        if (item && (item.tracked !== undefined || item.requiresShipping !== undefined || item.measurement?.weight || item.sku !== undefined)) {
          if (item.tracked !== undefined) stored.tracked = item.tracked;
          if (item.requiresShipping !== undefined) stored.requiresShipping = item.requiresShipping;
          if (item.measurement?.weight) stored.weight = { unit: item.measurement.weight.unit, value: item.measurement.weight.value };
          stored.updatedAt = store.timestamp();
          store.announce({ kind: "inventory_item/update", inventoryItemId: stored.id });
        }
        const metafields = (v.metafields as { namespace?: string; key: string; type?: string; value: string }[] | undefined) ?? [];
        if (metafields.length) setMetafields(metafields.map((m) => ({ ...m, ownerId: variant.id })), ["variants"]);
        return [variant];
      });
      if (updated.length) store.announce({ kind: "product/update", productId: product.id });
      return { product: productView(ctx, product), productVariants: updated.map((v) => variantView(ctx, v)), userErrors };
    },
    inventorySetQuantities: (args: { input: { name: string; reason: string; referenceDocumentUri?: string | null; quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[] } }) => {
      requireScope(ctx, "write_inventory", "inventorySetQuantities");
      const { input } = args;
      const userErrors: UserError[] = [];
      if (input.name !== "available" && input.name !== "on_hand") userErrors.push({ field: ["input", "name"], message: "The quantity name must be either 'available' or 'on_hand'.", code: "INVALID_NAME" });
      if (!INVENTORY_REASONS.includes(input.reason)) userErrors.push({ field: ["input", "reason"], message: "The specified reason is invalid.", code: "INVALID_REASON" });
      const seen = new Set<string>();
      input.quantities.forEach((q, i) => {
        const field = ["input", "quantities", String(i)];
        const level = findLevel(q.inventoryItemId, q.locationId);
        if (!store.inventoryItems.has(q.inventoryItemId)) userErrors.push({ field: [...field, "inventoryItemId"], message: "The specified inventory item could not be found.", code: "INVALID_INVENTORY_ITEM" });
        else if (!level) userErrors.push({ field: [...field, "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" });
        if (seen.has(`${q.inventoryItemId}|${q.locationId}`)) userErrors.push({ field, message: "The combination of inventoryItemId and locationId must be unique.", code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR" });
        seen.add(`${q.inventoryItemId}|${q.locationId}`);
        if (q.quantity > MAX_QUANTITY) userErrors.push({ field: [...field, "quantity"], message: "The quantity can't be higher than 1,000,000,000.", code: "INVALID_QUANTITY_TOO_HIGH" });
        if (q.quantity < -MAX_QUANTITY) userErrors.push({ field: [...field, "quantity"], message: "The quantity can't be lower than -1,000,000,000.", code: "INVALID_QUANTITY_TOO_LOW" });
        if (!("changeFromQuantity" in q)) {
          userErrors.push({ field: [...field, "changeFromQuantity"], message: "changeFromQuantity is required. Pass null to skip the compare check.", code: "COMPARE_QUANTITY_REQUIRED" });
        } else if (level && q.changeFromQuantity != null && (input.name === "available" || input.name === "on_hand") && level.quantities[input.name] !== q.changeFromQuantity) {
          userErrors.push({ field: [...field, "changeFromQuantity"], message: "The specified compare quantity does not match the current quantity.", code: "CHANGE_FROM_QUANTITY_STALE" });
        }
      });
      if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
      const name = input.name as "available" | "on_hand";
      const changes = input.quantities.flatMap((q) => {
        const level = findLevel(q.inventoryItemId, q.locationId)!;
        const before = { ...level.quantities };
        store.setQuantity(q.inventoryItemId, q.locationId, name, q.quantity);
        return (["available", "on_hand"] as const).map((n) => ({ name: n, delta: level.quantities[n] - before[n], level }));
      });
      return { inventoryAdjustmentGroup: adjustmentGroup(input.reason, input.referenceDocumentUri, changes), userErrors: [] };
    },
    inventoryAdjustQuantities: (args: { input: { name: string; reason: string; referenceDocumentUri?: string | null; changes: { inventoryItemId: string; locationId: string; delta: number; ledgerDocumentUri?: string | null; changeFromQuantity?: number | null }[] } }) => {
      requireScope(ctx, "write_inventory", "inventoryAdjustQuantities");
      const { input } = args;
      const userErrors: UserError[] = [];
      if (input.name !== "available" && input.name !== "on_hand") userErrors.push({ field: ["input", "name"], message: "The quantity name must be either 'available' or 'on_hand'.", code: "INVALID_QUANTITY_NAME" });
      if (!INVENTORY_REASONS.includes(input.reason)) userErrors.push({ field: ["input", "reason"], message: "The specified reason is invalid.", code: "INVALID_REASON" });
      input.changes.forEach((c, i) => {
        const field = ["input", "changes", String(i)];
        const level = findLevel(c.inventoryItemId, c.locationId);
        if (!store.inventoryItems.has(c.inventoryItemId)) userErrors.push({ field: [...field, "inventoryItemId"], message: "The specified inventory item could not be found.", code: "INVALID_INVENTORY_ITEM" });
        else if (!level) userErrors.push({ field: [...field, "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" });
        if (input.name === "on_hand" && c.ledgerDocumentUri == null) {
          userErrors.push({ field: [...field, "ledgerDocumentUri"], message: "A ledger document URI is required for on_hand changes.", code: "INVALID_LEDGER_DOCUMENT" });
        }
        if (level && c.changeFromQuantity != null && (input.name === "available" || input.name === "on_hand") && level.quantities[input.name] !== c.changeFromQuantity) {
          userErrors.push({ field: [...field, "changeFromQuantity"], message: "The specified compare quantity does not match the current quantity.", code: "CHANGE_FROM_QUANTITY_STALE" });
        }
      });
      if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
      const name = input.name as "available" | "on_hand";
      const changes = input.changes.flatMap((c) => {
        const level = findLevel(c.inventoryItemId, c.locationId)!;
        const before = { ...level.quantities };
        store.adjustQuantity(c.inventoryItemId, c.locationId, name, c.delta);
        return (["available", "on_hand"] as const).map((n) => ({ name: n, delta: level.quantities[n] - before[n], level, ledgerDocumentUri: c.ledgerDocumentUri }));
      });
      return { inventoryAdjustmentGroup: adjustmentGroup(input.reason, input.referenceDocumentUri, changes), userErrors: [] };
    },
  };
}
