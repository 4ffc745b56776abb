import { describe, expect, it } from "vitest";
import { tiktokProviderFor } from "../../../app/modules/orders/carrier-mapping";
import { refundLines } from "../../../app/modules/orders/apply-tiktok-return";
import { tiktokLinesOf } from "../../../app/modules/orders/push-tracking";
import type { TikTokOrderRecord } from "../../../app/modules/orders/tiktok-order-repository";

const US = [{ id: "1", name: "USPS" }, { id: "2", name: "UPS" }, { id: "3", name: "FedEx" }, { id: "4", name: "Amazon Logistics" }, { id: "5", name: "LaserShip" }, { id: "6", name: "DHL" }];
const UK = [{ id: "7", name: "Royal Mail" }, { id: "8", name: "Hermes/EVRI" }, { id: "9", name: "DPD" }, { id: "10", name: "UPS UK" }];

describe("Shopify tracking company → TikTok shipping provider", () => {
  it.each([
    ["USPS", US, "USPS"], ["fedex", US, "FedEx"], ["Amazon", US, "Amazon Logistics"], ["Lasership", US, "LaserShip"], ["DHL Express", US, "DHL"],
    ["Evri", UK, "Hermes/EVRI"], ["DPD Local", UK, "DPD"], ["UPS", UK, "UPS UK"], ["Royal Mail", UK, "Royal Mail"],
  ])("%s → %s's %s", (company, providers, expected) => {
    expect(tiktokProviderFor(company, providers)?.name).toBe(expected);
  });

  it("never guesses: an unknown carrier or an empty name has no provider", () => {
    expect(tiktokProviderFor("Pigeon Post", US)).toBeNull();
    expect(tiktokProviderFor("", US)).toBeNull();
    expect(tiktokProviderFor("DHL eCommerce", UK)).toBeNull();
  });

  it("the merchant's choice comes first, if TikTok offers it for the order", () => {
    expect(tiktokProviderFor("Pigeon Post", US, { "Pigeon Post": "UPS" })?.id).toBe("2");
    expect(tiktokProviderFor("Pigeon Post", US, { "Pigeon Post": "Royal Mail" })).toBeNull();
  });
});

const record = (over: Partial<TikTokOrderRecord>) => ({ lineMap: { T1: "S1", T2: "S1", T3: "S1", T4: "S2" }, shipments: [], ...over }) as TikTokOrderRecord;

describe("TikTok lines of a Shopify shipment or refund", () => {
  it("a partial fulfilment ships as many TikTok lines as units, never a line already shipped", () => {
    expect(tiktokLinesOf(record({}), [{ lineItemId: "S1", quantity: 2 }])).toEqual(["T1", "T2"]);
    const shippedOne = record({ shipments: [{ fulfillmentId: "F1", trackingNumber: "x", providerId: "1", lineIds: ["T1"], state: "sent" }] });
    expect(tiktokLinesOf(shippedOne, [{ lineItemId: "S1", quantity: 2 }, { lineItemId: "S2", quantity: 1 }])).toEqual(["T2", "T3", "T4"]);
  });

  it("a refund cancels units not shipped yet back to stock, restocks returned ones, and restocks nothing for a refund without a return", () => {
    const returned = (type: string) => ({ return_id: "R", order_id: "O", return_type: type, return_status: "RETURN_OR_REFUND_REQUEST_COMPLETE", return_line_items: [{ order_line_item_id: "T1" }, { order_line_item_id: "T2" }] });
    expect(refundLines(record({}), returned("RETURN_AND_REFUND") as never, new Map([["S1", 1]]))).toEqual([
      { lineItemId: "S1", quantity: 1, restockType: "CANCEL" }, { lineItemId: "S1", quantity: 1, restockType: "RETURN" },
    ]);
    expect(refundLines(record({}), returned("REFUND") as never, new Map([["S1", 0]]))).toEqual([{ lineItemId: "S1", quantity: 2, restockType: "NO_RESTOCK" }]);
  });
});
