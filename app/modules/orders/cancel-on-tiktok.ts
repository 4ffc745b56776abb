// A TikTok order cancelled by the merchant in Shopify is cancelled on TikTok too, with the TikTok reason that
// matches Shopify's (contract §5.3). Where TikTok has no honest equivalent (fraud, declined, other — and a
// buyer's request in the UK) the app does not pick a seller-fault reason for the merchant: it says what to do.
import type { OrderSyncDeps } from "./order-sync-deps";
import { CANCELLED_STATUSES } from "./order-steps";

const REASONS: Record<string, Record<string, string>> = {
  US: {
    INVENTORY: "seller_cancel_reason_out_of_stock",
    STAFF: "seller_cancel_reason_wrong_price",
    CUSTOMER: "seller_cancel_paid_reason_buyer_requested_cancellation",
  },
  GB: { INVENTORY: "seller_cancel_reason_out_of_stock_uk", STAFF: "seller_cancel_reason_wrong_price_uk" },
};

export function tiktokCancelReason(region: string, shopifyReason: string): string | null {
  return REASONS[region]?.[shopifyReason] ?? null;
}

export type CancelOnTikTokOutcome = "not_tiktok" | "already_cancelled" | "no_reason" | "cancelled";

export async function cancelOnTikTok(
  deps: OrderSyncDeps,
  shop: string,
  cancelled: { shopifyOrderId: string; reason: string }
): Promise<CancelOnTikTokOutcome> {
  const record = await deps.orders.byShopifyOrder(shop, cancelled.shopifyOrderId);
  if (!record) return "not_tiktok";
  // Cancelled because TikTok cancelled it (the app did it): nothing to send back.
  if (record.state === "cancelled" || CANCELLED_STATUSES.has(record.tiktokStatus)) return "already_cancelled";
  const session = await deps.tiktokFor(shop, record.tiktokShopId);
  const reason = tiktokCancelReason(session.link.region, cancelled.reason);
  const event = (outcome: "ok" | "failed", summary: string, requestId?: string) =>
    deps.orders.recordEvent(shop, record.tiktokOrderId, { action: "cancel", outcome, summary, requestId });
  if (!reason) {
    const problem = {
      code: "SHOPIFY_REFUSED" as const,
      message: `You cancelled ${
        record.shopifyOrderName
      } in Shopify (reason: ${cancelled.reason.toLowerCase()}), but TikTok has no matching cancellation reason, so the order is still open on TikTok.`,
      fix: "Cancel the order in TikTok Seller Center with the reason that applies (TikTok refunds the buyer), or ship it.",
    };
    await deps.orders.update(shop, record.tiktokOrderId, { state: "problem", problem });
    await event("failed", `${problem.message} ${problem.fix}`);
    return "no_reason";
  }
  const result = await session.api.returns
    .cancelOrder({ order_id: record.tiktokOrderId, cancel_reason: reason })
    .catch(async (error: Error) => {
      const problem = {
        code: "SHOPIFY_REFUSED" as const,
        message: `TikTok refused to cancel the order you cancelled in Shopify: ${error.message}`,
        fix: "Open the order in TikTok Seller Center: if it has shipped, handle it as a return there.",
      };
      await deps.orders.update(shop, record.tiktokOrderId, { state: "problem", problem });
      await event("failed", `${problem.message} ${problem.fix}`);
      throw Object.assign(error, { retryable: false });
    });
  // The timeline first: TikTok's own cancellation webhook may mark the order cancelled at any moment now.
  await event(
    "ok",
    `Cancelled in Shopify, so cancelled on TikTok too (${reason}); TikTok refunds the buyer.`,
    result.requestId
  );
  await deps.orders.update(shop, record.tiktokOrderId, { state: "cancelled", problem: null });
  return "cancelled";
}
