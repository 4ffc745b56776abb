/** In-memory data model of the simulator. Field names mirror TikTok's wire names where they are exposed. */

export type ProbationTier = "BEGINNER" | "STANDARD" | "PREMIUM" | "PRO";

export interface Warehouse {
  id: string;
  name: string;
  type: "SALES_WAREHOUSE" | "RETURN_WAREHOUSE";
  sub_type: "DOMESTIC_WAREHOUSE";
  is_default: boolean;
  effect_status: "ENABLED" | "DISABLED" | "RESTRICTED";
  address: Record<string, string>;
}

export interface DeliveryOption {
  id: string;
  name: string;
  type: "STANDARD" | "EXPRESS" | "ECONOMY" | "SEND_BY_SELLER";
  description: string;
  weight_limit: { min_weight: number; max_weight: number; unit: "GRAM" | "POUND" };
  dimension_limit: { max_length: number; max_width: number; max_height: number; unit: "CM" | "INCH" };
  platform: string[];
}

export interface VerificationItem {
  item: "LEGAL_DOCUMENTS" | "KEY_PERSON_IDENTITY" | "BANK_ACCOUNT" | "BUSINESS_ADDRESS" | "TAX_INFORMATION";
  status: "APPROVED" | "PENDING" | "REJECTED" | "NOT_SUBMITTED";
  reject_reason: string;
  update_time: number;
}

export interface LinkedTikTokAccount {
  user_id: string;
  username: string;
  display_name: string;
  account_type: "OFFICIAL" | "MARKETING" | "AFFILIATE";
  follower_count: number;
  is_age_verified_18_plus: boolean;
  restrictions: Array<{ type: string; reason: string; start_time: number; end_time: number }>;
  bind_time: number;
}

export interface Shop {
  id: string;
  name: string;
  code: string;
  region: string;
  seller_type: "LOCAL" | "CROSS_BORDER";
  cipher: string;
  sellerOpenId: string;
  status: "ACTIVE" | "INACTIVE";
  probationTier: ProbationTier;
  warehouses: Warehouse[];
  deliveryOptions: DeliveryOption[];
  hasShippingTemplate: boolean;
  hasBankAccount: boolean;
  hasTaxInfo: boolean;
  hasContactInfo: boolean;
  businessVerification: {
    seller_entity_type: "INDIVIDUAL" | "BUSINESS";
    legal_name: string;
    registered_address: Record<string, string>;
    contact_email: string;
    contact_phone: string;
    items: VerificationItem[];
  };
  linkedAccounts: LinkedTikTokAccount[];
}

export interface Seller {
  openId: string;
  name: string;
  baseRegion: string;
  userType: number;
  grantedScopes: string[];
  shopIds: string[];
}

export interface Authorization {
  sellerOpenId: string;
  /** End of the authorization period, Unix seconds; refresh tokens expire with it. */
  expiresAt: number;
  revoked: boolean;
  lastExpiringNoticeDay: number | null;
}

export interface TokenRecord {
  token: string;
  sellerOpenId: string;
  expiresAt: number; // Unix s
  revoked: boolean;
  /** Rotated refresh tokens stay recognisable so their reuse is refused with a clear message. */
  rotated: boolean;
}

export interface AuthCode {
  code: string;
  sellerOpenId: string;
  expiresAt: number;
  used: boolean;
}

export interface UploadedImage {
  uri: string;
  url: string;
  width: number;
  height: number;
  use_case: string;
  format: "PNG" | "JPEG" | "WEBP";
  bytes: Buffer;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface SalesAttribute {
  id: string;
  name: string;
  value_id: string;
  value_name: string;
  sku_img?: { uri: string };
  supplementary_sku_images?: Array<{ uri: string }>;
}

export interface SkuContent {
  id: string;
  seller_sku: string;
  external_sku_id: string;
  sales_attributes: SalesAttribute[];
  identifier_code?: { code: string; type: string };
}

export interface SkuState extends SkuContent {
  price: Money;
  list_price?: Money;
  /** warehouse_id → available quantity */
  inventory: Map<string, number>;
  committed: Map<string, number>;
}

/** Fields that go through review. Price and inventory live on SkuState and never trigger a review. */
export interface ProductContent {
  title: string;
  description: string;
  category_id: string;
  category_version: string;
  brand_id: string;
  main_images: Array<{ uri: string }>;
  product_attributes: Array<{ id: string; name: string; values: Array<{ id: string; name: string }> }>;
  package_weight?: { value: string; unit: string };
  package_dimensions?: { length: string; width: string; height: string; unit: string };
  certifications: unknown[];
  size_chart?: unknown;
  video?: unknown;
  external_product_id: string;
  is_cod_allowed: boolean;
  skus: SkuContent[];
}

export type ProductStatus =
  | "DRAFT"
  | "PENDING"
  | "FAILED"
  | "ACTIVATE"
  | "SELLER_DEACTIVATED"
  | "PLATFORM_DEACTIVATED"
  | "FREEZE"
  | "DELETED";

export interface AuditFailedReason {
  position: string;
  reasons: string[];
  suggestions: string[];
  listing_platform: string;
}

export interface Product {
  id: string;
  shopId: string;
  status: ProductStatus;
  content: ProductContent;
  /** The version buyers still see while an edit of a live product is in review (v1 stays live). */
  liveContent: ProductContent | null;
  skus: Map<string, SkuState>;
  audit: { status: "NONE" | "AUDITING" | "FAILED" | "PRE_APPROVED" | "APPROVED"; pre_approved_reasons: string[] };
  audit_failed_reasons: AuditFailedReason[];
  /** Bumped by every submission so a stale review outcome is ignored. */
  reviewGeneration: number;
  statusBeforeDelete: ProductStatus | null;
  create_time: number;
  update_time: number;
}

export type OrderStatus =
  | "UNPAID"
  | "ON_HOLD"
  | "AWAITING_SHIPMENT"
  | "PARTIALLY_SHIPPING"
  | "AWAITING_COLLECTION"
  | "IN_TRANSIT"
  | "DELIVERED"
  | "COMPLETED"
  | "CANCELLED";

export type FulfillmentType = "FULFILLMENT_BY_SELLER" | "FULFILLMENT_BY_TIKTOK";

/** US sales tax of one line (item-level tax, US local sellers). */
export interface ItemTax {
  tax_type: "SALES_TAX";
  tax_amount: string;
  tax_rate: string;
}

/** An order's reference in the seller's OMS (Add External Order References, 202406). */
export interface ExternalOrderReference {
  id: string;
  platform: string;
  line_items: Array<{ id: string; origin_id: string }>;
}

export interface OrderLineItem {
  id: string;
  sku_id: string;
  product_id: string;
  seller_sku: string;
  product_name: string;
  sku_name: string;
  sku_image: string;
  original_price: string;
  sale_price: string;
  seller_discount: string;
  platform_discount: string;
  currency: string;
  display_status: OrderStatus;
  package_id: string;
  package_status: "TO_FULFILL" | "PROCESSING" | "FULFILLING" | "COMPLETED" | "CANCELLED";
  is_gift: boolean;
  /** Retail value of a gift line (its prices are 0); "0.00" on other lines. */
  gift_retail_price: string;
  item_tax: ItemTax[];
  tracking_number: string;
  shipping_provider_name: string;
  shipping_provider_id: string;
  warehouse_id: string;
  shipped_time: number | null;
}

export interface Order {
  id: string;
  shopId: string;
  status: OrderStatus;
  create_time: number;
  paid_time: number | null;
  update_time: number;
  shipping_type: "TIKTOK" | "SELLER";
  fulfillment_type: FulfillmentType;
  /** The order's flow: true when it has gone or will go through ON_HOLD (stays true after the hold). */
  is_on_hold_order: boolean;
  /** Simulator-clock length of this order's ON_HOLD. */
  onHoldSeconds: number;
  is_sample_order: boolean;
  is_replacement_order: boolean;
  replaced_order_id: string;
  warehouse_id: string;
  delivery_option_id: string;
  delivery_option_name: string;
  user_id: string;
  buyer_email: string;
  buyer_message: string;
  payment: Record<string, string>;
  /** The full address as the buyer entered it; what the API shows depends on status and fulfillment (recipient-address.ts). */
  recipient_address: Record<string, unknown>;
  line_items: OrderLineItem[];
  packages: Array<{ id: string }>;
  cancel_reason: string;
  cancellation_initiator: string;
  cancel_time: number | null;
  is_buyer_request_cancel: boolean;
  request_cancel_time: number | null;
  tracking_number: string;
  shipping_provider: string;
  shipping_provider_id: string;
  shipped_time: number | null;
  delivery_time: number | null;
  /** When the order became COMPLETED (addresses are masked again 30 days later). */
  completedAt: number | null;
  stockReleased: boolean;
  /** platform → reference (one per OMS platform; adding the same platform again replaces it). */
  externalOrders: Map<string, ExternalOrderReference>;
}

export interface Cancellation {
  cancel_id: string;
  order_id: string;
  shopId: string;
  cancel_status: "CANCELLATION_REQUEST_PENDING" | "CANCELLATION_REQUEST_SUCCESS" | "CANCELLATION_REQUEST_CANCEL" | "CANCELLATION_REQUEST_COMPLETE";
  cancel_type: "CANCEL" | "BUYER_CANCEL";
  role: "BUYER" | "SELLER" | "SYSTEM";
  /** Machine name, e.g. ecom_order_to_ship_canceled_reason_created_by_mistakes. */
  cancel_reason: string;
  cancel_reason_text: string;
  cancel_line_items: Array<{ order_line_item_id: string; sku_id: string; seller_sku: string }>;
  refund_amount: Record<string, string>;
  create_time: number;
  update_time: number;
}

export interface ReturnRecord {
  return_id: string;
  order_id: string;
  shopId: string;
  return_type: "REFUND" | "RETURN_AND_REFUND" | "REPLACEMENT";
  return_status: string;
  return_reason: string;
  role: "BUYER" | "SELLER";
  return_line_items: Array<{ order_line_item_id: string; sku_id: string; seller_sku: string }>;
  refund_amount: Record<string, string>;
  create_time: number;
  update_time: number;
}

export interface WebhookAttempt {
  at: number;
  status: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  tts_notification_id: string;
  type: number;
  shop_id: string;
  url: string;
  body: string;
  attempts: WebhookAttempt[];
  state: "PENDING" | "DELIVERED" | "GAVE_UP" | "NO_URL";
  duplicate: boolean;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  shop_id: string | null;
  http_status: number;
  code: number;
  message: string;
  request_id: string;
  duration_ms: number;
}
