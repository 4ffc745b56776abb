// The business details Shopify holds for the store (Settings > General): the store address with its
// company (the legal business name), owner and contact emails, and the selling currency. (Shop.billingAddress
// is deprecated in 2026-10 in favour of shopAddress.)
export const SHOP_BUSINESS_INFO_QUERY = /* GraphQL */ `
  query ShopBusinessInfo {
    shop {
      name
      email
      contactEmail
      currencyCode
      shopAddress {
        company
        address1
        address2
        city
        province
        provinceCode
        zip
        countryCodeV2
        phone
      }
    }
  }
`;

export interface ShopBusinessAddress {
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}

export interface ShopBusinessInfoResult {
  shop: { name: string; email: string; contactEmail: string; currencyCode: string; shopAddress: ShopBusinessAddress };
}
