import { z } from "zod";
import { decimalString, tiktokId, unixSeconds } from "./tiktok-primitives";

// ── Request body (contract §4.2, snake_case as on the wire) ─────────────────────────────────────────────

export interface TikTokImageRef {
  uri: string;
}
export interface TikTokMoney {
  amount: string;
  currency: string;
}
export interface TikTokSalesAttribute {
  /** Attribute id from Get Attributes; wins over `name`. */
  id?: string;
  name?: string;
  value_id?: string;
  value_name?: string;
  sku_img?: TikTokImageRef;
  /** US only, ≤8. */
  supplementary_sku_images?: TikTokImageRef[];
}
export interface TikTokSkuInventory {
  warehouse_id: string;
  quantity: number;
}
export type TikTokIdentifierCodeType = "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN";
export interface TikTokSkuBody {
  /** Present in edits to keep an existing SKU (SKUs whose id is not listed are deleted). */
  id?: string;
  seller_sku?: string;
  sales_attributes?: TikTokSalesAttribute[];
  price: TikTokMoney;
  list_price?: TikTokMoney;
  external_list_prices?: Array<{ source: string; amount: string; currency: string }>;
  inventory: TikTokSkuInventory[];
  identifier_code?: { code: string; type: TikTokIdentifierCodeType };
  external_sku_id?: string;
}
export interface TikTokProductAttributeBody {
  id: string;
  values: Array<{ id?: string; name?: string }>;
}
export interface TikTokCertificationBody {
  id: string;
  images?: TikTokImageRef[];
  files?: Array<{ id: string; name: string; format: string }>;
  expiration_date?: number;
}
export type TikTokWeightUnit = "KILOGRAM" | "POUND" | "GRAM";
export type TikTokLengthUnit = "CENTIMETER" | "INCH";

/** Create / full-edit / listing-check body (contract §4.2). Produced by the listing mapper. */
export interface TikTokProductBody {
  save_mode?: "LISTING" | "AS_DRAFT";
  title: string;
  description: string;
  category_id: string;
  category_version?: "v1" | "v2";
  brand_id?: string;
  main_images: TikTokImageRef[];
  skus: TikTokSkuBody[];
  package_weight: { value: string; unit: TikTokWeightUnit };
  package_dimensions?: { length: string; width: string; height: string; unit: TikTokLengthUnit };
  product_attributes?: TikTokProductAttributeBody[];
  is_cod_allowed?: boolean;
  certifications?: TikTokCertificationBody[];
  size_chart?: { image?: TikTokImageRef; template?: { id: string } };
  video?: { id: string };
  external_product_id?: string;
  delivery_option_ids?: string[];
  /** ≤128 chars, unique per shop; the client fills one in when absent so retries cannot duplicate a product. */
  idempotency_key?: string;
  is_not_for_sale?: boolean;
  manufacturer_ids?: string[];
  responsible_person_ids?: string[];
}

/** Partial edit: any subset of top-level properties; nested objects sent must be complete. */
export type TikTokProductPartialBody = Partial<TikTokProductBody>;

// ── Responses ─────────────────────────────────────────────────────────────────────────────────────────

export const productStatusSchema = z.string(); // DRAFT, PENDING, FAILED, ACTIVATE, … (newer values appear over time)

const skuResultSchema = z.looseObject({
  id: tiktokId,
  seller_sku: z.string().optional(),
  external_sku_id: z.string().optional(),
  sales_attributes: z.array(z.looseObject({ id: tiktokId.optional(), value_id: tiktokId.optional() })).optional(),
});

const warningSchema = z.looseObject({ message: z.string() });

/** Create product answer: map SKUs back by `seller_sku` / `external_sku_id` (order not guaranteed). */
export const createProductResultSchema = z.looseObject({
  product_id: tiktokId,
  skus: z.array(skuResultSchema).default([]),
  warnings: z.array(warningSchema).default([]),
});
export type TikTokCreateProductResult = z.infer<typeof createProductResultSchema>;

export const editProductResultSchema = createProductResultSchema.extend({
  audit: z.looseObject({ status: z.string() }).optional(),
});
export type TikTokEditProductResult = z.infer<typeof editProductResultSchema>;

const readPriceSchema = z.looseObject({
  currency: z.string(),
  sale_price: decimalString.optional(),
  tax_exclusive_price: decimalString.optional(),
  unit_price: decimalString.optional(),
});

const readInventorySchema = z.looseObject({ warehouse_id: tiktokId, quantity: z.number().int() });

const imageReadSchema = z.looseObject({
  uri: z.string(),
  urls: z.array(z.string()).optional(),
  thumb_urls: z.array(z.string()).optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

export const productSkuSchema = z.looseObject({
  id: tiktokId,
  seller_sku: z.string().optional(),
  external_sku_id: z.string().optional(),
  sales_attributes: z
    .array(z.looseObject({ id: tiktokId.optional(), name: z.string().optional(), value_id: tiktokId.optional(), value_name: z.string().optional() }))
    .optional(),
  price: readPriceSchema.optional(),
  list_price: z.looseObject({ amount: decimalString.optional(), currency: z.string().optional() }).optional(),
  inventory: z.array(readInventorySchema).default([]),
  status_info: z.looseObject({ status: z.string(), deactivation_source: z.string().optional() }).optional(),
});

export const auditFailedReasonSchema = z.looseObject({
  position: z.string().optional(),
  reasons: z.array(z.string()).default([]),
  suggestions: z.array(z.string()).default([]),
  listing_platform: z.string().optional(),
});

/** Get Product `data` (contract §4.3): strict on what we use, every other field passes through. */
export const productDetailSchema = z.looseObject({
  id: tiktokId,
  title: z.string(),
  description: z.string().optional(),
  status: productStatusSchema,
  product_status: z.string().optional(),
  audit: z.looseObject({ status: z.string(), pre_approved_reasons: z.array(z.string()).optional() }).optional(),
  audit_failed_reasons: z.array(auditFailedReasonSchema).default([]),
  has_draft: z.boolean().optional(),
  category_chains: z
    .array(z.looseObject({ id: tiktokId, parent_id: tiktokId.optional(), local_name: z.string().optional(), is_leaf: z.boolean().optional() }))
    .default([]),
  brand: z.looseObject({ id: tiktokId, name: z.string().optional() }).optional(),
  main_images: z.array(imageReadSchema).default([]),
  skus: z.array(productSkuSchema).default([]),
  product_attributes: z.array(z.looseObject({ id: tiktokId, name: z.string().optional(), values: z.array(z.looseObject({})).optional() })).optional(),
  external_product_id: z.string().optional(),
  listing_quality_tier: z.string().optional(),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
});
export type TikTokProductDetail = z.infer<typeof productDetailSchema>;

export const productSummarySchema = z.looseObject({
  id: tiktokId,
  title: z.string().optional(),
  status: productStatusSchema,
  skus: z.array(productSkuSchema).default([]),
  sales_regions: z.array(z.string()).optional(),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
  audit: z.looseObject({ status: z.string() }).optional(),
  listing_quality_tier: z.string().optional(),
});
export type TikTokProductSummary = z.infer<typeof productSummarySchema>;

export const searchProductsResultSchema = z.looseObject({
  products: z.array(productSummarySchema).default([]),
  total_count: z.number().int().optional(),
  next_page_token: z.string().optional(),
});
export type TikTokSearchProductsResult = z.infer<typeof searchProductsResultSchema>;

export type TikTokProductSearchStatus =
  | "ALL" | "DRAFT" | "PENDING" | "FAILED" | "ACTIVATE" | "SELLER_DEACTIVATED" | "PLATFORM_DEACTIVATED" | "FREEZE" | "DELETED" | "SCHEDULED";

/** Search filters (contract §4.4; note `_le` here, unlike orders' `_lt`). */
export interface TikTokProductSearchFilter {
  status?: TikTokProductSearchStatus;
  /** At most 10. */
  seller_skus?: string[];
  create_time_ge?: number;
  create_time_le?: number;
  update_time_ge?: number;
  update_time_le?: number;
}

export const listingCheckResultSchema = z.looseObject({
  check_result: z.string(),
  fail_reasons: z.array(z.looseObject({ code: z.number().int().optional(), message: z.string().optional() })).default([]),
});
export type TikTokListingCheckResult = z.infer<typeof listingCheckResultSchema>;

// ── Inventory and price (contract §5) ─────────────────────────────────────────────────────────────────

export interface TikTokInventoryUpdateBody {
  skus: Array<{ id: string; inventory: TikTokSkuInventory[]; backorder_quantity?: number; handling_time?: number }>;
}
export interface TikTokPriceUpdateBody {
  skus: Array<{ id: string; price: TikTokMoney; list_price?: TikTokMoney }>;
}

export const inventorySearchResultSchema = z.looseObject({
  inventory: z
    .array(
      z.looseObject({
        product_id: tiktokId,
        skus: z
          .array(
            z.looseObject({
              id: tiktokId,
              seller_sku: z.string().optional(),
              total_available_quantity: z.number().int().optional(),
              total_committed_quantity: z.number().int().optional(),
              warehouse_inventory: z
                .array(z.looseObject({ warehouse_id: tiktokId, available_quantity: z.number().int(), committed_quantity: z.number().int().optional() }))
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});
export type TikTokInventorySearchResult = z.infer<typeof inventorySearchResultSchema>;

// ── Images ────────────────────────────────────────────────────────────────────────────────────────────

export type TikTokImageUseCase = "MAIN_IMAGE" | "ATTRIBUTE_IMAGE" | "DESCRIPTION_IMAGE" | "CERTIFICATION_IMAGE" | "SIZE_CHART_IMAGE";

export const uploadedImageSchema = z.looseObject({
  uri: z.string().min(1),
  url: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  use_case: z.string().optional(),
});
export type TikTokUploadedImage = z.infer<typeof uploadedImageSchema>;
