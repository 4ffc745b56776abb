import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

// Buyer cancellations during the hold and after it, legacy orders' remorse hour, and the seller's reasons.
// The buyer pays 60 s (simulator clock) after ordering; holds last their default hour.
const PAY_S = 60;
let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;

async function place(options: Record<string, unknown> = {}): Promise<string> {
  const body = { shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 1 }], ...options };
  return (await h.admin<{ order_id: string }>("POST", "/sandbox/orders", body)).order_id;
}
const detail = async (id: string) => (await shop.orders.getDetails([id])).data.orders[0]!;
const buyerCancel = (id: string, reason?: string) =>
  h.admin<{ cancel_id: string; cancel_status: string; order_status: string }>("POST", `/sandbox/orders/${id}/buyer-cancel`, reason ? { reason } : {});
const cancellationOf = async (id: string) => (await shop.returns.searchCancellations({ order_ids: [id] }, { pageSize: 10 })).data.cancellations;
const stock = async () => (await shop.products.get(mug.productId)).data.skus[0]!.inventory.reduce((a, i) => a + (i.quantity ?? 0), 0);

async function refusalCode(p: Promise<unknown>): Promise<number> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err, "TikTok should have refused the call").toBeInstanceOf(TikTokApiError);
  return (err as TikTokApiError).code;
}

beforeAll(async () => {
  h = await startContractHarness({ orderDelaysMs: { payMs: PAY_S * 1000 } });
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "CXL-MUG");
});
afterAll(async () => h?.close());

describe("buyer cancellations", () => {
  it("during the hold: cancelled at once; search gives the reason's machine name and text, detail the text; stock comes back", async () => {
    const before = await stock();
    const id = await place();
    h.advanceClock(PAY_S);
    expect(await stock()).toBe(before - 1);
    expect(await buyerCancel(id)).toMatchObject({ cancel_status: "CANCELLATION_REQUEST_COMPLETE", order_status: "CANCELLED" });
    expect(await cancellationOf(id)).toEqual([expect.objectContaining({
      cancel_type: "BUYER_CANCEL", role: "BUYER", cancel_reason: "ecom_order_to_ship_canceled_reason_no_longer_needed", cancel_reason_text: "No longer needed",
    })]);
    const order = await detail(id);
    expect(order).toMatchObject({ status: "CANCELLED", cancel_reason: "No longer needed", cancellation_initiator: "BUYER", recipient_address: { name: "J***" } });
    expect(await stock()).toBe(before);
  });

  it("while unpaid: the unpaid reasons apply", async () => {
    const id = await place();
    await buyerCancel(id, "ecom_order_unpaid_canceled_reason_better_price");
    expect(await cancellationOf(id)).toEqual([expect.objectContaining({ cancel_reason: "ecom_order_unpaid_canceled_reason_better_price", cancel_reason_text: "Better price available" })]);
    await expect(buyerCancel(await place(), "ecom_order_to_ship_canceled_reason_better_price")).rejects.toThrow(/25001021/);
  });

  it("after the hold: a pending request the seller answers; the seller cannot cancel over it (25001011)", async () => {
    const id = await place();
    h.advanceClock(PAY_S + 3_600);
    expect(await buyerCancel(id, "ecom_order_to_ship_canceled_reason_created_by_mistakes")).toMatchObject({ cancel_status: "CANCELLATION_REQUEST_PENDING", order_status: "AWAITING_SHIPMENT" });
    expect(await detail(id)).toMatchObject({ is_buyer_request_cancel: true, request_cancel_time: expect.any(Number) });
    const pending = (await shop.orders.search({ is_buyer_request_cancel: true }, { pageSize: 50 })).data.orders.map((o) => o.id);
    expect(pending).toContain(id);
    expect(await refusalCode(shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_reason_out_of_stock" }))).toBe(25001011);
    const [c] = await cancellationOf(id);
    expect(c).toMatchObject({ cancel_status: "CANCELLATION_REQUEST_PENDING", cancel_reason_text: "Bought by mistake" });
    await shop.returns.approveCancellation(c!.cancel_id);
    expect(await detail(id)).toMatchObject({ status: "CANCELLED", cancel_reason: "Bought by mistake", is_buyer_request_cancel: false });
  });

  it("legacy order (no ON_HOLD): cancelled at once inside the remorse hour after payment, a request after it", async () => {
    const early = await place({ hold: false });
    const late = await place({ hold: false });
    h.advanceClock(PAY_S);
    expect((await buyerCancel(early)).order_status).toBe("CANCELLED");
    h.advanceClock(3_600);
    expect(await buyerCancel(late)).toMatchObject({ cancel_status: "CANCELLATION_REQUEST_PENDING", order_status: "AWAITING_SHIPMENT" });
  });
});

describe("seller cancellations", () => {
  it("need a seller reason for the order's status (25001021) and an order not shipped (25001045) nor closed (25001051)", async () => {
    const id = await place();
    expect(await refusalCode(shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_reason_out_of_stock" }))).toBe(25001021);
    expect((await shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_unpaid_reason_wrong_price" })).data.cancel_status).toBe("CANCELLATION_REQUEST_COMPLETE");
    expect(await detail(id)).toMatchObject({ status: "CANCELLED", cancel_reason: "Pricing error", cancellation_initiator: "SELLER" });
    expect(await refusalCode(shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_unpaid_reason_wrong_price" }))).toBe(25001051);

    const shipped = await place({ hold: false });
    h.advanceClock(PAY_S);
    await h.admin("POST", `/sandbox/orders/${shipped}/advance`, {});
    expect(await refusalCode(shop.returns.cancelOrder({ order_id: shipped, cancel_reason: "seller_cancel_reason_out_of_stock" }))).toBe(25001045);
  });

  it("during the hold with a to-ship reason", async () => {
    const id = await place();
    h.advanceClock(PAY_S);
    await shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_paid_reason_address_not_deliver" });
    expect(await cancellationOf(id)).toEqual([expect.objectContaining({ cancel_type: "CANCEL", role: "SELLER", cancel_reason_text: "Unable to deliver to buyer address" })]);
  });
});
