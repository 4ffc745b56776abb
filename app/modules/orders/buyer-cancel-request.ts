// A buyer who asks TikTok to cancel after the hold waits for the seller. The merchant approves it from the
// order page (TikTok then cancels, and the app cancels the Shopify order); refusing is TikTok's rule per
// market: in the US by shipping the order (TikTok rejects the request itself), elsewhere with a reason.
import type { OrderSyncDeps } from "./order-sync-deps";

export type CancelRequestDecision = "approve" | "reject";

export async function decideBuyerCancellation(
  deps: OrderSyncDeps,
  shop: string,
  tiktokOrderId: string,
  decision: CancelRequestDecision
): Promise<{ ok: boolean; message: string }> {
  const record = await deps.orders.get(shop, tiktokOrderId);
  if (!record?.cancelRequested)
    return {
      ok: false,
      message: "This order has no cancellation request waiting. Reload the page to see where it stands.",
    };
  const { api, link } = await deps.tiktokFor(shop, record.tiktokShopId);
  if (decision === "reject" && link.region === "US")
    return {
      ok: false,
      message:
        "In the US, TikTok refuses a buyer's cancellation when you ship the order: fulfil it in Shopify with tracking and the request closes.",
    };
  const { data } = await api.returns.searchCancellations(
    { order_ids: [tiktokOrderId], cancel_status: ["CANCELLATION_REQUEST_PENDING"] },
    { pageSize: 10 }
  );
  const pending = data.cancellations[0];
  if (!pending)
    return {
      ok: false,
      message:
        "TikTok no longer shows a pending cancellation request for this order (it may have expired or been decided in Seller Center).",
    };
  const key = `${decision}-${pending.cancel_id}`;
  const result =
    decision === "approve"
      ? await api.returns.approveCancellation(pending.cancel_id, { idempotencyKey: key })
      : await api.returns.rejectCancellation(
          pending.cancel_id,
          { reject_reason: "reverse_reject_request_reason_1" },
          { idempotencyKey: key }
        );
  await deps.orders.update(shop, tiktokOrderId, { cancelRequested: false });
  await deps.orders.recordEvent(shop, tiktokOrderId, {
    action: "cancel",
    outcome: "ok",
    requestId: result.requestId,
    summary:
      decision === "approve"
        ? "You approved the buyer's cancellation: TikTok cancels the order and refunds the buyer; the Shopify order is cancelled next."
        : "You refused the buyer's cancellation on TikTok; the order stays open.",
  });
  return {
    ok: true,
    message:
      decision === "approve"
        ? "Approved: TikTok cancels the order, and the Shopify order follows within a minute."
        : "Refused: the order stays open; ship it as usual.",
  };
}
