// Stock per location, read apart from the product itself: levels × variants in one query would exceed
// Shopify's single-query cost limit (1,000) for larger products, so variants are paged in small steps.
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
          inventoryItem {
            id
            inventoryLevels(first: 5) {
              nodes {
                location {
                  id
                  name
                }
                quantities(names: ["available"]) {
                  name
                  quantity
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const INVENTORY_ITEM_STOCK_QUERY = /* GraphQL */ `
  query InventoryItemStock($id: ID!) {
    inventoryItem(id: $id) {
      id
      tracked
      variants(first: 1) {
        nodes {
          id
          inventoryPolicy
          product {
            id
          }
        }
      }
      inventoryLevels(first: 20) {
        nodes {
          location {
            id
            name
          }
          quantities(names: ["available"]) {
            name
            quantity
          }
        }
      }
    }
  }
`;

export interface StockLevel {
  location: { id: string; name: string };
  quantities: Array<{ name: string; quantity: number }>;
}

export interface ProductStockResult {
  product: {
    variants: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ id: string; inventoryItem: { id: string; inventoryLevels: { nodes: StockLevel[] } } }>;
    };
  } | null;
}

export interface InventoryItemStockResult {
  inventoryItem: {
    id: string;
    tracked: boolean;
    variants: { nodes: Array<{ id: string; inventoryPolicy: "DENY" | "CONTINUE"; product: { id: string } }> };
    inventoryLevels: { nodes: StockLevel[] };
  } | null;
}
