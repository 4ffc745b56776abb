export const SHOP_SUMMARY_QUERY = /* GraphQL */ `
  query ShopSummary {
    shop {
      name
      myshopifyDomain
      currencyCode
      shopAddress {
        countryCodeV2
      }
    }
    productsCount {
      count
    }
  }
`;

export interface ShopSummaryResult {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; shopAddress: { countryCodeV2: string | null } };
  productsCount: { count: number } | null;
}
