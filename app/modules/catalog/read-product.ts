// Reads a product's latest state from the Admin API in the shape the listing mapper takes: the product
// (PRODUCT_FOR_LISTING_QUERY) plus stock per location, paged separately to stay under Shopify's
// single-query cost limit.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { PRODUCT_FOR_LISTING_QUERY, type ProductForListingResult } from "../../integrations/shopify/product.graphql";
import { PRODUCT_STOCK_QUERY, type ProductStockResult, type StockLevel } from "../../integrations/shopify/product-stock.graphql";
import type { ShopifyProduct } from "../listing/shopify-product";

export async function readProductForListing(shopify: ShopifyAdminGateway, productId: string): Promise<ShopifyProduct | null> {
  const { product } = await shopify.request<ProductForListingResult>(PRODUCT_FOR_LISTING_QUERY, { id: productId });
  if (!product) return null;
  const levels = new Map<string, StockLevel[]>();
  let after: string | null = null;
  do {
    const page: ProductStockResult = await shopify.request<ProductStockResult>(PRODUCT_STOCK_QUERY, { id: productId, after });
    if (!page.product) return null; // deleted between the two reads
    for (const v of page.product.variants.nodes) levels.set(v.id, v.inventoryItem.inventoryLevels.nodes);
    after = page.product.variants.pageInfo.hasNextPage ? page.product.variants.pageInfo.endCursor : null;
  } while (after);
  return {
    ...product,
    variants: {
      nodes: product.variants.nodes.map((v) => ({
        ...v,
        inventoryItem: { ...v.inventoryItem, inventoryLevels: { nodes: levels.get(v.id) ?? [] } },
      })),
    },
  };
}
