import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order, OrderLineItem } from "../../../sandbox/tiktok/model";
import { priceDetail } from "../../../sandbox/tiktok/order-price-detail";
import { allocateCents, priceOrder, type PricingInput } from "../../../sandbox/tiktok/order-pricing";

const cents = (s: string) => new Decimal(s).times(100).toNumber();
const sum = (xs: string[]) => xs.reduce((a, x) => a + cents(x), 0);
const MONEY = /^\d+\.\d{2}$/;

/** Orders as the simulator can place them: 1–8 units (some gifts), prices 0.01–500, discounts up to the paid price. */
const pricingInput: fc.Arbitrary<PricingInput> = fc
  .record({
    lines: fc.array(fc.record({ unitPrice: fc.integer({ min: 1, max: 50_000 }).map((c) => (c / 100).toFixed(2)), gift: fc.boolean() }), { minLength: 1, maxLength: 8 }),
    sellerShare: fc.double({ min: 0, max: 1, noNaN: true }),
    platformShare: fc.double({ min: 0, max: 1, noNaN: true }),
    taxRate: fc.option(fc.integer({ min: 0, max: 1500 }).map((r) => new Decimal(r).dividedBy(10_000).toString()), { nil: null }),
    zeroPriced: fc.boolean(),
  })
  .map(({ lines, sellerShare, platformShare, taxRate, zeroPriced }) => {
    const paid = zeroPriced ? 0 : lines.filter((l) => !l.gift).reduce((a, l) => a + cents(l.unitPrice), 0);
    const seller = Math.floor(paid * sellerShare);
    const platform = Math.floor((paid - seller) * platformShare);
    return { lines, sellerDiscount: (seller / 100).toFixed(2), platformDiscount: (platform / 100).toFixed(2), taxRate, zeroPriced, currency: "USD" };
  });

/** A stand-in order carrying the priced lines and payment (what placeOrder stores). */
function orderOf(input: PricingInput): Order {
  const priced = priceOrder(input);
  const lines = priced.lines.map((l, i) => ({ ...l, id: `57700000000000${String(i).padStart(4, "0")}`, currency: "USD", is_gift: input.lines[i]!.gift }) as unknown as OrderLineItem);
  return { payment: priced.payment, line_items: lines } as unknown as Order;
}

describe("simulator order pricing", () => {
  it("allocateCents spreads exactly, never more than a line's weight when the total fits", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
      const total = Math.floor(weights.reduce((a, b) => a + b, 0) * share);
      const shares = allocateCents(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      shares.forEach((s, i) => {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(weights[i]!);
      });
    }), { numRuns: 500 });
  });

  it("every order: total_amount = Σ line sale_price + shipping_fee + tax, and the §7 formulas hold", () => {
    fc.assert(fc.property(pricingInput, (input) => {
      const { lines, payment: p } = priceOrder(input);
      for (const value of [...Object.values(p).filter((v) => v !== "USD"), ...lines.flatMap((l) => [l.original_price, l.sale_price, l.seller_discount, l.platform_discount])]) expect(value).toMatch(MONEY);
      expect(cents(p.total_amount!)).toBe(sum(lines.map((l) => l.sale_price)) + cents(p.shipping_fee!) + cents(p.tax!));
      expect(cents(p.sub_total!)).toBe(cents(p.original_total_product_price!) - cents(p.seller_discount!) - cents(p.platform_discount!));
      expect(cents(p.shipping_fee!)).toBe(cents(p.original_shipping_fee!) - cents(p.shipping_fee_seller_discount!) - cents(p.shipping_fee_platform_discount!));
      expect(cents(p.tax!)).toBe(cents(p.product_tax!) + cents(p.shipping_fee_tax!));
      expect(cents(p.product_tax!)).toBe(sum(lines.flatMap((l) => l.item_tax.map((t) => t.tax_amount))));
      expect(p.seller_discount).toBe(new Decimal(input.sellerDiscount).toFixed(2));
      expect(p.platform_discount).toBe(new Decimal(input.platformDiscount).toFixed(2));
      for (const l of lines) expect(cents(l.sale_price)).toBe(cents(l.original_price) - cents(l.seller_discount) - cents(l.platform_discount));
    }), { numRuns: 1_000 });
  });

  it("gift lines cost nothing and carry their retail price; free orders charge nothing at all", () => {
    fc.assert(fc.property(pricingInput, (input) => {
      const { lines, payment } = priceOrder(input);
      lines.forEach((l, i) => {
        const gift = input.lines[i]!.gift;
        if (gift || input.zeroPriced) expect([l.original_price, l.sale_price, l.seller_discount, l.platform_discount]).toEqual(["0.00", "0.00", "0.00", "0.00"]);
        expect(l.gift_retail_price).toBe(gift ? input.lines[i]!.unitPrice : "0.00");
        expect(l.item_tax.map((t) => t.tax_type)).toEqual(input.taxRate === null ? [] : ["SALES_TAX"]);
      });
      if (input.zeroPriced) expect(payment.total_amount).toBe("0.00");
    }), { numRuns: 300 });
  });

  it("price detail agrees with the order's payment, and its lines add up to the order", () => {
    fc.assert(fc.property(pricingInput, (input) => {
      const order = orderOf(input);
      const d = priceDetail(order);
      const p = order.payment;
      expect(d.payment).toBe(p.total_amount);
      expect([d.sku_list_price, d.sku_sale_price, d.subtotal_tax_amount, d.shipping_sale_price, d.tax_amount]).toEqual([p.original_total_product_price, p.sub_total, p.product_tax, p.shipping_fee, p.tax]);
      expect(cents(d.total)).toBe(cents(d.sku_list_price) + cents(d.shipping_list_price));
      for (const key of ["payment", "total", "sku_sale_price", "shipping_list_price", "shipping_fee_deduction_platform", "tax_amount", "sku_gift_original_price"] as const) {
        expect(sum(d.line_items.map((l) => l[key]))).toBe(cents(d[key]));
      }
      expect(d.line_items.map((l) => l.id)).toEqual(order.line_items.map((l) => l.id));
    }), { numRuns: 300 });
  });

  it("refuses discounts above the products' price", () => {
    expect(() => priceOrder({ lines: [{ unitPrice: "10.00", gift: false }], sellerDiscount: "6.00", platformDiscount: "4.01", taxRate: null, zeroPriced: false, currency: "USD" }))
      .toThrow(/exceed/);
  });
});
