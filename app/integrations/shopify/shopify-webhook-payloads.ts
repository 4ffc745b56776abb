// Zod schemas for the Shopify webhook payloads the app acts on (REST-shaped JSON, API 2026-10). Numeric
// ids exceed JavaScript's safe integers, so bodies are parsed losslessly and resources are identified by
// `admin_graphql_api_id` (or a gid built from the id's exact digits).
import { z } from "zod";

export { parseJsonLosslessly as parseShopifyJson } from "../lossless-json";

const idDigits = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a timestamp").transform((s) => new Date(s));

export const productWebhookPayload = z.looseObject({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Product/"),
  title: z.string(),
  handle: z.string(),
  vendor: z.string().nullish().transform((v) => v ?? ""),
  product_type: z.string().nullish().transform((v) => v ?? ""),
  status: z.string().transform((s) => s.toUpperCase()),
  tags: z.string().nullish().transform((t) => (t ?? "").split(",").map((x) => x.trim()).filter(Boolean)),
  updated_at: timestamp,
  created_at: timestamp.nullish(),
  variants: z.array(z.looseObject({ admin_graphql_api_id: z.string() })).default([]),
  image: z.looseObject({ src: z.string() }).nullish(),
});
export type ProductWebhookPayload = z.infer<typeof productWebhookPayload>;

export const productDeleteWebhookPayload = z.looseObject({ id: idDigits }).transform((p) => ({ productId: `gid://shopify/Product/${p.id}` }));

export const inventoryLevelWebhookPayload = z
  .looseObject({
    inventory_item_id: idDigits,
    location_id: idDigits,
    available: z.number().int().nullable(),
    updated_at: timestamp,
  })
  .transform((p) => ({
    inventoryItemId: `gid://shopify/InventoryItem/${p.inventory_item_id}`,
    locationId: `gid://shopify/Location/${p.location_id}`,
    available: p.available,
    updatedAt: p.updated_at,
  }));

export const inventoryItemWebhookPayload = z
  .looseObject({ admin_graphql_api_id: z.string().startsWith("gid://shopify/InventoryItem/"), tracked: z.boolean(), updated_at: timestamp })
  .transform((p) => ({ inventoryItemId: p.admin_graphql_api_id, tracked: p.tracked, updatedAt: p.updated_at }));

export const bulkOperationFinishWebhookPayload = z
  .looseObject({ admin_graphql_api_id: z.string(), status: z.string(), error_code: z.string().nullish(), type: z.string() })
  .transform((p) => ({ bulkOperationId: p.admin_graphql_api_id, status: p.status.toUpperCase(), errorCode: p.error_code ?? null, type: p.type }));

/** fulfillments/create and fulfillments/update: what TikTok needs to mark the lines shipped. */
export const fulfillmentWebhookPayload = z
  .looseObject({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/Fulfillment/"),
    order_id: idDigits,
    status: z.string().nullish(),
    tracking_company: z.string().nullish(),
    tracking_number: z.string().nullish(),
    tracking_numbers: z.array(z.string()).nullish(),
    line_items: z.array(z.looseObject({ admin_graphql_api_id: z.string().optional(), id: idDigits, quantity: z.number().int() })).default([]),
  })
  .transform((p) => ({
    fulfillmentId: p.admin_graphql_api_id,
    shopifyOrderId: `gid://shopify/Order/${p.order_id}`,
    status: (p.status ?? "success").toLowerCase(),
    trackingCompany: p.tracking_company ?? null,
    trackingNumber: p.tracking_number ?? p.tracking_numbers?.[0] ?? null,
    lineItems: p.line_items.map((l) => ({ lineItemId: l.admin_graphql_api_id ?? `gid://shopify/LineItem/${l.id}`, quantity: l.quantity })),
  }));
export type FulfillmentWebhook = z.infer<typeof fulfillmentWebhookPayload>;

/** orders/cancelled: which order, and Shopify's reason (customer, inventory, fraud, declined, staff, other). */
export const orderCancelledWebhookPayload = z
  .looseObject({ admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"), cancel_reason: z.string().nullish() })
  .transform((p) => ({ shopifyOrderId: p.admin_graphql_api_id, reason: (p.cancel_reason ?? "other").toUpperCase() }));

/** refunds/create: the order, the note (the app marks its own refunds there) and what was refunded. */
export const refundWebhookPayload = z
  .looseObject({
    order_id: idDigits,
    note: z.string().nullish(),
    transactions: z.array(z.looseObject({ amount: z.union([z.string(), z.number()]).transform(String), gateway: z.string().nullish(), kind: z.string().nullish() })).default([]),
  })
  .transform((p) => ({
    shopifyOrderId: `gid://shopify/Order/${p.order_id}`,
    note: p.note ?? "",
    refunded: p.transactions.filter((t) => t.kind === "refund").map((t) => t.amount),
  }));
