// Use case (job "orders.return"): a TikTok return or refund that TikTok completed becomes a Shopify refund of
// the same lines and amount, recorded against the "TikTok Shop" gateway (TikTok pays the buyer; Shopify's books
// follow). Units not shipped yet go back to stock; returned items are restocked when the return brought them
// back; a refund without a return restocks nothing. refundCreate's idempotency key is the TikTok return id,
// so a retry or a second webhook never refunds twice.
import {
  ORDER_LINES_QUERY,
  REFUND_CREATE_MUTATION,
  type OrderLinesResult,
  type RefundCreateResult,
} from "../../integrations/shopify/order.graphql";
import type { TikTokReturnOrder } from "../../integrations/tiktok/types/returns";
import type { OrderSyncDeps } from "./order-sync-deps";
import type { TikTokOrderRecord } from "./tiktok-order-repository";
import { TIKTOK_GATEWAY } from "./tiktok-order-to-shopify";

const COMPLETED = new Set(["RETURN_OR_REFUND_REQUEST_COMPLETE"]);
/** How the app's own refunds begin their note, so refunds/create can tell them from the merchant's. */
export const TIKTOK_REFUND_NOTE = "TikTok Shop ";

export type ReturnOutcome = "not_imported" | "not_found" | "not_completed" | "refunded" | "refused";

/** Shopify refund lines for the returned TikTok lines: unshipped units are cancelled back to stock. */
export function refundLines(
  record: TikTokOrderRecord,
  tiktokReturn: TikTokReturnOrder,
  unfulfilled: Map<string, number>
) {
  const quantities = new Map<string, number>();
  for (const line of tiktokReturn.return_line_items) {
    const shopifyLine = line.order_line_item_id ? record.lineMap[line.order_line_item_id] : undefined;
    if (shopifyLine) quantities.set(shopifyLine, (quantities.get(shopifyLine) ?? 0) + 1);
  }
  const itemsComeBack = tiktokReturn.return_type !== "REFUND";
  return [...quantities].flatMap(([lineItemId, quantity]) => {
    const open = Math.min(quantity, unfulfilled.get(lineItemId) ?? 0);
    return [
      ...(open > 0 ? [{ lineItemId, quantity: open, restockType: "CANCEL" }] : []),
      ...(quantity > open
        ? [{ lineItemId, quantity: quantity - open, restockType: itemsComeBack ? "RETURN" : "NO_RESTOCK" }]
        : []),
    ];
  });
}

export async function applyTikTokReturn(
  deps: OrderSyncDeps,
  shop: string,
  request: { tiktokOrderId: string; returnId: string }
): Promise<ReturnOutcome> {
  const record = await deps.orders.get(shop, request.tiktokOrderId);
  if (!record?.shopifyOrderId) return "not_imported";
  const { api } = await deps.tiktokFor(shop, record.tiktokShopId);
  const tiktokReturn = (
    await api.returns.searchReturns({ return_ids: [request.returnId] }, { pageSize: 10 })
  ).data.return_orders.find((r) => r.return_id === request.returnId);
  if (!tiktokReturn) return "not_found";
  if (!COMPLETED.has(tiktokReturn.return_status)) return "not_completed";
  const shopify = await deps.shopifyFor(shop);
  const { order } = await shopify.request<OrderLinesResult>(ORDER_LINES_QUERY, { id: record.shopifyOrderId });
  const unfulfilled = new Map((order?.lineItems.nodes ?? []).map((l) => [l.id, l.unfulfilledQuantity]));
  const amount = tiktokReturn.refund_amount?.refund_total ?? "0";
  const { refundCreate } = await shopify.request<RefundCreateResult>(REFUND_CREATE_MUTATION, {
    key: `tiktok-return-${tiktokReturn.return_id}`,
    input: {
      orderId: record.shopifyOrderId,
      refundLineItems: refundLines(record, tiktokReturn, unfulfilled),
      transactions:
        Number(amount) > 0 ? [{ orderId: record.shopifyOrderId, gateway: TIKTOK_GATEWAY, kind: "REFUND", amount }] : [],
      note: `${TIKTOK_REFUND_NOTE}${tiktokReturn.return_type.toLowerCase().replace(/_/g, " ")} ${
        tiktokReturn.return_id
      }: TikTok refunded the buyer.`,
      notify: false,
    },
  });
  const event = (outcome: "ok" | "failed", summary: string) =>
    deps.orders.recordEvent(shop, record.tiktokOrderId, { action: "refund", outcome, summary });
  if (!refundCreate.refund) {
    await event(
      "failed",
      `TikTok refunded ${amount} ${record.currency} (return ${
        tiktokReturn.return_id
      }) but Shopify refused the matching refund: ${refundCreate.userErrors
        .map((e) => e.message)
        .join("; ")}. Record the refund in Shopify by hand (no money moves: TikTok paid the buyer).`
    );
    return "refused";
  }
  await event(
    "ok",
    `TikTok refunded the buyer ${amount} ${record.currency} (return ${tiktokReturn.return_id}); the Shopify order shows the same refund.`
  );
  return "refunded";
}
