// The order jobs: one sync per TikTok order (coalesced: a burst of webhooks for one order is one run, and
// one run at a time per order), and the per-shop safety-net search. Orders are urgent work (priority 0).
import type { FulfillmentWebhook } from "../../integrations/shopify/shopify-webhook-payloads";
import { WEBHOOK_PRIORITY, type JobQueue, type NewJob } from "../../jobs/job-queue";

export const ORDER_SYNC_JOB = "orders.sync";
export const ORDER_POLL_JOB = "orders.poll";
export const ORDER_POLL_SCHEDULER_JOB = "orders.poll-scheduler";
export const PUSH_TRACKING_JOB = "orders.push-tracking";
export const CANCEL_ON_TIKTOK_JOB = "orders.cancel-on-tiktok";
export const TIKTOK_RETURN_JOB = "orders.return";

export interface OrderSyncPayload {
  tiktokShopId: string;
  tiktokOrderId: string;
  trigger: string;
}

const orderSyncJob = (shop: string, payload: OrderSyncPayload): NewJob => ({
  shop,
  type: ORDER_SYNC_JOB,
  key: `order-${shop}-${payload.tiktokOrderId}`,
  payload,
  priority: WEBHOOK_PRIORITY,
  maxAttempts: 10,
});

export function enqueueOrderSync(queue: JobQueue, shop: string, payload: OrderSyncPayload) {
  return queue.enqueue(orderSyncJob(shop, payload));
}

/** Many order syncs in a few statements (the safety net's page, the back-fill), coalescing like enqueueOrderSync. */
export function enqueueOrderSyncs(queue: JobQueue, shop: string, payloads: readonly OrderSyncPayload[]) {
  return queue.enqueueMany(payloads.map((payload) => orderSyncJob(shop, payload)));
}

/**
 * A sync at a later time (the end of TikTok's cancellation hour) under its own key: a pending job keeps its
 * start time when it coalesces, so under the order's key it would hold back every webhook until then.
 */
export function enqueueLaterOrderSync(queue: JobQueue, shop: string, payload: OrderSyncPayload, runAt: Date) {
  return queue.enqueue({
    shop,
    type: ORDER_SYNC_JOB,
    key: `order-later-${shop}-${payload.tiktokOrderId}`,
    payload,
    priority: WEBHOOK_PRIORITY,
    maxAttempts: 10,
    runAt,
  });
}

export function enqueueOrderPoll(queue: JobQueue, shop: string, tiktokShopId: string, runAt?: Date) {
  return queue.enqueue({
    shop,
    type: ORDER_POLL_JOB,
    key: `orders-poll-${shop}-${tiktokShopId}`,
    payload: { tiktokShopId },
    ...(runAt ? { runAt } : {}),
  });
}

export function scheduleOrderPolls(queue: JobQueue, intervalMs: number, runAt = new Date(Date.now() + intervalMs)) {
  return queue.enqueue({ shop: "*", type: ORDER_POLL_SCHEDULER_JOB, key: "orders-poll-scheduler", payload: {}, runAt });
}

/** One job per Shopify fulfilment: a create and its updates run one after the other, the newest facts winning. */
export function enqueueTrackingPush(queue: JobQueue, shop: string, fulfillment: FulfillmentWebhook) {
  return queue.enqueue({
    shop,
    type: PUSH_TRACKING_JOB,
    key: `tracking-${shop}-${fulfillment.fulfillmentId.split("/").pop()}`,
    payload: fulfillment,
    priority: WEBHOOK_PRIORITY,
    maxAttempts: 8,
  });
}

export function enqueueShopifyCancel(
  queue: JobQueue,
  shop: string,
  cancelled: { shopifyOrderId: string; reason: string }
) {
  return queue.enqueue({
    shop,
    type: CANCEL_ON_TIKTOK_JOB,
    key: `tiktok-cancel-${shop}-${cancelled.shopifyOrderId.split("/").pop()}`,
    payload: cancelled,
    priority: WEBHOOK_PRIORITY,
    maxAttempts: 5,
  });
}

export function enqueueTikTokReturn(
  queue: JobQueue,
  shop: string,
  request: { tiktokOrderId: string; returnId: string }
) {
  return queue.enqueue({
    shop,
    type: TIKTOK_RETURN_JOB,
    key: `tiktok-return-${shop}-${request.returnId}`,
    payload: request,
    priority: WEBHOOK_PRIORITY,
    maxAttempts: 8,
  });
}
