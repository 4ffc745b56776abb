// TikTok's order webhooks (status change, cancellation, address update) only say "look at this order": each
// queues the order's sync for every store linked to the TikTok shop. The sync reads the order itself, so a
// webhook delivered twice or out of order changes nothing.
import { parseTikTokWebhook } from "../../integrations/tiktok";
import type { JobQueue } from "../../jobs/job-queue";
import type { TikTokShopLinkRepository } from "../linking/tiktok-shop-link-repository";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import {
  fulfillmentWebhookPayload,
  orderCancelledWebhookPayload,
  parseShopifyJson,
  refundWebhookPayload,
} from "../../integrations/shopify/shopify-webhook-payloads";
import { TIKTOK_REFUND_NOTE } from "./apply-tiktok-return";
import type { TikTokOrderRepository } from "./tiktok-order-repository";
import { enqueueOrderSync, enqueueShopifyCancel, enqueueTikTokReturn, enqueueTrackingPush } from "./order-jobs";

export function createOrderWebhookProcessors(deps: {
  links: () => TikTokShopLinkRepository;
  queue: JobQueue;
}): Record<string, WebhookProcessor> {
  const onOrderEvent: WebhookProcessor = async ({ payload, topic }) => {
    const event = parseTikTokWebhook(payload);
    if (event.kind !== "event" || !("order_id" in event.data)) return { ignored: "not an order event" };
    const linked = (await deps.links().byTikTokShopId(event.shopId)).filter(
      (l) => l.status === "active" || l.status === "paused"
    );
    if (linked.length === 0) return { ignored: "no store is linked to this TikTok shop" };
    for (const link of linked) {
      await enqueueOrderSync(deps.queue, link.shop, {
        tiktokShopId: event.shopId,
        tiktokOrderId: String(event.data.order_id),
        trigger: `tiktok:${topic}`,
      });
    }
  };
  // Returns and refunds: the return's own job (keyed by return) turns a completed one into a Shopify refund.
  const onReturnEvent: WebhookProcessor = async ({ payload }) => {
    const event = parseTikTokWebhook(payload);
    if (event.kind !== "event" || event.type !== 12) return { ignored: "not a return event" };
    const linked = await deps.links().byTikTokShopId(event.shopId);
    if (linked.length === 0) return { ignored: "no store is linked to this TikTok shop" };
    for (const link of linked)
      await enqueueTikTokReturn(deps.queue, link.shop, {
        tiktokOrderId: String(event.data.order_id),
        returnId: String(event.data.return_id),
      });
  };
  return {
    "tiktok:RETURN_STATUS_CHANGE": onReturnEvent,
    "tiktok:ORDER_STATUS_CHANGE": onOrderEvent,
    "tiktok:CANCELLATION_STATUS_CHANGE": onOrderEvent,
    "tiktok:RECIPIENT_ADDRESS_UPDATE": onOrderEvent,
  };
}

/** Shopify fulfilments and cancellations of TikTok orders go back to TikTok (other orders are left alone by the jobs). */
export function createFulfillmentWebhookProcessors(deps: {
  queue: JobQueue;
  orders: TikTokOrderRepository;
}): Record<string, WebhookProcessor> {
  const onFulfillment: WebhookProcessor = async ({ shop, payload }) => {
    await enqueueTrackingPush(deps.queue, shop, fulfillmentWebhookPayload.parse(parseShopifyJson(payload)));
  };
  const onCancelled: WebhookProcessor = async ({ shop, payload }) => {
    await enqueueShopifyCancel(deps.queue, shop, orderCancelledWebhookPayload.parse(parseShopifyJson(payload)));
  };
  // A refund made in Shopify does not pay a TikTok buyer back (TikTok holds the money): the order says so.
  const onRefund: WebhookProcessor = async ({ shop, payload }) => {
    const refund = refundWebhookPayload.parse(parseShopifyJson(payload));
    if (refund.note.startsWith(TIKTOK_REFUND_NOTE))
      return { ignored: "the app's own refund (a TikTok refund recorded in Shopify)" };
    const record = await deps.orders.byShopifyOrder(shop, refund.shopifyOrderId);
    if (!record) return { ignored: "not a TikTok order" };
    await deps.orders.recordEvent(shop, record.tiktokOrderId, {
      action: "refund",
      outcome: "failed",
      summary: `A refund${
        refund.refunded.length ? ` of ${refund.refunded.join(" + ")} ${record.currency}` : ""
      } was made in Shopify. TikTok collected the buyer's money, so a Shopify refund does not pay the buyer back: refund the buyer in TikTok Seller Center (returns and refunds); the app then records TikTok's refund here.`,
    });
  };
  return {
    "shopify:fulfillments/create": onFulfillment,
    "shopify:fulfillments/update": onFulfillment,
    "shopify:orders/cancelled": onCancelled,
    "shopify:refunds/create": onRefund,
  };
}
