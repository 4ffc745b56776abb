import type { ShopifyProduct } from "../listing/shopify-product";
import type { CatalogIndexFields } from "./catalog-repository";

/** The products page's fields of a product read from the Admin API (or a bulk operation). */
export function indexFieldsFromProduct(product: ShopifyProduct): CatalogIndexFields {
  const image = product.media.nodes.find((m) => m.image)?.image?.url ?? null;
  return {
    productId: product.id,
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    collections: product.collections.nodes.map((c) => c.id),
    imageUrl: image,
    variantCount: product.variants.nodes.length,
    skus: product.variants.nodes.map((v) => v.sku ?? "").filter(Boolean),
    shopifyUpdatedAt: new Date(product.updatedAt),
  };
}
