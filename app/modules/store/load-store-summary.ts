// Use case: what the home page shows about the connected Shopify store, read live from the Admin API.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { SHOP_SUMMARY_QUERY, type ShopSummaryResult } from "../../integrations/shopify/shop-summary.graphql";

export interface StoreSummary {
  name: string;
  domain: string;
  currency: string;
  country: string | null;
  productCount: number | null;
}

export async function loadStoreSummary(shopify: ShopifyAdminGateway): Promise<StoreSummary> {
  const { shop, productsCount } = await shopify.request<ShopSummaryResult>(SHOP_SUMMARY_QUERY);
  return {
    name: shop.name,
    domain: shop.myshopifyDomain,
    currency: shop.currencyCode,
    country: shop.shopAddress.countryCodeV2,
    productCount: productsCount?.count ?? null,
  };
}
