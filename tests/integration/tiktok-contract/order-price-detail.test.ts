import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;

const total = (values: Array<string | undefined>) => values.reduce((a, v) => a.plus(v ?? "0"), new Decimal(0)).toFixed(2);

beforeAll(async () => {
  h = await startContractHarness();
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "PRICE-MUG");
});
afterAll(async () => h?.close());

describe("price detail (Order API 202407)", () => {
  it("matches the order's payment: list and sale prices, who funded the discounts, tax, gifts; lines add up", async () => {
    const { order_id } = await h.admin<{ order_id: string }>("POST", "/sandbox/orders", {
      shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 3 }], gift: [{ sku_id: mug.skuIds[1] }],
      seller_discount: "2.00", platform_discount: "1.01", tax_rate: "0.07",
    });
    const order = (await shop.orders.getDetails([order_id])).data.orders[0]!;
    const { data: d } = await shop.orders.getPriceDetail(order_id);
    expect(d).toMatchObject({
      currency: "USD", sku_list_price: "30.00", subtotal_deduction_seller: "2.00", subtotal_deduction_platform: "1.01", sku_sale_price: "26.99",
      subtotal_tax_amount: order.payment.product_tax, shipping_list_price: "5.99", shipping_sale_price: "5.99", tax_amount: order.payment.tax,
      tax_rate: "0.07", payment: order.payment.total_amount, total: "35.99", sku_gift_original_price: "10.00",
      voucher_deduction_seller: "1020000", voucher_deduction_platform: "1010000",
    });
    expect(d.line_items.map((l) => l.id).sort()).toEqual(order.line_items.map((l) => l.id).sort());
    for (const key of ["payment", "sku_sale_price", "subtotal_tax_amount", "shipping_list_price", "subtotal_deduction_platform"] as const) {
      expect(total(d.line_items.map((l) => l[key]))).toBe(d[key]);
    }
    const line = order.line_items.find((l) => !l.is_gift)!;
    expect(d.line_items.find((l) => l.id === line.id)).toMatchObject({ sku_list_price: line.original_price, sku_sale_price: line.sale_price, subtotal_tax_amount: line.item_tax![0]!.tax_amount });
  });

  it("refuses an order that is not this seller's (21008111)", async () => {
    const err = await shop.orders.getPriceDetail("576999999999999999").then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TikTokApiError);
    expect((err as TikTokApiError).code).toBe(21008111);
  });
});
