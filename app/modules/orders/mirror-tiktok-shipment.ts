// Orders TikTok ships (fulfilled by TikTok, or TikTok's carrier) get their Shopify fulfilment from TikTok's
// tracking once TikTok has it, so the Shopify order shows shipped with the right carrier and number. The
// Shopify order of a fulfilled-by-TikTok order never claimed the merchant's stock, so this moves none.
import {
  FULFILLMENT_CREATE_MUTATION,
  ORDER_FULFILLMENT_ORDERS_QUERY,
  type FulfillmentCreateResult,
  type OrderFulfillmentOrdersResult,
} from "../../integrations/shopify/order.graphql";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import type { OrderSyncDeps } from "./order-sync-deps";
import { TIKTOK_SHIPMENT_ID } from "./order-steps";
import type { TikTokOrderRecord } from "./tiktok-order-repository";

export interface TikTokShipment {
  trackingNumber: string;
  provider: string;
}

/** Shopify's spelling of TikTok's carrier names where they differ (Shopify builds the tracking link from its own names). */
const SHOPIFY_COMPANY: Record<string, string> = {
  "Amazon Logistics": "Amazon",
  LaserShip: "Lasership",
  TForce: "TForce Final Mile",
  "Hermes/EVRI": "Evri",
  "GLS US": "GLS",
};

/** TikTok's tracking of an order TikTok ships, once it has one. */
export function tiktokShipmentOf(order: TikTokOrder): TikTokShipment | null {
  const tiktokShips = order.fulfillment_type === "FULFILLMENT_BY_TIKTOK" || order.shipping_type === "TIKTOK";
  if (!tiktokShips || !order.tracking_number) return null;
  return { trackingNumber: order.tracking_number, provider: order.shipping_provider ?? "" };
}

export async function mirrorTikTokShipment(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  shipment: TikTokShipment
): Promise<void> {
  const shopify = await deps.shopifyFor(record.shop);
  const { order } = await shopify.request<OrderFulfillmentOrdersResult>(ORDER_FULFILLMENT_ORDERS_QUERY, {
    id: record.shopifyOrderId,
  });
  const open = (order?.fulfillmentOrders.nodes ?? []).filter(
    (fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS"
  );
  const company = SHOPIFY_COMPANY[shipment.provider] ?? shipment.provider;
  const created: string[] = [];
  for (const fo of open) {
    const { fulfillmentCreate } = await shopify.request<FulfillmentCreateResult>(FULFILLMENT_CREATE_MUTATION, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }],
        trackingInfo: { company, number: shipment.trackingNumber },
        notifyCustomer: false,
      },
    });
    if (fulfillmentCreate.fulfillment) created.push(fulfillmentCreate.fulfillment.id);
    else
      await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
        action: "ship",
        outcome: "failed",
        summary: `TikTok shipped the order (${shipment.provider} ${
          shipment.trackingNumber
        }) but Shopify refused the fulfilment: ${fulfillmentCreate.userErrors
          .map((e) => e.message)
          .join("; ")}. Mark it fulfilled in Shopify with that tracking.`,
      });
  }
  const shipments = [
    ...record.shipments,
    {
      fulfillmentId: TIKTOK_SHIPMENT_ID,
      trackingNumber: shipment.trackingNumber,
      providerId: shipment.provider,
      lineIds: [],
      state: "sent" as const,
    },
    ...created.map((id) => ({
      fulfillmentId: id,
      trackingNumber: shipment.trackingNumber,
      providerId: shipment.provider,
      lineIds: [],
      state: "sent" as const,
    })),
  ];
  await deps.orders.update(record.shop, record.tiktokOrderId, { shipments });
  if (created.length)
    await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
      action: "ship",
      outcome: "ok",
      summary: `TikTok shipped the order with ${shipment.provider} ${shipment.trackingNumber}; the Shopify order is fulfilled with that tracking.`,
    });
}
