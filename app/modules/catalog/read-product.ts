// Reads a product's latest state from the Admin API in the shape the listing mapper takes: the product
// (PRODUCT_FOR_LISTING_QUERY) plus stock per location, paged separately to stay under Shopify's
// single-query cost limit.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { PRODUCT_FOR_LISTING_QUERY, type ProductForListingResult } from "../../integrations/shopify/product.graphql";
import { PRODUCT_STOCK_QUERY, type ProductStockResult, type StockLevel } from "../../integrations/shopify/product-stock.graphql";
import type { ShopifyProduct } from "../listing/shopify-product";

const MAX_VARIANTS = 100;
const STOCK_PAGE = 25;
const clamp = (n: number, max: number) => Math.min(Math.max(Math.trunc(n), 1), max);

/**
 * `expectedVariants` (e.g. from the catalog mirror) sizes the query: Shopify charges what is asked for, so
 * asking for 100 variants of a 3-variant product would throttle a whole catalog sync. When the product
 * has more variants than asked for (variantsCount), it is read again with the right size.
 */
export async function readProductForListing(shopify: ShopifyAdminGateway, productId: string, expectedVariants = MAX_VARIANTS): Promise<ShopifyProduct | null> {
  let first = clamp(expectedVariants + 2, MAX_VARIANTS);
  let { product } = await shopify.request<ProductForListingResult>(PRODUCT_FOR_LISTING_QUERY, { id: productId, variants: first });
  const total = product?.variantsCount?.count ?? 0;
  if (product && total > first && first < MAX_VARIANTS) {
    first = clamp(total, MAX_VARIANTS);
    ({ product } = await shopify.request<ProductForListingResult>(PRODUCT_FOR_LISTING_QUERY, { id: productId, variants: first }));
  }
  if (!product) return null;
  const stock = await readProductStock(shopify, productId, product.variants.nodes.length);
  if (!stock) return null; // deleted between the two reads
  const levels = new Map(stock.map((v) => [v.variantId, v.levels]));
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

export interface VariantStock {
  variantId: string;
  inventoryPolicy: "DENY" | "CONTINUE";
  inventoryItemId: string;
  tracked: boolean;
  levels: StockLevel[];
}

/** Stock per location of every variant, paged (levels × variants in one query would cost too much). */
export async function readProductStock(shopify: ShopifyAdminGateway, productId: string, expectedVariants: number): Promise<VariantStock[] | null> {
  const stockPage = clamp(expectedVariants, STOCK_PAGE);
  const variants: VariantStock[] = [];
  let after: string | null = null;
  do {
    const page: ProductStockResult = await shopify.request<ProductStockResult>(PRODUCT_STOCK_QUERY, { id: productId, after, variants: stockPage });
    if (!page.product) return null;
    for (const v of page.product.variants.nodes) {
      variants.push({ variantId: v.id, inventoryPolicy: v.inventoryPolicy, inventoryItemId: v.inventoryItem.id, tracked: v.inventoryItem.tracked, levels: v.inventoryItem.inventoryLevels.nodes });
    }
    after = page.product.variants.pageInfo.hasNextPage ? page.product.variants.pageInfo.endCursor : null;
  } while (after);
  return variants;
}
