import { z } from "zod";
import { decimalString, tiktokId, unixSeconds } from "./tiktok-primitives";

export type TikTokOrderStatus =
  | "UNPAID" | "ON_HOLD" | "AWAITING_SHIPMENT" | "PARTIALLY_SHIPPING" | "AWAITING_COLLECTION" | "IN_TRANSIT" | "DELIVERED"
  | "COMPLETED" | "CANCELLED";

const money = decimalString.optional();

/** One unit: TikTok line items carry no quantity; count line items per `sku_id` (contract §7). */
export const orderLineItemSchema = z.looseObject({
  id: tiktokId,
  sku_id: tiktokId,
  product_id: tiktokId,
  seller_sku: z.string().optional(),
  product_name: z.string().optional(),
  sku_name: z.string().optional(),
  original_price: money,
  sale_price: money,
  seller_discount: money,
  platform_discount: money,
  currency: z.string().optional(),
  display_status: z.string().optional(),
  package_id: z.string().optional(),
  package_status: z.string().optional(),
  is_gift: z.boolean().optional(),
  /** Retail value of a gift line, whose prices are all 0. */
  gift_retail_price: money,
  /** US local sellers: the line's sales tax (TikTok collects and remits it). */
  item_tax: z.array(z.looseObject({ tax_type: z.string().optional(), tax_amount: money, tax_rate: money })).optional(),
  /** Virtual bundle: the child SKUs one unit of this line stands for (Get Order Detail only). */
  combined_listing_skus: z
    .array(z.looseObject({ sku_id: tiktokId.optional(), sku_count: z.number().int().optional(), product_id: tiktokId.optional(), seller_sku: z.string().optional() }))
    .optional(),
  sku_image: z.string().optional(),
  is_dangerous_good: z.boolean().optional(),
  tracking_number: z.string().optional(),
  shipping_provider_name: z.string().optional(),
});
export type TikTokOrderLineItem = z.infer<typeof orderLineItemSchema>;

/** Order detail (contract §7). Recipient fields are buyer PII: parse, store what fulfilment needs, never log. */
export const orderSchema = z.looseObject({
  id: tiktokId,
  status: z.string(),
  create_time: unixSeconds,
  update_time: unixSeconds.optional(),
  paid_time: unixSeconds.optional(),
  fulfillment_type: z.string().optional(),
  shipping_type: z.string().optional(),
  delivery_type: z.string().optional(),
  /** The order's flow: true when it has gone or will go through ON_HOLD; false = legacy flow (hold 1 h yourself). */
  is_on_hold_order: z.boolean().optional(),
  is_cod: z.boolean().optional(),
  order_type: z.string().optional(),
  is_sample_order: z.boolean().optional(),
  is_replacement_order: z.boolean().optional(),
  replaced_order_id: z.string().optional(),
  is_exchange_order: z.boolean().optional(),
  exchange_source_order_id: z.string().optional(),
  auto_combine_group_id: z.string().optional(),
  user_id: z.string().optional(),
  /** An anonymised relay address; buyers are contacted through Seller Center. */
  buyer_email: z.string().optional(),
  buyer_message: z.string().optional(),
  warehouse_id: z.string().optional(),
  delivery_option_id: z.string().optional(),
  delivery_option_name: z.string().optional(),
  rts_sla_time: unixSeconds.optional(),
  tts_sla_time: unixSeconds.optional(),
  shipping_due_time: unixSeconds.optional(),
  collection_due_time: unixSeconds.optional(),
  delivery_due_time: unixSeconds.optional(),
  delivery_time: unixSeconds.optional(),
  is_buyer_request_cancel: z.boolean().optional(),
  request_cancel_time: unixSeconds.optional(),
  cancel_time: unixSeconds.optional(),
  has_updated_recipient_address: z.boolean().optional(),
  payment_method_name: z.string().optional(),
  payment: z.looseObject({
    currency: z.string(),
    sub_total: money,
    shipping_fee: money,
    seller_discount: money,
    platform_discount: money,
    tax: money,
    total_amount: decimalString,
    original_total_product_price: money,
    original_shipping_fee: money,
    shipping_fee_seller_discount: money,
    shipping_fee_platform_discount: money,
    shipping_fee_cofunded_discount: money,
    product_tax: money,
    shipping_fee_tax: money,
    retail_delivery_fee: money,
    item_insurance_fee: money,
    item_insurance_tax: money,
    handling_fee: money,
  }),
  recipient_address: z
    .looseObject({
      name: z.string().optional(),
      phone_number: z.string().optional(),
      full_address: z.string().optional(),
      address_line1: z.string().optional(),
      address_line2: z.string().optional(),
      address_line3: z.string().optional(),
      address_line4: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      postal_code: z.string().optional(),
      region_code: z.string().optional(),
      district_info: z.array(z.looseObject({ address_level: z.string().optional(), address_level_name: z.string().optional(), address_name: z.string().optional() })).optional(),
    })
    .optional(),
  line_items: z.array(orderLineItemSchema).default([]),
  packages: z.array(z.looseObject({ id: tiktokId })).default([]),
  /** Order detail gives the reason's text ("Pricing error"); cancellation search gives the machine name too. */
  cancel_reason: z.string().optional(),
  cancellation_initiator: z.string().optional(),
  cancel_user: z.string().optional(),
  tracking_number: z.string().optional(),
  shipping_provider: z.string().optional(),
  shipping_provider_id: z.string().optional(),
});
export type TikTokOrder = z.infer<typeof orderSchema>;

export const orderDetailResultSchema = z.looseObject({ orders: z.array(orderSchema).default([]) });
export const searchOrdersResultSchema = z.looseObject({
  orders: z.array(orderSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});
export type TikTokSearchOrdersResult = z.infer<typeof searchOrdersResultSchema>;

export interface TikTokOrderSearchFilter {
  order_status?: TikTokOrderStatus;
  create_time_ge?: number;
  create_time_lt?: number;
  update_time_ge?: number;
  update_time_lt?: number;
  shipping_type?: "TIKTOK" | "SELLER" | "TIKTOK_DIGITAL";
  buyer_user_id?: string;
  is_buyer_request_cancel?: boolean;
  warehouse_ids?: string[];
}

export interface TikTokOrderSearchPaging {
  /** 1–100. */
  pageSize: number;
  pageToken?: string;
  sortField?: "create_time" | "update_time";
  sortOrder?: "ASC" | "DESC";
}

// ── Fulfillment (contract §6) ──────────────────────────────────────────────────────────────────────────

export interface TikTokShipPackageBody {
  handover_method?: "PICKUP" | "DROP_OFF";
  pickup_slot?: { start_time: number; end_time: number };
  self_shipment?: { tracking_number: string; shipping_provider_id: string };
}
export interface TikTokMarkShippedBody {
  tracking_number: string;
  shipping_provider_id: string;
  order_line_item_ids?: string[];
}
export interface TikTokShippingInfoBody {
  tracking_number: string;
  shipping_provider_id: string;
}

export const markShippedResultSchema = z.looseObject({
  order_id: tiktokId.optional(),
  package_id: tiktokId,
  order_line_item_ids: z.array(tiktokId).optional(),
  warning: z.unknown().optional(),
});
export type TikTokMarkShippedResult = z.infer<typeof markShippedResultSchema>;

export const trackingResultSchema = z.looseObject({
  tracking: z.array(z.looseObject({ description: z.string().optional(), update_time_millis: z.number().optional() })).default([]),
});
export type TikTokTrackingResult = z.infer<typeof trackingResultSchema>;
