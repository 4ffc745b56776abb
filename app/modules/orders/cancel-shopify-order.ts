// A TikTok order cancelled after its Shopify order exists: the Shopify order is cancelled too, its units
// restocked, no refund from Shopify (TikTok refunds the buyer). orderCancel runs as a Shopify job.
import { ORDER_CANCEL_MUTATION, type OrderCancelResult } from "../../integrations/shopify/order.graphql";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import { findImportedOrder } from "./import-order";
import type { OrderSyncDeps } from "./order-sync-deps";
import type { TikTokOrderRecord } from "./tiktok-order-repository";

/** TikTok's cancellation initiator → Shopify's OrderCancelReason (contract §5.3; unknown → OTHER with TikTok's text). */
export function shopifyCancelReason(order: TikTokOrder): "CUSTOMER" | "INVENTORY" | "DECLINED" | "FRAUD" | "OTHER" {
  const reason = `${order.cancel_reason ?? ""}`.toLowerCase();
  if (/out[ _]of[ _]stock/.test(reason)) return "INVENTORY";
  if (/fraud|risk|spam/.test(reason)) return "FRAUD";
  if (/not_want_pay|hasnt_paid|unpaid_time_out|did not pay|payment/.test(reason)) return "DECLINED";
  if (order.cancellation_initiator === "BUYER") return "CUSTOMER";
  return "OTHER";
}

export async function cancelShopifyOrder(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  order: TikTokOrder
): Promise<void> {
  const shopify = await deps.shopifyFor(record.shop);
  // Cancelled in Shopify first (the merchant did, and the app told TikTok): nothing left to do here.
  if ((await findImportedOrder(shopify, record.tiktokOrderId)).ours?.cancelledAt) {
    await deps.orders.update(record.shop, record.tiktokOrderId, { state: "cancelled", problem: null });
    return;
  }
  const staffNote = `Cancelled on TikTok Shop${order.cancel_reason ? `: ${order.cancel_reason}` : ""}`.slice(0, 255);
  const { orderCancel } = await shopify.request<OrderCancelResult>(ORDER_CANCEL_MUTATION, {
    orderId: record.shopifyOrderId,
    reason: shopifyCancelReason(order),
    restock: true,
    staffNote,
  });
  const errors = orderCancel.orderCancelUserErrors;
  if (errors.length) {
    await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
      action: "cancel",
      outcome: "failed",
      summary: `TikTok cancelled this order but Shopify refused to cancel ${record.shopifyOrderName}: ${errors
        .map((e) => e.message)
        .join("; ")}. Cancel it in Shopify (or refund it if it was already fulfilled).`,
    });
    await deps.orders.update(record.shop, record.tiktokOrderId, {
      state: "problem",
      problem: {
        code: "SHOPIFY_REFUSED",
        message: `TikTok cancelled the order; Shopify refused to cancel ${record.shopifyOrderName}: ${errors
          .map((e) => e.message)
          .join("; ")}.`,
        fix: "Cancel the order in Shopify yourself (restock its items), or refund it there if it was already shipped.",
      },
    });
    return;
  }
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "cancel",
    outcome: "ok",
    summary: `Cancelled on TikTok, so Shopify order ${
      record.shopifyOrderName
    } is being cancelled with its items restocked (Shopify job ${
      orderCancel.job?.id ?? "?"
    }). TikTok refunds the buyer.`,
  });
  await deps.orders.update(record.shop, record.tiktokOrderId, { state: "cancelled", problem: null });
}
