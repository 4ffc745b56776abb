import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import {
  attributesResultSchema, brandsResultSchema, categoriesResultSchema, categoryRulesResultSchema, prerequisitesResultSchema,
  recommendCategoryResultSchema,
  type TikTokAttributesResult, type TikTokBrandsResult, type TikTokCategoriesResult, type TikTokCategoryRules,
  type TikTokCategoryVersion, type TikTokPrerequisitesResult, type TikTokRecommendCategoryResult,
} from "./types/catalog";

/** Categories, attributes, rules, brands and listing prerequisites (contract §4.1, §4.6, §4.7). US shops use v2. */
export function createCatalogApi(call: ShopCall) {
  return {
    getCategories(options: { categoryVersion?: TikTokCategoryVersion; locale?: string; keyword?: string; listingPlatform?: string;
      includeProhibitedCategories?: boolean } = {}): Promise<TikTokResult<TikTokCategoriesResult>> {
      return call({ method: "GET", path: "/product/202309/categories",
        query: { category_version: options.categoryVersion, locale: options.locale, keyword: options.keyword,
          listing_platform: options.listingPlatform, include_prohibited_categories: options.includeProhibitedCategories },
        schema: categoriesResultSchema, shopScoped: true, idempotent: true });
    },

    getCategoryRules(categoryId: string, options: { categoryVersion?: TikTokCategoryVersion; locale?: string } = {}):
      Promise<TikTokResult<TikTokCategoryRules>> {
      return call({ method: "GET", path: "/product/202309/categories/{category_id}/rules", pathParams: { category_id: categoryId },
        query: { category_version: options.categoryVersion, locale: options.locale }, schema: categoryRulesResultSchema,
        shopScoped: true, idempotent: true });
    },

    getAttributes(categoryId: string, options: { categoryVersion?: TikTokCategoryVersion; locale?: string } = {}):
      Promise<TikTokResult<TikTokAttributesResult>> {
      return call({ method: "GET", path: "/product/202309/categories/{category_id}/attributes", pathParams: { category_id: categoryId },
        query: { category_version: options.categoryVersion, locale: options.locale }, schema: attributesResultSchema,
        shopScoped: true, idempotent: true });
    },

    recommendCategory(input: { product_title: string; description?: string; images?: Array<{ uri: string }>;
      category_version?: TikTokCategoryVersion }): Promise<TikTokResult<TikTokRecommendCategoryResult>> {
      return call({ method: "POST", path: "/product/202309/categories/recommend", body: input, schema: recommendCategoryResultSchema,
        shopScoped: true, idempotent: true });
    },

    getBrands(options: { pageSize: number; pageToken?: string; categoryId?: string; isAuthorized?: boolean; brandName?: string;
      categoryVersion?: TikTokCategoryVersion }): Promise<TikTokResult<TikTokBrandsResult>> {
      return call({ method: "GET", path: "/product/202309/brands",
        query: { page_size: options.pageSize, page_token: options.pageToken, category_id: options.categoryId,
          // TikTok takes 1/0 here, not true/false.
          is_authorized: options.isAuthorized === undefined ? undefined : options.isAuthorized ? 1 : 0,
          brand_name: options.brandName, category_version: options.categoryVersion },
        schema: brandsResultSchema, shopScoped: true, idempotent: true });
    },

    getListingPrerequisites(): Promise<TikTokResult<TikTokPrerequisitesResult>> {
      return call({ method: "GET", path: "/product/202312/prerequisites", schema: prerequisitesResultSchema, shopScoped: true,
        idempotent: true });
    },
  };
}

export type TikTokCatalogApi = ReturnType<typeof createCatalogApi>;
