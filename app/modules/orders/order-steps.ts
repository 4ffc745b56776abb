// What a TikTok order needs next, from TikTok's status and what the app has already done. Every run reads
// the order from TikTok first, so duplicate, late or reordered webhooks all lead to the same step.
import type { TikTokOrderRecord } from "./tiktok-order-repository";

export type OrderStep = "none" | "reserve" | "import" | "finish" | "release" | "cancel_in_shopify" | "mark_cancelled";

/** Seller-fulfilled orders are imported once TikTok's hold is over (contract §2.1), never while UNPAID or ON_HOLD. */
export const IMPORTABLE_STATUSES = new Set([
  "AWAITING_SHIPMENT",
  "PARTIALLY_SHIPPING",
  "AWAITING_COLLECTION",
  "IN_TRANSIT",
  "DELIVERED",
  "COMPLETED",
]);
export const CANCELLED_STATUSES = new Set(["CANCELLED", "CANCEL"]);
/** The shipment entry that records TikTok's own shipment as mirrored into Shopify. */
export const TIKTOK_SHIPMENT_ID = "tiktok";
/** TikTok's cancellation hour for orders it did not hold itself (legacy flow). */
export const REMORSE_MS = 60 * 60 * 1000;

const holding = (record: TikTokOrderRecord) => record.reservation !== null && record.reservation.state !== "released";

/** What the step depends on besides the ledger: TikTok's hold flag, and TikTok's own shipment of orders it ships. */
export interface OrderFacts {
  onHoldOrder: boolean;
  tiktokShipped: boolean;
}

export function nextOrderStep(record: TikTokOrderRecord, facts: OrderFacts, now: Date): OrderStep {
  if (record.state === "skipped") return holding(record) ? "release" : "none";
  if (CANCELLED_STATUSES.has(record.tiktokStatus)) {
    if (record.shopifyOrderId) return record.state === "cancelled" ? "none" : "cancel_in_shopify";
    if (holding(record)) return "release";
    return record.state === "cancelled" ? "none" : "mark_cancelled";
  }
  if (IMPORTABLE_STATUSES.has(record.tiktokStatus)) {
    if (!record.shopifyOrderId) return "import";
    return finishingLeft(record, facts, now) ? "finish" : "none";
  }
  const fbt = record.fulfillmentType === "FULFILLMENT_BY_TIKTOK";
  if (
    record.tiktokStatus === "ON_HOLD" &&
    !fbt &&
    (record.reservation === null || record.reservation.state === "pending")
  )
    return "reserve";
  return "none";
}

/**
 * After the Shopify order exists: TikTok told of it, the reservation given back, the remorse hold placed and
 * lifted, and TikTok's own shipment mirrored in Shopify.
 */
export function finishingLeft(record: TikTokOrderRecord, facts: OrderFacts, now: Date): boolean {
  const shipmentToMirror = facts.tiktokShipped && !record.shipments.some((s) => s.fulfillmentId === TIKTOK_SHIPMENT_ID);
  return (
    !record.referenceSent ||
    holding(record) ||
    remorseHoldStep(record, facts.onHoldOrder, now) !== "none" ||
    shipmentToMirror
  );
}

export function remorseHoldStep(
  record: TikTokOrderRecord,
  onHoldOrder: boolean,
  now: Date
): "place" | "release" | "none" {
  if (onHoldOrder || record.fulfillmentType === "FULFILLMENT_BY_TIKTOK" || !record.paidAt) return "none";
  const within = now.getTime() < record.paidAt.getTime() + REMORSE_MS;
  if (within) return record.remorseHold === null ? "place" : "none";
  return record.remorseHold === "placed" ? "release" : "none";
}
