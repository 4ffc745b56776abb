export const SHOP_SUMMARY_QUERY = /* GraphQL */ `
  query ShopSummary {
    shop {
      name
      myshopifyDomain
      currencyCode
      billingAddress {
        countryCodeV2
      }
    }
    productsCount {
      count
    }
  }
`;

export interface ShopSummaryResult {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; billingAddress: { countryCodeV2: string | null } };
  productsCount: { count: number } | null;
}
