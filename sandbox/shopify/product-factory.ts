// Builds a product with its options, variants, inventory items and levels, and media — the records a
// CSV import or the admin's "Add product" form creates in Shopify.
import type { ShopifyStore, StoredInventoryItem, StoredMedia, StoredProduct, StoredVariant, WeightUnit, ProductStatus } from "./store";

export interface NewProductInput {
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: ProductStatus;
  options: { name: string; values: string[] }[];
  variants: {
    optionValues: string[];
    sku: string | null;
    price: string;
    compareAtPrice: string | null;
    barcode: string | null;
    weight: { unit: WeightUnit; value: number };
    inventoryPolicy: "DENY" | "CONTINUE";
    tracked: boolean;
    /** Total available, split across the store's locations. */
    quantity: number;
    /** Index into `images` of the variant's own image. */
    imageIndex: number | null;
  }[];
  images: { alt: string | null; width: number; height: number }[];
}

/** Splits a quantity over locations deterministically: earlier locations get the remainder. */
export function splitQuantity(quantity: number, locationCount: number): number[] {
  const base = Math.floor(quantity / locationCount);
  const remainder = quantity - base * locationCount;
  return Array.from({ length: locationCount }, (_, i) => base + (i < remainder ? 1 : 0));
}

export function createProduct(store: ShopifyStore, input: NewProductInput, now: string, announce = true): StoredProduct {
  if (input.variants.length === 0) throw new Error(`Product ${input.handle} needs at least one variant`);
  const productId = store.nextId("Product");
  const mediaRecords: StoredMedia[] = input.images.map((image, i) => ({
    id: store.nextId("MediaImage"),
    productId,
    alt: image.alt,
    position: i + 1,
    width: image.width,
    height: image.height,
    path: `/cdn/shop/files/${input.handle}-${i + 1}.png`,
    createdAt: now,
    updatedAt: now,
  }));
  for (const m of mediaRecords) store.media.set(m.id, m);

  const options = input.options.map((option, i) => ({
    id: store.nextId("ProductOption"),
    name: option.name,
    position: i + 1,
    values: option.values.map((name) => ({ id: store.nextId("ProductOptionValue"), name })),
  }));

  const locations = [...store.locations.values()].filter((l) => l.isActive);
  const variantIds: string[] = [];
  input.variants.forEach((v, index) => {
    const variantId = store.nextId("ProductVariant");
    const item: StoredInventoryItem = {
      id: store.nextId("InventoryItem"),
      variantId,
      sku: v.sku,
      tracked: v.tracked,
      requiresShipping: true,
      weight: v.weight,
      createdAt: now,
      updatedAt: now,
      levels: new Map(),
    };
    store.inventoryItems.set(item.id, item);
    splitQuantity(v.quantity, locations.length).forEach((q, i) => store.addInventoryLevel(item, locations[i]!.id, q, now));
    const image = v.imageIndex !== null ? mediaRecords[v.imageIndex] : undefined;
    const variant: StoredVariant = {
      id: variantId,
      productId,
      title: v.optionValues.join(" / "),
      sku: v.sku,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      barcode: v.barcode,
      inventoryPolicy: v.inventoryPolicy,
      taxable: true,
      position: index + 1,
      selectedOptions: input.options.map((o, i) => ({ name: o.name, value: v.optionValues[i] ?? "" })),
      mediaIds: image ? [image.id] : [],
      inventoryItemId: item.id,
      createdAt: now,
      updatedAt: now,
    };
    store.variants.set(variantId, variant);
    variantIds.push(variantId);
  });

  const product: StoredProduct = {
    id: productId,
    handle: input.handle,
    title: input.title,
    descriptionHtml: input.descriptionHtml,
    vendor: input.vendor,
    productType: input.productType,
    tags: input.tags,
    status: input.status,
    createdAt: now,
    updatedAt: now,
    publishedAt: input.status === "ACTIVE" ? now : null,
    options,
    variantIds,
    mediaIds: mediaRecords.map((m) => m.id),
  };
  store.addProduct(product, announce);
  return product;
}

/** A unique handle: Shopify appends -1, -2 … when a handle is taken. */
export function uniqueHandle(store: ShopifyStore, wanted: string): string {
  const taken = new Set([...store.products.values()].map((p) => p.handle));
  const base = wanted.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "product";
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
