import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import type { TikTokOrder } from "../../../app/integrations/tiktok/types/order";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

// Every kind of order an importer meets, placed through POST /sandbox/orders and read through the app's client.
// The buyer pays 60 s (simulator clock) after ordering; the hold keeps its default of one hour; the test moves the
// clock itself, so nothing here waits on wall time.
const PAY_S = 60;
let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;
let providerId: string;

async function place(options: Record<string, unknown> = {}): Promise<string> {
  const body = { shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 1 }], ...options };
  return (await h.admin<{ order_id: string }>("POST", "/sandbox/orders", body)).order_id;
}

async function detail(id: string): Promise<TikTokOrder> {
  return (await shop.orders.getDetails([id])).data.orders[0]!;
}

async function refusal(p: Promise<unknown>): Promise<TikTokApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err, "TikTok should have refused the call").toBeInstanceOf(TikTokApiError);
  return err as TikTokApiError;
}

const shipBody = (o: TikTokOrder) => ({ tracking_number: "1Z999AA10123456784", shipping_provider_id: providerId, order_line_item_ids: o.line_items.map((l) => l.id) });
const sellerStock = async () => (await shop.products.get(mug.productId)).data.skus.map((s) => s.inventory.reduce((a, i) => a + (i.quantity ?? 0), 0));

beforeAll(async () => {
  h = await startContractHarness({ orderDelaysMs: { payMs: PAY_S * 1000 } });
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "KIND-MUG");
  const options = await shop.logistics.getDeliveryOptions(mug.warehouseId);
  providerId = (await shop.logistics.getShippingProviders(options.data.delivery_options[0]!.id)).data.shipping_providers[0]!.id;
});
afterAll(async () => h?.close());

describe("order flows", () => {
  it("hold (default): UNPAID → ON_HOLD for one hour of simulator clock → AWAITING_SHIPMENT; address empty and fulfilment refused until then", async () => {
    const id = await place();
    const unpaid = await detail(id);
    expect(unpaid).toMatchObject({ status: "UNPAID", is_on_hold_order: true, fulfillment_type: "FULFILLMENT_BY_SELLER", shipping_type: "SELLER" });
    expect(unpaid.paid_time).toBeUndefined();
    expect(unpaid.recipient_address).toMatchObject({ name: "", address_line1: "", postal_code: "", district_info: [] });

    h.advanceClock(PAY_S);
    const held = await detail(id);
    expect(held).toMatchObject({ status: "ON_HOLD", is_on_hold_order: true, recipient_address: { name: "", full_address: "", district_info: [] } });
    expect(held.paid_time).toBeGreaterThan(0);
    expect(await refusal(shop.fulfillment.markPackageShipped(id, shipBody(held)))).toMatchObject({ code: 21011044, kind: "validation", retryable: false, message: expect.stringContaining("on hold") });
    expect((await refusal(shop.fulfillment.shipPackage(held.packages[0]!.id, { self_shipment: { tracking_number: "94001", shipping_provider_id: providerId } }))).code).toBe(21011044);

    h.advanceClock(3_590); // 10 s short of the hour (wall time passes too, far less than that)
    expect((await detail(id)).status).toBe("ON_HOLD");
    h.advanceClock(10);
    const released = await detail(id);
    expect(released).toMatchObject({ status: "AWAITING_SHIPMENT", is_on_hold_order: true });
    expect(released.recipient_address).toMatchObject({ name: "Jordan Buyer", address_line1: "1 Market St", postal_code: "95110" });
    expect(released.recipient_address?.district_info?.map((d) => d.address_name)).toEqual(["United States", "California", "Santa Clara", "San Jose"]);
    expect((await shop.fulfillment.markPackageShipped(id, shipBody(released))).data.package_id).toBeTruthy();
  });

  it("legacy flow (hold: false): UNPAID → AWAITING_SHIPMENT directly, is_on_hold_order false, address filled", async () => {
    const id = await place({ hold: false });
    expect((await detail(id)).is_on_hold_order).toBe(false);
    h.advanceClock(PAY_S);
    const order = await detail(id);
    expect(order).toMatchObject({ status: "AWAITING_SHIPMENT", is_on_hold_order: false, recipient_address: { name: "Jordan Buyer" } });
  });

  it("on_hold_seconds sets one order's hold on the simulator clock", async () => {
    const id = await place({ on_hold_seconds: 30 });
    h.advanceClock(PAY_S);
    expect((await detail(id)).status).toBe("ON_HOLD");
    h.advanceClock(30);
    expect((await detail(id)).status).toBe("AWAITING_SHIPMENT");
  });
});

describe("fulfilled by TikTok", () => {
  it("takes no seller stock, masks the address, refuses seller shipping (21008025) and gets TikTok's tracking in transit", async () => {
    const before = await sellerStock();
    const id = await place({ fulfillment_type: "FULFILLMENT_BY_TIKTOK", items: [{ sku_id: mug.skuIds[0], quantity: 2 }] });
    expect(await sellerStock()).toEqual(before);
    h.advanceClock(PAY_S + 3_600);
    const order = await detail(id);
    expect(order).toMatchObject({ status: "AWAITING_SHIPMENT", fulfillment_type: "FULFILLMENT_BY_TIKTOK", shipping_type: "TIKTOK", buyer_email: expect.stringContaining("@") });
    expect(order.warehouse_id).not.toBe(mug.warehouseId);
    expect(order.recipient_address).toMatchObject({ name: "J***", address_line1: "1***", postal_code: "9***" });
    expect(order.recipient_address?.phone_number).not.toMatch(/\d{5}/);
    expect(order.recipient_address?.district_info?.map((d) => d.address_name)).toEqual(["United States", "California", "Santa Clara", "San Jose"]);

    expect(await refusal(shop.fulfillment.markPackageShipped(id, shipBody(order)))).toMatchObject({ code: 21008025, kind: "validation" });
    expect((await refusal(shop.fulfillment.shipPackage(order.packages[0]!.id, { handover_method: "PICKUP" }))).code).toBe(21008025);

    await h.admin("POST", `/sandbox/orders/${id}/advance`, {});
    const shipped = await detail(id);
    expect(shipped.status).toBe("IN_TRANSIT");
    expect(shipped.tracking_number).toMatch(/^TT\d{18}$/);
    expect(shipped.shipping_provider).toBe("USPS");
    expect(shipped.line_items.every((l) => l.tracking_number === shipped.tracking_number)).toBe(true);
    expect((await shop.fulfillment.getTracking(id)).data.tracking).toHaveLength(1);
    expect(await sellerStock()).toEqual(before);
  });
});

describe("special orders", () => {
  it("a free sample: is_sample_order, no hold, nothing charged", async () => {
    const id = await place({ sample: true });
    const order = await detail(id);
    expect(order).toMatchObject({ is_sample_order: true, is_on_hold_order: false, is_replacement_order: false });
    expect(order.payment).toMatchObject({ total_amount: "0.00", sub_total: "0.00", original_total_product_price: "0.00", shipping_fee: "0.00", tax: "0.00" });
    h.advanceClock(PAY_S);
    expect((await detail(id)).status).toBe("AWAITING_SHIPMENT");
    await expect(place({ sample: true, hold: true })).rejects.toThrow(/no on-hold period/);
  });

  it("gift lines, seller and platform discounts and US item tax add up line by line", async () => {
    const id = await place({
      items: [{ sku_id: mug.skuIds[0], quantity: 2 }], gift: [{ sku_id: mug.skuIds[1] }],
      seller_discount: "3.00", platform_discount: "1.00", tax_rate: "0.0825",
    });
    const order = await detail(id);
    const paid = order.line_items.filter((l) => !l.is_gift);
    const gifts = order.line_items.filter((l) => l.is_gift);
    expect(paid.map((l) => [l.original_price, l.seller_discount, l.platform_discount, l.sale_price])).toEqual([["10.00", "1.50", "0.50", "8.00"], ["10.00", "1.50", "0.50", "8.00"]]);
    expect(paid.map((l) => l.item_tax)).toEqual([[{ tax_type: "SALES_TAX", tax_amount: "0.66", tax_rate: "0.0825" }], [{ tax_type: "SALES_TAX", tax_amount: "0.66", tax_rate: "0.0825" }]]);
    expect(gifts).toEqual([expect.objectContaining({ sku_id: mug.skuIds[1], original_price: "0.00", sale_price: "0.00", gift_retail_price: "10.00" })]);
    expect(order.payment).toMatchObject({
      original_total_product_price: "20.00", seller_discount: "3.00", platform_discount: "1.00", sub_total: "16.00", original_shipping_fee: "5.99",
      shipping_fee: "5.99", product_tax: "1.32", shipping_fee_tax: "0.00", tax: "1.32", total_amount: "23.31",
    });
  });

  it("free shipping from 35.00 is a platform shipping discount", async () => {
    const order = await detail(await place({ items: [{ sku_id: mug.skuIds[0], quantity: 4 }] }));
    expect(order.payment).toMatchObject({ sub_total: "40.00", original_shipping_fee: "5.99", shipping_fee_platform_discount: "5.99", shipping_fee: "0.00", total_amount: "43.20" });
  });

  it("a replacement points at the order it replaces and costs nothing; an unknown replaced order is refused", async () => {
    const original = await place();
    const id = await place({ is_replacement_order: true, replaced_order_id: original });
    const order = await detail(id);
    expect(order).toMatchObject({ is_replacement_order: true, replaced_order_id: original, is_on_hold_order: false, payment: { total_amount: "0.00" } });
    await expect(place({ is_replacement_order: true, replaced_order_id: "576000000000000999" })).rejects.toThrow(/replaced_order_id/);
  });

  it("search returns the same fields as detail; unknown order options are refused", async () => {
    const id = await place({ hold: false, buyer: { message: "Leave at the door" } });
    const found = (await shop.orders.search({}, { pageSize: 100 })).data.orders.find((o) => o.id === id)!;
    expect(found).toMatchObject({ is_on_hold_order: false, is_sample_order: false, is_replacement_order: false, replaced_order_id: "", buyer_message: "Leave at the door" });
    expect(found.delivery_option_name).toBeTruthy();
    expect(found.payment.shipping_fee_platform_discount).toBe("0.00");
    await expect(place({ gifts: [] })).rejects.toThrow(/unknown option\(s\) gifts/);
    await expect(place({ fulfillment_type: "FULFILLMENT_BY_TIKTOK", shipping_type: "SELLER" })).rejects.toThrow(/shipping_type TIKTOK/);
  });
});
