import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;

async function placeOrder(quantity: number): Promise<string> {
  const placed = await h.admin<{ order_id: string }>("POST", "/sandbox/orders", {
    shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity }], shipping_type: "SELLER",
  });
  return placed.order_id;
}

async function advanceTo(orderId: string, status: string) {
  for (let i = 0; i < 6; i++) {
    const { data } = await shop.orders.getDetails([orderId]);
    if (data.orders[0]!.status === status) return;
    await h.admin("POST", `/sandbox/orders/${orderId}/advance`, {});
  }
  throw new Error(`order ${orderId} never reached ${status}`);
}

beforeAll(async () => {
  h = await startContractHarness({ orderDelaysMs: { payMs: 3_600_000, onHoldMs: 3_600_000 } });
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "ORD-MUG");
});
afterAll(async () => h?.close());

describe("orders against the simulator", () => {
  let orderId: string;

  it("reads an order's detail: one line item per unit, decimal-string money", async () => {
    orderId = await placeOrder(2);
    const { data, requestId } = await shop.orders.getDetails([orderId]);
    expect(requestId).not.toBe("");
    const order = data.orders[0]!;
    expect(order.id).toBe(orderId);
    expect(order.line_items).toHaveLength(2);
    expect(order.line_items.every((li) => li.sku_id === mug.skuIds[0])).toBe(true);
    expect(order.payment.currency).toBe("USD");
    expect(order.payment.total_amount).toMatch(/^\d+(\.\d+)?$/);
    expect(order.packages.length).toBeGreaterThan(0);
  });

  it("searches orders page by page and iterates all pages", async () => {
    const second = await placeOrder(1);
    const page = await shop.orders.search({}, { pageSize: 1, sortField: "create_time", sortOrder: "DESC" });
    expect(page.data.orders).toHaveLength(1);
    expect(page.data.next_page_token).toBeTruthy();
    const ids: string[] = [];
    for await (const o of shop.orders.searchAll({}, { pageSize: 1 })) ids.push(o.id);
    expect(ids).toEqual(expect.arrayContaining([orderId, second]));
  });

  it("marks a seller-shipped order as shipped, updates tracking and reads tracking", async () => {
    await advanceTo(orderId, "AWAITING_SHIPMENT");
    const detail = (await shop.orders.getDetails([orderId])).data.orders[0]!;
    const options = await shop.logistics.getDeliveryOptions(mug.warehouseId);
    const providers = await shop.logistics.getShippingProviders(options.data.delivery_options[0]!.id);
    const providerId = providers.data.shipping_providers[0]!.id;
    const shipped = await shop.fulfillment.markPackageShipped(orderId, { tracking_number: "1Z999AA10123456784", shipping_provider_id: providerId,
      order_line_item_ids: detail.line_items.map((li) => li.id) });
    expect(shipped.data.package_id).toBeTruthy();
    const after = (await shop.orders.getDetails([orderId])).data.orders[0]!;
    expect(after.status).toBe("IN_TRANSIT");
    const upd = await shop.fulfillment.updateOrderShippingInfo(orderId, { tracking_number: "1Z999AA10123456785", shipping_provider_id: providerId });
    expect(upd.code).toBe(0);
    const updPkg = await shop.fulfillment.updatePackageShippingInfo(shipped.data.package_id, { tracking_number: "1Z999AA10123456786", shipping_provider_id: providerId });
    expect(updPkg.code).toBe(0);
    const tracking = await shop.fulfillment.getTracking(orderId);
    expect(Array.isArray(tracking.data.tracking)).toBe(true);
  });

  it("ships a package with self_shipment (ship package endpoint)", async () => {
    const id = await placeOrder(1);
    await advanceTo(id, "AWAITING_SHIPMENT");
    const pkg = (await shop.orders.getDetails([id])).data.orders[0]!.packages[0]!.id;
    const options = await shop.logistics.getDeliveryOptions(mug.warehouseId);
    const providerId = (await shop.logistics.getShippingProviders(options.data.delivery_options[0]!.id)).data.shipping_providers[0]!.id;
    const res = await shop.fulfillment.shipPackage(pkg, { self_shipment: { tracking_number: "9400100000000000000000", shipping_provider_id: providerId } });
    expect(res.code).toBe(0);
    expect((await shop.orders.getDetails([id])).data.orders[0]!.status).not.toBe("AWAITING_SHIPMENT");
  });
});

describe("cancellations and returns against the simulator", () => {
  it("seller-cancels an order and finds the cancellation", async () => {
    const id = await placeOrder(1);
    await advanceTo(id, "AWAITING_SHIPMENT");
    const res = await shop.returns.cancelOrder({ order_id: id, cancel_reason: "seller_cancel_reason_out_of_stock" });
    expect(res.code).toBe(0);
    const found = await shop.returns.searchCancellations({ order_ids: [id] }, { pageSize: 10 });
    expect(found.data.cancellations).toEqual([expect.objectContaining({ order_id: id, cancel_reason: "seller_cancel_reason_out_of_stock", cancel_reason_text: "Out of stock" })]);
  });

  it("approves a buyer cancellation request and rejects another", async () => {
    const a = await placeOrder(1);
    const b = await placeOrder(1);
    await advanceTo(a, "AWAITING_SHIPMENT");
    await advanceTo(b, "AWAITING_SHIPMENT");
    const ca = await h.admin<{ cancel_id: string }>("POST", `/sandbox/orders/${a}/buyer-cancel`, {});
    const cb = await h.admin<{ cancel_id: string }>("POST", `/sandbox/orders/${b}/buyer-cancel`, {});
    expect((await shop.returns.approveCancellation(ca.cancel_id)).code).toBe(0);
    expect((await shop.returns.rejectCancellation(cb.cancel_id, { reject_reason: "seller_reject_apply_product_has_been_packed" })).code).toBe(0);
    const search = await shop.returns.searchCancellations({ cancel_ids: [ca.cancel_id, cb.cancel_id] }, { pageSize: 10 });
    const statuses = Object.fromEntries(search.data.cancellations.map((c) => [c.cancel_id, c.cancel_status]));
    expect(statuses[ca.cancel_id]).not.toBe(statuses[cb.cancel_id]);
  });

  it("searches returns and approves / rejects them", async () => {
    const a = await placeOrder(1);
    const b = await placeOrder(1);
    for (const id of [a, b]) {
      await advanceTo(id, "AWAITING_SHIPMENT");
      await advanceTo(id, "DELIVERED");
    }
    const ra = await h.admin<{ return_id: string }>("POST", `/sandbox/orders/${a}/return`, { return_type: "RETURN_AND_REFUND" });
    const rb = await h.admin<{ return_id: string }>("POST", `/sandbox/orders/${b}/return`, { return_type: "REFUND" });
    const found = await shop.returns.searchReturns({ order_ids: [a, b] }, { pageSize: 10 });
    expect(found.data.return_orders.map((r) => r.return_id).sort()).toEqual([ra.return_id, rb.return_id].sort());
    expect((await shop.returns.approveReturn(ra.return_id)).code).toBe(0);
    expect((await shop.returns.rejectReturn(rb.return_id, { reject_reason: "seller_reject_return_item_not_received" })).code).toBe(0);
  });

  it("returns no order for ids that are not this shop's", async () => {
    const res = await shop.orders.getDetails(["576000000000000000"]);
    expect(res.data.orders).toEqual([]);
  });
});
