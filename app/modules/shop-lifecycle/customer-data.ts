// customers/redact and customers/data_request. The app keeps no customer records: TikTok orders are stored
// without buyer data (the address goes from TikTok straight into the Shopify order). What it does hold for a
// while are Shopify's order webhooks as received (fulfilments, cancellations, refunds carry the customer's
// name, email and address), kept for troubleshooting until pruned: a redaction scrubs those fields from the
// payloads of the customer's orders; a data request is answered with what is held.
import { stringify } from "lossless-json";
import { z } from "zod";
import type { Database } from "../../db.server";
import { parseJsonLosslessly } from "../../integrations/lossless-json";

/** Topics whose payloads carry a customer's personal data, and where each names its order. */
const ORDER_TOPICS: Record<string, "id" | "order_id"> = {
  "orders/cancelled": "id",
  "fulfillments/create": "order_id",
  "fulfillments/update": "order_id",
  "refunds/create": "order_id",
};
const PERSONAL_KEYS = new Set([
  "customer",
  "email",
  "contact_email",
  "phone",
  "billing_address",
  "shipping_address",
  "destination",
  "client_details",
  "browser_ip",
  "note",
]);

const customerRequest = z.looseObject({
  customer: z.looseObject({ email: z.string().nullish() }).nullish(),
  orders_to_redact: z.array(z.union([z.string(), z.number()])).optional(),
  orders_requested: z.array(z.union([z.string(), z.number()])).optional(),
});

/** The payload with every personal field nulled, wherever it sits. */
export function scrubPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubPersonalData);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.has(k) ? null : scrubPersonalData(v)])
  );
}

async function deliveriesOf(db: Database, shop: string, payload: string) {
  const request = customerRequest.parse(parseJsonLosslessly(payload));
  const orders = new Set([...(request.orders_to_redact ?? []), ...(request.orders_requested ?? [])].map(String));
  const email = request.customer?.email?.toLowerCase();
  const rows = await db.webhookDelivery.findMany({
    where: { shop, source: "shopify", topic: { in: Object.keys(ORDER_TOPICS) } },
    select: { id: true, topic: true, payload: true },
  });
  return rows.flatMap((row) => {
    const body = parseJsonLosslessly(row.payload) as Record<string, unknown>;
    const order = String(body[ORDER_TOPICS[row.topic]!] ?? "");
    const theirs = orders.has(order) || (email !== undefined && String(body.email ?? "").toLowerCase() === email);
    return theirs ? [{ ...row, body, order }] : [];
  });
}

export async function redactCustomer(db: Database, shop: string, payload: string): Promise<number> {
  const held = await deliveriesOf(db, shop, payload);
  for (const row of held)
    await db.webhookDelivery.update({
      where: { id: row.id },
      data: { payload: stringify(scrubPersonalData(row.body)) ?? "{}" },
    });
  return held.length;
}

/** What the app holds about the customer: which webhook payloads (until pruned) and which TikTok orders (no personal data). */
export async function describeCustomerData(db: Database, shop: string, payload: string): Promise<string> {
  const held = await deliveriesOf(db, shop, payload);
  const orderIds = [...new Set(held.map((h) => `gid://shopify/Order/${h.order}`))];
  const tiktok = await db.tikTokOrder.findMany({
    where: { shop, shopifyOrderId: { in: orderIds } },
    select: { tiktokOrderId: true },
  });
  return (
    `${held.length} Shopify webhook payload(s) of the customer's orders (${
      [...new Set(held.map((h) => h.topic))].join(", ") || "none"
    }), kept until pruned; ` +
    `${tiktok.length} TikTok order record(s) linked to those orders, holding no personal data (${
      tiktok.map((t) => t.tiktokOrderId).join(", ") || "none"
    }).`
  );
}
