// Stock per location, read apart from the product itself: levels × variants in one query would exceed
// Shopify's single-query cost limit (1,000) for larger products, so variants are paged in small steps.
import { STOCK_LEVEL_FRAGMENT } from "./product.graphql";
export const PRODUCT_STOCK_QUERY = /* GraphQL */ `
  query ProductStock($id: ID!, $after: String, $variants: Int = 25) {
    product(id: $id) {
      variants(first: $variants, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          inventoryPolicy
          inventoryItem {
            id
            tracked
            inventoryLevels(first: 5) {
              nodes {
                ...StockLevelFields
              }
            }
          }
        }
      }
    }
  }
  ${STOCK_LEVEL_FRAGMENT}
`;

export interface StockLevel {
  updatedAt: string;
  location: { id: string; name: string };
  quantities: Array<{ name: string; quantity: number }>;
}

export interface ProductStockResult {
  product: {
    variants: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ id: string; inventoryPolicy: "DENY" | "CONTINUE"; inventoryItem: { id: string; tracked: boolean; inventoryLevels: { nodes: StockLevel[] } } }>;
    };
  } | null;
}
