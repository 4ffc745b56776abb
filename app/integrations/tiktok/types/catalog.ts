import { z } from "zod";
import { tiktokId } from "./tiktok-primitives";

export type TikTokCategoryVersion = "v1" | "v2";

export const categoriesResultSchema = z.looseObject({
  categories: z
    .array(
      z.looseObject({
        id: tiktokId,
        parent_id: tiktokId,
        local_name: z.string(),
        is_leaf: z.boolean(),
        permission_statuses: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});
export type TikTokCategoriesResult = z.infer<typeof categoriesResultSchema>;
export type TikTokCategory = TikTokCategoriesResult["categories"][number];

const requirementConditionSchema = z.looseObject({
  condition_type: z.string().optional(),
  attribute_id: tiktokId.optional(),
  attribute_value_id: tiktokId.optional(),
});

export const attributesResultSchema = z.looseObject({
  attributes: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        type: z.string(), // SALES_PROPERTY | PRODUCT_PROPERTY
        // TikTok's own spelling ("requried"), contract §4.7.
        is_requried: z.boolean().default(false),
        is_customizable: z.boolean().optional(),
        is_multiple_selection: z.boolean().optional(),
        values: z.array(z.looseObject({ id: tiktokId, name: z.string() })).default([]),
        requirement_conditions: z.array(requirementConditionSchema).default([]),
        value_data_format: z.string().optional(),
      }),
    )
    .default([]),
});
export type TikTokAttributesResult = z.infer<typeof attributesResultSchema>;
export type TikTokAttribute = TikTokAttributesResult["attributes"][number];

export const categoryRulesResultSchema = z.looseObject({
  product_certifications: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        is_required: z.boolean().default(false),
        requirement_conditions: z.array(requirementConditionSchema).optional(),
        sample_image_url: z.string().optional(),
        expiration_date: z.looseObject({ is_required: z.boolean().optional() }).optional(),
      }),
    )
    .default([]),
  size_chart: z.looseObject({ is_required: z.boolean().default(false), is_supported: z.boolean().optional() }).optional(),
  cod: z.looseObject({ is_supported: z.boolean().optional() }).optional(),
  package_dimension: z.looseObject({ is_required: z.boolean().default(false) }).optional(),
});
export type TikTokCategoryRules = z.infer<typeof categoryRulesResultSchema>;

export const recommendCategoryResultSchema = z.looseObject({
  // "" when TikTok has no suggestion for the title (the simulator answers so; TikTok documents no other form).
  leaf_category_id: z.union([tiktokId, z.literal("")]),
  categories: z
    .array(z.looseObject({ id: tiktokId, name: z.string().optional(), level: z.number().optional(), is_leaf: z.boolean().optional() }))
    .default([]),
});
export type TikTokRecommendCategoryResult = z.infer<typeof recommendCategoryResultSchema>;

export const brandsResultSchema = z.looseObject({
  brands: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        // TikTok's spelling of the negative value is "UNAUTHORIEZD" (contract §4.7).
        authorized_status: z.string().optional(),
        brand_status: z.string().optional(),
        is_t1_brand: z.boolean().optional(),
      }),
    )
    .default([]),
  total_count: z.number().int().optional(),
  next_page_token: z.string().optional(),
});
export type TikTokBrandsResult = z.infer<typeof brandsResultSchema>;

/** Listing prerequisites 202312 (contract §4.6). `check_item` keeps TikTok's spelling (e.g. "BANk_ACCOUNT"). */
export const prerequisitesResultSchema = z.looseObject({
  check_results: z
    .array(z.looseObject({ check_item: z.string(), is_failed: z.boolean(), fail_reasons: z.array(z.string()).default([]) }))
    .default([]),
});
export type TikTokPrerequisitesResult = z.infer<typeof prerequisitesResultSchema>;
