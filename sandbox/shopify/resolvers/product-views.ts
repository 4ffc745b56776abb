// Product, ProductVariant and ProductOption as the Admin API shows them, over the store's records.
import { GraphQLError } from "graphql";
import { searchFilter, type FieldMatcher } from "../search-query";
import { paginate, sortByKey, type ConnectionArgs, type SortKey } from "../relay-connection";
import type { StoredOption, StoredProduct, StoredVariant } from "../store";
import { collectionView } from "./collection-views";
import { inventoryItemView } from "./inventory-views";
import { mediaImageView } from "./media-views";
import { metafieldFields } from "./metafield-views";
import { count, legacyNumber, type ResolverContext } from "./resolver-context";

const money = (ctx: ResolverContext, amount: string) => ({ amount, currencyCode: ctx.store.shop.currencyCode });

function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

function optionView(ctx: ResolverContext, product: StoredProduct, option: StoredOption) {
  const variants = ctx.store.productVariants(product);
  return {
    __typename: "ProductOption",
    id: option.id,
    name: option.name,
    position: option.position,
    // The sample CSVs link no option to a metafield (the newer export's "Linked To" column).
    linkedMetafield: null,
    values: option.values.map((v) => v.name),
    optionValues: option.values.map((v) => ({
      __typename: "ProductOptionValue",
      id: v.id,
      name: v.name,
      hasVariants: variants.some((variant) => variant.selectedOptions.some((s) => s.name === option.name && s.value === v.name)),
    })),
  };
}

export function productSortKey(ctx: ResolverContext, sortKey: string | null | undefined): (p: StoredProduct) => SortKey {
  switch (sortKey ?? "ID") {
    case "TITLE": return (p) => ({ value: p.title, id: legacyNumber(p.id) });
    case "UPDATED_AT": return (p) => ({ value: p.updatedAt, id: legacyNumber(p.id) });
    case "CREATED_AT": return (p) => ({ value: p.createdAt, id: legacyNumber(p.id) });
    case "PUBLISHED_AT": return (p) => ({ value: p.publishedAt ?? "", id: legacyNumber(p.id) });
    case "VENDOR": return (p) => ({ value: p.vendor, id: legacyNumber(p.id) });
    case "PRODUCT_TYPE": return (p) => ({ value: p.productType, id: legacyNumber(p.id) });
    case "INVENTORY_TOTAL": return (p) => ({ value: ctx.store.productTotalInventory(p), id: legacyNumber(p.id) });
    default: return (p) => ({ value: legacyNumber(p.id), id: legacyNumber(p.id) }); // ID, RELEVANCE
  }
}

export function productSearchFields(ctx: ResolverContext): Record<string, FieldMatcher<StoredProduct>> {
  const variantValues = (p: StoredProduct, pick: (v: StoredVariant) => string | null) =>
    ctx.store.productVariants(p).map(pick).filter((x): x is string => x !== null);
  return {
    title: { kind: "text", get: (p) => p.title },
    handle: { kind: "exact", get: (p) => p.handle },
    status: { kind: "exact", get: (p) => p.status },
    vendor: { kind: "exact", get: (p) => p.vendor },
    product_type: { kind: "exact", get: (p) => p.productType },
    tag: { kind: "list", get: (p) => p.tags },
    tag_not: { kind: "list", get: (p) => p.tags, negate: true },
    sku: { kind: "list", get: (p) => variantValues(p, (v) => v.sku) },
    barcode: { kind: "list", get: (p) => variantValues(p, (v) => v.barcode) },
    id: { kind: "number", get: (p) => legacyNumber(p.id) },
    created_at: { kind: "date", get: (p) => p.createdAt },
    updated_at: { kind: "date", get: (p) => p.updatedAt },
    published_at: { kind: "date", get: (p) => p.publishedAt },
    inventory_total: { kind: "number", get: (p) => ctx.store.productTotalInventory(p) },
  };
}

/** Products matching a `query:` string (warnings recorded on the context). */
export function searchProducts(ctx: ResolverContext, query: string | null | undefined, path: (string | number)[]): StoredProduct[] {
  const { matches, warnings } = searchFilter(query, productSearchFields(ctx), (p) => [p.title, p.vendor, p.productType, p.handle, ...p.tags]);
  if (warnings.length && query) ctx.searchWarnings.push({ path, query, warnings });
  return [...ctx.store.products.values()].filter(matches);
}

export function productConnection(ctx: ResolverContext, products: StoredProduct[], args: ConnectionArgs & { sortKey?: string | null }) {
  const keyOf = productSortKey(ctx, args.sortKey);
  const sorted = args.sortKey && args.sortKey !== "ID" ? sortByKey(products, keyOf, Boolean(args.reverse)) : args.reverse ? [...products].reverse() : products;
  return paginate(sorted, args, keyOf, (p) => productView(ctx, p), { unbounded: ctx.unbounded });
}

export function variantSortKey(ctx: ResolverContext, sortKey: string | null | undefined): (v: StoredVariant) => SortKey {
  switch (sortKey ?? "ID") {
    case "POSITION": return (v) => ({ value: v.position, id: legacyNumber(v.id) });
    case "SKU": return (v) => ({ value: v.sku ?? "", id: legacyNumber(v.id) });
    case "TITLE": return (v) => ({ value: v.title, id: legacyNumber(v.id) });
    case "INVENTORY_QUANTITY": return (v) => ({ value: ctx.store.variantInventoryQuantity(v), id: legacyNumber(v.id) });
    default: return (v) => ({ value: legacyNumber(v.id), id: legacyNumber(v.id) });
  }
}

export function variantConnection(ctx: ResolverContext, variants: StoredVariant[], args: ConnectionArgs & { sortKey?: string | null }) {
  const keyOf = variantSortKey(ctx, args.sortKey);
  return paginate(sortByKey(variants, keyOf, Boolean(args.reverse)), args, keyOf, (v) => variantView(ctx, v), { unbounded: ctx.unbounded });
}

export function productView(ctx: ResolverContext, p: StoredProduct) {
  const store = ctx.store;
  const variants = () => store.productVariants(p);
  const media = () => store.productMedia(p);
  const prices = () => variants().map((v) => Number(v.price));
  return {
    __typename: "Product",
    id: p.id,
    legacyResourceId: String(legacyNumber(p.id)),
    handle: p.handle,
    title: p.title,
    descriptionHtml: p.descriptionHtml,
    description: (args: { truncateAt?: number | null }) => {
      const text = stripHtml(p.descriptionHtml);
      return args.truncateAt != null && text.length > args.truncateAt ? `${text.slice(0, args.truncateAt)}…` : text;
    },
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
    isGiftCard: false,
    // Products seeded from the older CSV layout carry no Standard Product Taxonomy category.
    category: null,
    hasOnlyDefaultVariant: () => p.options.length === 1 && p.options[0]!.name === "Title" && p.variantIds.length === 1,
    tracksInventory: () => variants().some((v) => store.inventoryItems.get(v.inventoryItemId)?.tracked === true),
    totalInventory: () => store.productTotalInventory(p),
    hasOutOfStockVariants: () => variants().some((v) => store.variantInventoryQuantity(v) <= 0),
    options: (args: { first?: number | null }) => p.options.slice(0, args.first ?? undefined).map((o) => optionView(ctx, p, o)),
    variants: (args: ConnectionArgs & { sortKey?: string | null }) => variantConnection(ctx, variants(), args),
    variantsCount: () => count(p.variantIds.length),
    media: (args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) => {
      if (args.query) throw new GraphQLError("Field 'media' argument 'query' is not supported by the sandbox", { extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" } });
      const keyOf = args.sortKey === "ID" ? (m: { id: string }) => ({ value: legacyNumber(m.id), id: legacyNumber(m.id) }) : (m: { id: string; position: number }) => ({ value: m.position, id: legacyNumber(m.id) });
      return paginate(sortByKey(media(), keyOf, Boolean(args.reverse)), args, keyOf, (m) => mediaImageView(ctx, m), { unbounded: ctx.unbounded });
    },
    mediaCount: () => count(p.mediaIds.length),
    featuredMedia: () => {
      const first = media()[0];
      return first ? mediaImageView(ctx, first) : null;
    },
    priceRangeV2: () => ({
      minVariantPrice: money(ctx, Math.min(...prices()).toFixed(2)),
      maxVariantPrice: money(ctx, Math.max(...prices()).toFixed(2)),
    }),
    collections: (args: ConnectionArgs) => {
      const list = store.collectionsOf(p.id);
      return paginate(list, args, (c) => ({ value: legacyNumber(c.id), id: legacyNumber(c.id) }), (c) => collectionView(ctx, c), { unbounded: ctx.unbounded });
    },
    inCollection: (args: { id: string }) => store.collections.get(args.id)?.productIds.includes(p.id) ?? false,
    onlineStoreUrl: p.status === "ACTIVE" && p.publishedAt ? `https://${store.shop.myshopifyDomain}/products/${p.handle}` : null,
    ...metafieldFields(ctx, p.id),
  };
}

export function variantView(ctx: ResolverContext, v: StoredVariant) {
  const store = ctx.store;
  const product = () => store.requireProduct(v.productId);
  const item = store.inventoryItems.get(v.inventoryItemId);
  return {
    __typename: "ProductVariant",
    id: v.id,
    legacyResourceId: String(legacyNumber(v.id)),
    title: v.title,
    displayName: () => `${product().title} - ${v.title}`,
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    barcode: v.barcode,
    inventoryPolicy: v.inventoryPolicy,
    inventoryQuantity: () => store.variantInventoryQuantity(v),
    availableForSale: () =>
      product().status === "ACTIVE" && (v.inventoryPolicy === "CONTINUE" || !item?.tracked || store.variantInventoryQuantity(v) > 0),
    position: v.position,
    taxable: v.taxable,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    selectedOptions: () =>
      v.selectedOptions.map((s) => {
        const option = product().options.find((o) => o.name === s.name);
        const value = option?.values.find((x) => x.name === s.value);
        return {
          __typename: "SelectedOption",
          name: s.name,
          value: s.value,
          optionValue: { __typename: "ProductOptionValue", id: value?.id, name: s.value, hasVariants: true },
        };
      }),
    media: (args: ConnectionArgs) => {
      const list = v.mediaIds.map((id) => store.media.get(id)).filter((m) => m !== undefined);
      return paginate(list, args, (m) => ({ value: m.position, id: legacyNumber(m.id) }), (m) => mediaImageView(ctx, m), { unbounded: ctx.unbounded });
    },
    product: () => productView(ctx, product()),
    inventoryItem: () => inventoryItemView(ctx, store.inventoryItems.get(v.inventoryItemId)!),
    ...metafieldFields(ctx, v.id),
  };
}
