import { describe, expect, it } from "vitest";
import { withoutUnitsSold } from "../../../app/modules/catalog/sync-inventory";
import { shopifyCancelReason } from "../../../app/modules/orders/cancel-shopify-order";
import { nextOrderStep, remorseHoldStep } from "../../../app/modules/orders/order-steps";
import { planReservation, releaseChanges, type Reservation } from "../../../app/modules/orders/stock-reservation";
import type { TikTokOrderRecord } from "../../../app/modules/orders/tiktok-order-repository";
import type { TikTokOrder } from "../../../app/integrations/tiktok/types/order";

const paidAt = new Date("2026-12-07T10:00:00Z");
const record = (over: Partial<TikTokOrderRecord> = {}): TikTokOrderRecord => ({
  shop: "s", tiktokShopId: "t", tiktokOrderId: "o", tiktokStatus: "AWAITING_SHIPMENT", tiktokUpdatedAt: paidAt, placedAt: paidAt, paidAt,
  fulfillmentType: "FULFILLMENT_BY_SELLER", cancelRequested: false, state: "new", lines: [], currency: "USD", buyerPaid: "1", platformDiscount: "0",
  createIntentAt: null, createAttempts: 0, shopifyOrderId: null, shopifyOrderName: null, referenceSent: false, reservation: null, remorseHold: null, lineMap: {}, shipments: [], problem: null,
  ...over,
});
const applied: Reservation = { key: "k", state: "applied", changes: [] };
const later = (minutes: number) => new Date(paidAt.getTime() + minutes * 60_000);

describe("the next step of a TikTok order", () => {
  it.each([
    ["UNPAID: nothing (TikTok has not been paid)", record({ tiktokStatus: "UNPAID" }), "none"],
    ["ON_HOLD: reserve the units", record({ tiktokStatus: "ON_HOLD" }), "reserve"],
    ["ON_HOLD, already reserved: nothing", record({ tiktokStatus: "ON_HOLD", reservation: applied, state: "reserved" }), "none"],
    ["ON_HOLD, a reservation whose answer was lost: send it again", record({ tiktokStatus: "ON_HOLD", reservation: { ...applied, state: "pending" } }), "reserve"],
    ["ON_HOLD, fulfilled by TikTok: nothing (its stock is TikTok's)", record({ tiktokStatus: "ON_HOLD", fulfillmentType: "FULFILLMENT_BY_TIKTOK" }), "none"],
    ["AWAITING_SHIPMENT: import", record(), "import"],
    ["IN_TRANSIT, never imported (back-fill): import", record({ tiktokStatus: "IN_TRANSIT" }), "import"],
    ["imported, reference not sent: finish", record({ shopifyOrderId: "gid://shopify/Order/1", state: "imported" }), "finish"],
    ["imported, reservation still held: finish", record({ shopifyOrderId: "x", state: "imported", referenceSent: true, reservation: applied }), "finish"],
    ["imported and finished: nothing", record({ shopifyOrderId: "x", state: "imported", referenceSent: true }), "none"],
    ["CANCELLED during the hold: give the reservation back", record({ tiktokStatus: "CANCELLED", reservation: applied }), "release"],
    ["CANCELLED before anything happened: mark it", record({ tiktokStatus: "CANCELLED" }), "mark_cancelled"],
    ["CANCEL (the webhook's spelling) after import: cancel in Shopify", record({ tiktokStatus: "CANCEL", shopifyOrderId: "x", state: "imported" }), "cancel_in_shopify"],
    ["cancelled in both: nothing", record({ tiktokStatus: "CANCELLED", shopifyOrderId: "x", state: "cancelled" }), "none"],
    ["TikTok's own channel imported it, reservation held: release", record({ state: "skipped", reservation: applied }), "release"],
  ])("%s", (_, r, step) => {
    expect(nextOrderStep(r, { onHoldOrder: true, tiktokShipped: false }, later(90))).toBe(step);
  });

  it("an order TikTok did not hold is held in Shopify until an hour after payment, then released", () => {
    const imported = record({ shopifyOrderId: "x", state: "imported", referenceSent: true });
    expect(remorseHoldStep(imported, false, later(10))).toBe("place");
    expect(nextOrderStep(imported, { onHoldOrder: false, tiktokShipped: false }, later(10))).toBe("finish");
    expect(remorseHoldStep({ ...imported, remorseHold: "placed" }, false, later(30))).toBe("none");
    expect(remorseHoldStep({ ...imported, remorseHold: "placed" }, false, later(61))).toBe("release");
    expect(remorseHoldStep(imported, false, later(61))).toBe("none"); // imported after the hour: no hold at all
    expect(remorseHoldStep(imported, true, later(10))).toBe("none"); // TikTok held it already
  });

  it("an order TikTok ships gets its Shopify fulfilment once TikTok has tracking, once", () => {
    const imported = record({ shopifyOrderId: "x", state: "imported", referenceSent: true, fulfillmentType: "FULFILLMENT_BY_TIKTOK", tiktokStatus: "IN_TRANSIT" });
    expect(nextOrderStep(imported, { onHoldOrder: true, tiktokShipped: true }, later(90))).toBe("finish");
    const mirrored = { ...imported, shipments: [{ fulfillmentId: "tiktok", trackingNumber: "TT1", providerId: "USPS", lineIds: [], state: "sent" as const }] };
    expect(nextOrderStep(mirrored, { onHoldOrder: true, tiktokShipped: true }, later(90))).toBe("none");
  });
});

describe("reservations", () => {
  const levels = [
    { inventoryItemId: "I1", locationId: "L1", available: 3, shopifyUpdatedAt: paidAt, uncertain: false },
    { inventoryItemId: "I1", locationId: "L2", available: 9, shopifyUpdatedAt: paidAt, uncertain: false },
    { inventoryItemId: "I2", locationId: "L1", available: 1, shopifyUpdatedAt: paidAt, uncertain: false },
  ];

  it("moves each item from the location with most available, compare-and-set on what the ledger shows, never more than there is", () => {
    const plan = planReservation("777", "n1", [{ inventoryItemId: "I1", quantity: 2 }, { inventoryItemId: "I2", quantity: 4 }, { inventoryItemId: null, quantity: 1 }], levels)!;
    expect(plan.key).toBe("tiktok-reserve-777-n1");
    expect(plan.changes).toEqual([
      { inventoryItemId: "I1", quantity: 2, from: { locationId: "L2", name: "available", changeFromQuantity: 9 }, to: { locationId: "L2", name: "reserved", changeFromQuantity: null, ledgerDocumentUri: "gid://tiktok-shop-sync/TikTokOrder/777" } },
      { inventoryItemId: "I2", quantity: 1, from: { locationId: "L1", name: "available", changeFromQuantity: 1 }, to: { locationId: "L1", name: "reserved", changeFromQuantity: null, ledgerDocumentUri: "gid://tiktok-shop-sync/TikTokOrder/777" } },
    ]);
    expect(releaseChanges(plan)[0]).toEqual({ inventoryItemId: "I1", quantity: 2, from: { locationId: "L2", name: "reserved", changeFromQuantity: null, ledgerDocumentUri: "gid://tiktok-shop-sync/TikTokOrder/777" }, to: { locationId: "L2", name: "available", changeFromQuantity: null } });
  });

  it("nothing to reserve when nothing is available", () => {
    expect(planReservation("777", "n", [{ inventoryItemId: "I3", quantity: 1 }], levels)).toBeNull();
  });

  it("a stock push subtracts units TikTok sold that Shopify does not show yet, fullest location first", () => {
    expect(withoutUnitsSold(levels.slice(0, 2), 10).map((l) => l.available)).toEqual([2, 0]);
    expect(withoutUnitsSold(levels.slice(0, 2), 0).map((l) => l.available)).toEqual([3, 9]);
  });
});

describe("cancellation reason in Shopify", () => {
  const order = (over: Partial<TikTokOrder>) => ({ id: "1", status: "CANCELLED", ...over }) as TikTokOrder;
  it.each([
    [{ cancellation_initiator: "BUYER", cancel_reason: "No longer needed" }, "CUSTOMER"],
    [{ cancellation_initiator: "SELLER", cancel_reason: "seller_cancel_reason_out_of_stock" }, "INVENTORY"],
    [{ cancellation_initiator: "SYSTEM", cancel_reason: "system_cancel_order_reason_potential_fraud" }, "FRAUD"],
    [{ cancellation_initiator: "SYSTEM", cancel_reason: "system_cancel_unpaid_time_out" }, "DECLINED"],
    [{ cancellation_initiator: "SYSTEM", cancel_reason: "package_lost" }, "OTHER"],
  ])("%o → %s", (facts, reason) => {
    expect(shopifyCancelReason(order(facts))).toBe(reason);
  });
});
