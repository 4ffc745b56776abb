import { z } from "zod";
import { decimalString, tiktokId, unixSeconds } from "./tiktok-primitives";

const refundAmountSchema = z
  .looseObject({
    currency: z.string().optional(),
    refund_total: decimalString.optional(),
    refund_subtotal: decimalString.optional(),
    refund_shipping_fee: decimalString.optional(),
    refund_tax: decimalString.optional(),
  })
  .optional();

export const cancellationSchema = z.looseObject({
  cancel_id: tiktokId,
  order_id: tiktokId,
  cancel_status: z.string(),
  cancel_type: z.string().optional(),
  role: z.string().optional(),
  /** Machine name, e.g. ecom_order_to_ship_canceled_reason_created_by_mistakes. */
  cancel_reason: z.string().optional(),
  cancel_reason_text: z.string().optional(),
  cancel_line_items: z.array(z.looseObject({})).default([]),
  refund_amount: refundAmountSchema,
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
});
export type TikTokCancellation = z.infer<typeof cancellationSchema>;

export const searchCancellationsResultSchema = z.looseObject({
  cancellations: z.array(cancellationSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});
export type TikTokSearchCancellationsResult = z.infer<typeof searchCancellationsResultSchema>;

export const returnOrderSchema = z.looseObject({
  return_id: tiktokId,
  order_id: tiktokId,
  return_type: z.string(),
  return_status: z.string(),
  return_line_items: z
    .array(z.looseObject({ order_line_item_id: tiktokId.optional(), sku_id: tiktokId.optional(), seller_sku: z.string().optional() }))
    .default([]),
  refund_amount: refundAmountSchema,
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
});
export type TikTokReturnOrder = z.infer<typeof returnOrderSchema>;

export const searchReturnsResultSchema = z.looseObject({
  return_orders: z.array(returnOrderSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});
export type TikTokSearchReturnsResult = z.infer<typeof searchReturnsResultSchema>;

export const sellerCancelResultSchema = z.looseObject({ cancel_id: tiktokId.optional(), cancel_status: z.string().optional() });

export interface TikTokReverseSearchPaging {
  pageSize?: number;
  pageToken?: string;
  sortField?: "create_time" | "update_time";
  sortOrder?: "ASC" | "DESC";
}
export interface TikTokCancellationSearchFilter {
  order_ids?: string[];
  cancel_ids?: string[];
  cancel_status?: string[];
  cancel_types?: Array<"CANCEL" | "BUYER_CANCEL">;
  create_time_ge?: number;
  create_time_lt?: number;
  update_time_ge?: number;
  update_time_lt?: number;
}
export interface TikTokReturnSearchFilter {
  order_ids?: string[];
  return_ids?: string[];
  return_status?: string[];
  return_types?: Array<"REFUND" | "RETURN_AND_REFUND" | "REPLACEMENT">;
  create_time_ge?: number;
  create_time_lt?: number;
  update_time_ge?: number;
  update_time_lt?: number;
}
export interface TikTokSellerCancelBody {
  order_id: string;
  cancel_reason: string;
  skus?: Array<{ sku_id: string; quantity: number }>;
  order_line_item_ids?: string[];
}
/** Reject bodies carry a reason key and optional comment/evidence; TikTok's reason keys vary by market. */
export interface TikTokReverseDecisionBody {
  reject_reason?: string;
  comment?: string;
  [key: string]: unknown;
}
