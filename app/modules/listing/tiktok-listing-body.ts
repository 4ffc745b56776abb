// The TikTok create/edit product body (POST /product/202309/products, PUT …/{product_id}), contract §4.2,
// in snake_case as sent on the wire. Structurally compatible with the client's TikTokProductBody.

export interface TikTokImageRef {
  uri: string;
}

export interface TikTokPrice {
  amount: string;
  currency: string;
}

export interface TikTokSalesAttribute {
  id?: string;
  name?: string;
  value_id?: string;
  value_name?: string;
  sku_img?: TikTokImageRef;
  supplementary_sku_images?: TikTokImageRef[];
}

export interface TikTokSku {
  id?: string;
  seller_sku?: string;
  sales_attributes?: TikTokSalesAttribute[];
  price: TikTokPrice;
  list_price?: TikTokPrice;
  external_list_prices?: Array<{ source: "SHOPIFY_COMPARE_AT_PRICE"; amount: string; currency: string }>;
  inventory: Array<{ warehouse_id: string; quantity: number }>;
  identifier_code?: { code: string; type: "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN" };
  external_sku_id?: string;
}

export interface TikTokProductAttribute {
  id: string;
  values: Array<{ id?: string; name?: string }>;
}

export interface TikTokListingBody {
  save_mode?: "LISTING" | "AS_DRAFT";
  title: string;
  description: string;
  category_id: string;
  category_version?: "v1" | "v2";
  brand_id?: string;
  main_images: TikTokImageRef[];
  skus: TikTokSku[];
  package_weight: { value: string; unit: "KILOGRAM" | "POUND" | "GRAM" };
  package_dimensions?: { length: string; width: string; height: string; unit: "CENTIMETER" | "INCH" };
  product_attributes?: TikTokProductAttribute[];
  is_cod_allowed?: boolean;
  certifications?: Array<{ id: string; images?: TikTokImageRef[]; files?: Array<{ id: string; name: string; format: string }>; expiration_date?: number }>;
  size_chart?: { image?: TikTokImageRef; template?: { id: string } };
  video?: { id: string };
  external_product_id?: string;
  delivery_option_ids?: string[];
  idempotency_key?: string;
  is_not_for_sale?: boolean;
  manufacturer_ids?: string[];
  responsible_person_ids?: string[];
}
