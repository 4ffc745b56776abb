// Mutations the sandbox performs. They change the store like a merchant's edit would, so the same
// webhooks follow. Input Shopify would refuse comes back as userErrors with Shopify's codes.
import { GraphQLError } from "graphql";
import type { ShopifyStore, WeightUnit } from "../store";
import { bulkOperationView } from "./bulk-views";
import { fulfillmentMutations } from "./fulfillment-mutations";
import { inventoryMutations } from "./inventory-mutations";
import { validMetafieldValue } from "./metafield-values";
import { APP_NAMESPACE, metafieldView } from "./metafield-views";
import { rejectUnsupported, unsupported, type UserError } from "./mutation-support";
import { orderMutations } from "./order-mutations";
import { productView, variantView } from "./product-views";
import { requireScope, type ResolverContext } from "./resolver-context";

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
    ...inventoryMutations(ctx),
    ...orderMutations(ctx),
    ...fulfillmentMutations(ctx),
  };
}
