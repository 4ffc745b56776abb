// The collections a product is in (webhook payloads do not say): read only when an auto-include rule is
// about collections, for a product that just appeared.
export const PRODUCT_COLLECTIONS_QUERY = /* GraphQL */ `
  query ProductCollections($id: ID!) {
    product(id: $id) {
      collections(first: 50) {
        nodes {
          handle
          title
        }
      }
    }
  }
`;

export interface ProductCollectionsResult {
  product: { collections: { nodes: Array<{ handle: string; title: string }> } } | null;
}
