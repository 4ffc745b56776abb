import { MEDIA_FOR_LISTING_FRAGMENT, PRODUCT_LISTING_FIELDS_FRAGMENT, STOCK_LEVEL_FRAGMENT, VARIANT_LISTING_FIELDS_FRAGMENT } from "./product.graphql";

// The initial catalog export, in two bulk operations (Shopify writes JSONL, no cost limit), so the first
// sync of a whole catalog needs no Admin API read per product. A bulk query allows at most five
// connections, nested two deep: the products export carries everything the listing mapper reads except
// each variant's image and stock per location, which the variants export adds (variant → media and
// inventory levels would be a third level under products).
export const CATALOG_PRODUCTS_BULK_QUERY = /* GraphQL */ `
  query CatalogProductsExport {
    products {
      edges {
        node {
          ...ProductListingFields
          collections {
            edges {
              node {
                id
                handle
                title
              }
            }
          }
          media {
            edges {
              node {
                ...MediaForListing
              }
            }
          }
          metafields {
            edges {
              node {
                id
                namespace
                key
                type
                value
              }
            }
          }
          variants {
            edges {
              node {
                ...VariantListingFields
              }
            }
          }
        }
      }
    }
  }
  ${PRODUCT_LISTING_FIELDS_FRAGMENT}
  ${VARIANT_LISTING_FIELDS_FRAGMENT}
  ${MEDIA_FOR_LISTING_FRAGMENT}
`;

/** Second export: each variant's image and its stock per location (seeds the stock ledger). */
export const CATALOG_VARIANTS_BULK_QUERY = /* GraphQL */ `
  query CatalogVariantsExport {
    productVariants {
      edges {
        node {
          id
          product {
            id
          }
          media {
            edges {
              node {
                ...MediaForListing
              }
            }
          }
          inventoryItem {
            id
            inventoryLevels {
              edges {
                node {
                  id
                  ...StockLevelFields
                }
              }
            }
          }
        }
      }
    }
  }
  ${STOCK_LEVEL_FRAGMENT}
  ${MEDIA_FOR_LISTING_FRAGMENT}
`;

export const RUN_BULK_QUERY_MUTATION = /* GraphQL */ `
  mutation RunBulkQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const BULK_OPERATION_QUERY = /* GraphQL */ `
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      url
    }
  }
`;

export interface RunBulkQueryResult {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: Array<{ field: string[] | null; message: string; code: string | null }>;
  };
}

export interface BulkOperationResult {
  bulkOperation: { id: string; status: string; errorCode: string | null; objectCount: string; url: string | null } | null;
}

/** Which field each child line of the exports belongs to (JSONL names only the parent). */
const MEDIA_CHILD_FIELDS = { MediaImage: "media", Video: "media", ExternalVideo: "media", Model3d: "media" } as const;
export const CATALOG_EXPORT_CHILD_FIELDS = { ...MEDIA_CHILD_FIELDS, Collection: "collections", Metafield: "metafields", ProductVariant: "variants" } as const;
export const VARIANT_EXPORT_CHILD_FIELDS = { ...MEDIA_CHILD_FIELDS, InventoryLevel: "inventoryLevels" } as const;
