// Exactly what the ProductForListing fragment (app/integrations/shopify/product.graphql.ts) returns from the
// Admin API 2026-10. The CSV reader and the bulk-operation reader assemble this same shape; values they
// cannot know (image sizes, per-location stock) stay null rather than being invented.

export type ShopifyProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
export type ShopifyWeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";

export interface ShopifyImage {
  url: string;
  width: number | null;
  height: number | null;
  altText: string | null;
}

export interface ShopifyMediaNode {
  __typename: string;
  id: string;
  /** Present on MediaImage only. */
  alt?: string | null;
  image?: ShopifyImage | null;
}

export interface ShopifyMetafieldValue {
  type: string;
  value: string;
}

export interface ShopifyMetafield extends ShopifyMetafieldValue {
  namespace: string;
  key: string;
}

export interface ShopifyInventoryLevel {
  /** Present when read from the Admin API (not in CSV exports). */
  updatedAt?: string;
  location: { id: string; name: string };
  quantities: Array<{ name: string; quantity: number }>;
}

export interface ShopifyVariant {
  id: string;
  title: string;
  position: number;
  sku: string | null;
  /** Decimal string, e.g. "19.99". */
  price: string;
  compareAtPrice: string | null;
  barcode: string | null;
  inventoryPolicy: "DENY" | "CONTINUE";
  /** Total available across locations; null when unknown (e.g. a CSV without quantities). */
  inventoryQuantity: number | null;
  selectedOptions: Array<{ name: string; value: string }>;
  media: { nodes: ShopifyMediaNode[] };
  inventoryItem: {
    id: string;
    tracked: boolean;
    requiresShipping: boolean;
    measurement: { weight: { unit: ShopifyWeightUnit; value: number } | null };
    inventoryLevels: { nodes: ShopifyInventoryLevel[] };
  };
}

export interface ShopifyProduct {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: ShopifyProductStatus;
  isGiftCard: boolean;
  updatedAt: string;
  category: { id: string; fullName: string } | null;
  options: Array<{
    name: string;
    position: number;
    linkedMetafield: { namespace: string; key: string } | null;
    optionValues: Array<{ name: string }>;
  }>;
  collections: { nodes: Array<{ id: string; handle: string; title: string }> };
  media: { nodes: ShopifyMediaNode[] };
  packageLength: ShopifyMetafieldValue | null;
  packageWidth: ShopifyMetafieldValue | null;
  packageHeight: ShopifyMetafieldValue | null;
  metafields: { nodes: ShopifyMetafield[] };
  variants: { nodes: ShopifyVariant[] };
  /** All variants of the product (the query may ask for fewer); absent where unknown (CSV). */
  variantsCount?: { count: number } | null;
}
