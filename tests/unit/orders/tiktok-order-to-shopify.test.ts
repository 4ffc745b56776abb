import fc from "fast-check";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { TikTokOrder } from "../../../app/integrations/tiktok/types/order";
import { groupOrderLines } from "../../../app/modules/orders/order-lines";
import { draftShopifyOrder, orderTags, SELLER_DISCOUNT_CODE, TIKTOK_GATEWAY, TIKTOK_SUBSIDY_GATEWAY, type ResolvedLine } from "../../../app/modules/orders/tiktok-order-to-shopify";

interface Unit { sku: string; price: string; seller?: string; platform?: string; tax?: string; gift?: boolean }

function tiktokOrder(units: Unit[], payment: Record<string, string> = {}, extra: Partial<TikTokOrder> = {}): TikTokOrder {
  const sum = (f: (u: Unit) => string | undefined) => units.reduce((a, u) => a.plus(u.gift ? 0 : f(u) ?? "0"), new Decimal(0));
  const original = sum((u) => u.price);
  const seller = sum((u) => u.seller);
  const platform = sum((u) => u.platform);
  const tax = sum((u) => u.tax);
  const shipping = new Decimal(payment.original_shipping_fee ?? "5.99");
  const shippingPlatform = new Decimal(payment.shipping_fee_platform_discount ?? "0");
  const subTotal = original.minus(seller).minus(platform);
  const shippingFee = shipping.minus(shippingPlatform);
  return {
    id: "576461413038785752", status: "AWAITING_SHIPMENT", create_time: 1_764_000_000, update_time: 1_764_000_100, paid_time: 1_764_000_010,
    fulfillment_type: "FULFILLMENT_BY_SELLER", shipping_type: "SELLER", is_on_hold_order: true,
    payment: {
      currency: "USD", sub_total: subTotal.toFixed(2), original_total_product_price: original.toFixed(2), seller_discount: seller.toFixed(2), platform_discount: platform.toFixed(2),
      original_shipping_fee: shipping.toFixed(2), shipping_fee: shippingFee.toFixed(2), shipping_fee_platform_discount: shippingPlatform.toFixed(2), shipping_fee_seller_discount: "0",
      product_tax: tax.toFixed(2), shipping_fee_tax: "0", tax: tax.toFixed(2), total_amount: subTotal.plus(shippingFee).plus(tax).toFixed(2), ...payment,
    },
    recipient_address: { name: "Jordan Buyer", address_line1: "1 Market St", postal_code: "95110", region_code: "US", phone_number: "(+1)213-***-1234",
      district_info: [{ address_level: "L0", address_name: "United States" }, { address_level: "L1", address_name: "California" }, { address_level: "L3", address_name: "San Jose" }] },
    line_items: units.map((u, i) => ({
      id: `L${i}`, sku_id: u.sku, product_id: "P", seller_sku: `SKU-${u.sku}`, product_name: "Mug", original_price: u.gift ? "0" : u.price, sale_price: u.price,
      seller_discount: u.seller ?? "0", platform_discount: u.platform ?? "0", is_gift: u.gift ?? false,
      ...(u.tax ? { item_tax: [{ tax_type: "SALES_TAX", tax_amount: u.tax, tax_rate: "0.0825" }] } : {}),
    })),
    packages: [],
    ...extra,
  } as TikTokOrder;
}

const resolve = (order: TikTokOrder): ResolvedLine[] => groupOrderLines(order).map((l) => ({ ...l, variantId: `gid://shopify/ProductVariant/${l.tiktokSkuId}` }));
const draftOf = (order: TikTokOrder, region = "US") => {
  const result = draftShopifyOrder(order, resolve(order), { region });
  if (!("draft" in result)) throw new Error(result.problem.message);
  return result.draft;
};
type Money = { shopMoney: { amount: string } };
const amount = (m: Money) => new Decimal(m.shopMoney.amount);

describe("grouping TikTok's one-line-per-unit items", () => {
  it("GIVEN three units of one SKU and one of another THEN two Shopify lines keep every TikTok line id", () => {
    const lines = groupOrderLines(tiktokOrder([{ sku: "A", price: "10" }, { sku: "A", price: "10" }, { sku: "B", price: "4" }, { sku: "A", price: "10" }]));
    expect(lines.map((l) => [l.tiktokSkuId, l.quantity, l.lineIds])).toEqual([["A", 3, ["L0", "L1", "L3"]], ["B", 1, ["L2"]]]);
  });

  it("GIVEN a gift unit of a SKU also bought THEN the gift is its own zero-priced line", () => {
    const lines = groupOrderLines(tiktokOrder([{ sku: "A", price: "10" }, { sku: "A", price: "10", gift: true }]));
    expect(lines.map((l) => [l.quantity, l.unitPrice, l.gift])).toEqual([[1, "10.00", false], [1, "0.00", true]]);
  });
});

describe("TikTok order → orderCreate input", () => {
  it("GIVEN seller and TikTok discounts THEN the seller's is a discount code, TikTok's a second transaction, and the totals agree", () => {
    const order = tiktokOrder([{ sku: "A", price: "20", seller: "2", platform: "3", tax: "1.24" }, { sku: "A", price: "20", seller: "2", platform: "3", tax: "1.24" }], { shipping_fee_platform_discount: "5.99" });
    const { order: input } = draftOf(order);
    expect(input.discountCode).toEqual({ itemFixedDiscountCode: { code: SELLER_DISCOUNT_CODE, amountSet: { shopMoney: { amount: "4.00", currencyCode: "USD" } } } });
    const transactions = input.transactions as Array<{ gateway: string; amountSet: Money }>;
    expect(transactions.map((t) => [t.gateway, t.amountSet.shopMoney.amount])).toEqual([[TIKTOK_GATEWAY, order.payment.total_amount], [TIKTOK_SUBSIDY_GATEWAY, "11.99"]]);
    expect((input.lineItems as Array<{ quantity: number; priceSet: Money }>).map((l) => [l.quantity, l.priceSet.shopMoney.amount])).toEqual([[2, "20.00"]]);
  });

  it("GIVEN a US order THEN sales tax is on the lines, channel-liable (TikTok remits it), prices exclude tax", () => {
    const { order: input } = draftOf(tiktokOrder([{ sku: "A", price: "20", tax: "1.65" }]));
    expect(input.taxesIncluded).toBe(false);
    const line = (input.lineItems as Array<{ taxLines: Array<{ channelLiable: boolean; rate: string; priceSet: Money }> }>)[0]!;
    expect(line.taxLines).toEqual([expect.objectContaining({ channelLiable: true, rate: "0.0825", priceSet: { shopMoney: { amount: "1.65", currencyCode: "USD" } } })]);
    expect(input.taxLines).toBeUndefined(); // never on both the order and its lines
  });

  it("GIVEN a UK order THEN prices are tax-inclusive and there are no tax lines", () => {
    const { order: input } = draftOf(tiktokOrder([{ sku: "A", price: "20" }], { currency: "GBP" }), "GB");
    expect(input.taxesIncluded).toBe(true);
    expect(JSON.stringify(input)).not.toContain("taxLines");
  });

  it("GIVEN money that does not add up THEN no draft: the problem says both amounts", () => {
    const order = tiktokOrder([{ sku: "A", price: "20" }], { total_amount: "30.00" });
    const result = draftShopifyOrder(order, resolve(order), { region: "US" });
    expect(result).toEqual({ problem: expect.objectContaining({ code: "MONEY_MISMATCH", message: expect.stringContaining("25.99") }) });
  });

  it("GIVEN a free sample THEN zero prices and no transaction; tagged as a sample", () => {
    const order = tiktokOrder([{ sku: "A", price: "0" }], { original_shipping_fee: "0" }, { is_sample_order: true } as Partial<TikTokOrder>);
    const { order: input } = draftOf(order);
    expect(input.transactions).toEqual([]);
    expect(input.tags).toContain("sample");
  });

  it("GIVEN fulfilled by TikTok THEN Shopify's stock is left alone (BYPASS) and the order is tagged FBT", () => {
    const draft = draftOf(tiktokOrder([{ sku: "A", price: "9" }], {}, { fulfillment_type: "FULFILLMENT_BY_TIKTOK" }));
    expect(draft.options.inventoryBehaviour).toBe("BYPASS");
    expect(draft.order.tags).toContain("FBT");
  });

  it("never sends receipts nor creates a customer; names the TikTok order; masked phones are dropped", () => {
    const draft = draftOf(tiktokOrder([{ sku: "A", price: "9" }]));
    expect(draft.options).toMatchObject({ sendReceipt: false, sendFulfillmentReceipt: false, inventoryBehaviour: "DECREMENT_IGNORING_POLICY" });
    expect(draft.order).not.toHaveProperty("customer");
    expect(draft.order).toMatchObject({ sourceIdentifier: "576461413038785752", shippingAddress: { firstName: "Jordan", lastName: "Buyer", city: "San Jose", province: "California", countryCode: "US" } });
    expect((draft.order.shippingAddress as Record<string, string>).phone).toBeUndefined();
    expect(orderTags(tiktokOrder([{ sku: "A", price: "1" }]))).toEqual(["TikTok Shop", "TTS:576461413038785752", "FBS"]);
  });

  it("PROPERTY: for any consistent order, transactions = lines − discount + shipping + tax", () => {
    const unit = fc.record({
      sku: fc.constantFrom("A", "B", "C"),
      price: fc.integer({ min: 100, max: 20_000 }),
      seller: fc.integer({ min: 0, max: 50 }),
      platform: fc.integer({ min: 0, max: 50 }),
      tax: fc.integer({ min: 0, max: 300 }),
      gift: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 999 }), (units, shipPlatform) => {
      const cents = (n: number) => (n / 100).toFixed(2);
      const order = tiktokOrder(units.map((u) => ({ sku: u.sku, gift: u.gift, price: cents(u.price), seller: cents(Math.floor((u.price * u.seller) / 100)), platform: cents(Math.floor((u.price * u.platform) / 100)), tax: u.gift ? undefined : cents(u.tax) })), { original_shipping_fee: "9.99", shipping_fee_platform_discount: cents(shipPlatform) });
      const { order: input } = draftOf(order);
      const lines = (input.lineItems as Array<{ quantity: number; priceSet: Money; taxLines?: Array<{ priceSet: Money }> }>);
      const items = lines.reduce((a, l) => a.plus(amount(l.priceSet).times(l.quantity)), new Decimal(0));
      const tax = lines.reduce((a, l) => a.plus((l.taxLines ?? []).reduce((b, t) => b.plus(amount(t.priceSet)), new Decimal(0))), new Decimal(0));
      const discount = input.discountCode ? amount((input.discountCode as { itemFixedDiscountCode: { amountSet: Money } }).itemFixedDiscountCode.amountSet) : new Decimal(0);
      const shipping = (input.shippingLines as Array<{ priceSet: Money }>).reduce((a, s) => a.plus(amount(s.priceSet)), new Decimal(0));
      const paid = (input.transactions as Array<{ amountSet: Money }>).reduce((a, t) => a.plus(amount(t.amountSet)), new Decimal(0));
      expect(paid.toFixed(2)).toBe(items.minus(discount).plus(shipping).plus(tax).toFixed(2));
      expect(paid.toFixed(2)).toBe(new Decimal(order.payment.total_amount).plus(order.payment.platform_discount!).plus(cents(shipPlatform)).toFixed(2));
    }), { numRuns: 200 });
  });
});
