// The TikTok create/edit product body (POST /product/202309/products, PUT …/{product_id}), contract §4.2,
// in snake_case as sent on the wire. One definition, owned by the TikTok client (the wire contract); the
// listing mapper produces it under the names the domain uses. Types only: no runtime dependency.
export type {
  TikTokImageRef,
  TikTokMoney as TikTokPrice,
  TikTokSalesAttribute,
  TikTokSkuBody as TikTokSku,
  TikTokProductAttributeBody as TikTokProductAttribute,
  TikTokProductBody as TikTokListingBody,
} from "../../integrations/tiktok/types/product";
