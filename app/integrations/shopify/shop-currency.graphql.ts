export const SHOP_CURRENCY_QUERY = /* GraphQL */ `
  query ShopCurrency {
    shop {
      currencyCode
    }
  }
`;

export interface ShopCurrencyResult {
  shop: { currencyCode: string };
}
