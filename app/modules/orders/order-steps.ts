// What a TikTok order needs next, from TikTok's status and what the app has already done. Every run reads
// the order from TikTok first, so duplicate, late or reordered webhooks all lead to the same step.
import type { TikTokOrderRecord } from "./tiktok-order-repository";

export type OrderStep = "none" | "reserve" | "import" | "finish" | "release" | "cancel_in_shopify" | "mark_cancelled";

/** Seller-fulfilled orders are imported once TikTok's hold is over (contract §2.1), never while UNPAID or ON_HOLD. */
export const IMPORTABLE_STATUSES = new Set(["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"]);
export const CANCELLED_STATUSES = new Set(["CANCELLED", "CANCEL"]);
/** TikTok's cancellation hour for orders it did not hold itself (legacy flow). */
export const REMORSE_MS = 60 * 60 * 1000;

const holding = (record: TikTokOrderRecord) => record.reservation !== null && record.reservation.state !== "released";

export function nextOrderStep(record: TikTokOrderRecord, onHoldOrder: boolean, now: Date): OrderStep {
  if (record.state === "skipped") return holding(record) ? "release" : "none";
  if (CANCELLED_STATUSES.has(record.tiktokStatus)) {
    if (record.shopifyOrderId) return record.state === "cancelled" ? "none" : "cancel_in_shopify";
    if (holding(record)) return "release";
    return record.state === "cancelled" ? "none" : "mark_cancelled";
  }
  if (IMPORTABLE_STATUSES.has(record.tiktokStatus)) {
    if (!record.shopifyOrderId) return "import";
    return finishingLeft(record, onHoldOrder, now) ? "finish" : "none";
  }
  const fbt = record.fulfillmentType === "FULFILLMENT_BY_TIKTOK";
  if (record.tiktokStatus === "ON_HOLD" && !fbt && (record.reservation === null || record.reservation.state === "pending")) return "reserve";
  return "none";
}

/** After the Shopify order exists: TikTok told of it, the reservation given back, the remorse hold placed and lifted. */
export function finishingLeft(record: TikTokOrderRecord, onHoldOrder: boolean, now: Date): boolean {
  return !record.referenceSent || holding(record) || remorseHoldStep(record, onHoldOrder, now) !== "none";
}

export function remorseHoldStep(record: TikTokOrderRecord, onHoldOrder: boolean, now: Date): "place" | "release" | "none" {
  if (onHoldOrder || record.fulfillmentType === "FULFILLMENT_BY_TIKTOK" || !record.paidAt) return "none";
  const within = now.getTime() < record.paidAt.getTime() + REMORSE_MS;
  if (within) return record.remorseHold === null ? "place" : "none";
  return record.remorseHold === "placed" ? "release" : "none";
}
