// The initial catalog export: one bulk operation over every product (Shopify writes JSONL, no cost limit),
// streamed into the app's catalog mirror. Bulk queries allow at most five connections, nested two deep,
// so stock per location and variant images are read per product when it syncs.
export const CATALOG_PRODUCTS_BULK_QUERY = /* GraphQL */ `
  query CatalogProductsExport {
    products {
      edges {
        node {
          id
          handle
          title
          descriptionHtml
          vendor
          productType
          tags
          status
          isGiftCard
          updatedAt
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
                __typename
                id
                ... on MediaImage {
                  alt
                  image {
                    url
                    width
                    height
                    altText
                  }
                }
              }
            }
          }
          variants {
            edges {
              node {
                id
                title
                position
                sku
                price
                compareAtPrice
                barcode
                inventoryPolicy
                inventoryQuantity
                selectedOptions {
                  name
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const RUN_BULK_QUERY_MUTATION = /* GraphQL */ `
  mutation RunBulkQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
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

/** Which field each child line of the export belongs to (JSONL names only the parent). */
export const CATALOG_EXPORT_CHILD_FIELDS = { Collection: "collections", MediaImage: "media", Video: "media", ExternalVideo: "media", Model3d: "media", ProductVariant: "variants" } as const;
