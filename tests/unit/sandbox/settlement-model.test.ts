// The TikTok simulator's settlement model on hand-made orders with discounts, gifts and partial refunds
// (the contract test covers what the simulator's own order placement produces).
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { money, sumOf } from "../../../sandbox/tiktok/finance-money";
import type { Order, ReturnRecord } from "../../../sandbox/tiktok/model";
import { orderFigures, orderTotals, skuTotals } from "../../../sandbox/tiktok/settlement-model";
import { financeSettings } from "../../../sandbox/tiktok/settlement-settings";

const settings = financeSettings();

interface Line { id: string; sku: string; original: string; seller: string; platform: string; gift?: boolean }

/** One line item per unit; sale_price = original − seller − platform discount. */
function order(lines: Line[], payment: Record<string, string>, shippingType: "SELLER" | "TIKTOK" = "SELLER"): Order {
  const lineItems = lines.map((l) => ({
    id: l.id, sku_id: l.sku, sku_name: `SKU ${l.sku}`, product_name: "Mug", original_price: l.original, seller_discount: l.seller,
    platform_discount: l.platform, sale_price: money(new Decimal(l.original).minus(l.seller).minus(l.platform)),
    is_gift: l.gift ?? false,
  }));
  return { id: "576400000000009001", shipping_type: shippingType, payment, line_items: lineItems } as unknown as Order;
}

const payment = {
  currency: "USD", original_total_product_price: "40.00", seller_discount: "4.00", platform_discount: "6.00", sub_total: "30.00",
  original_shipping_fee: "5.99", shipping_fee_seller_discount: "0.00", shipping_fee_platform_discount: "5.99", shipping_fee: "0.00",
  tax: "2.40", total_amount: "32.40", retail_delivery_fee: "0.00",
};
const discounted = () => order([
  { id: "L1", sku: "A", original: "10.00", seller: "1.00", platform: "1.50" },
  { id: "L2", sku: "A", original: "10.00", seller: "1.00", platform: "1.50" },
  { id: "L3", sku: "B", original: "20.00", seller: "2.00", platform: "3.00" },
], payment, "TIKTOK");

function refundOf(lineIds: string[], amounts: Record<string, string>): ReturnRecord {
  return {
    return_id: "R1", order_id: "576400000000009001", shopId: "s", return_type: "REFUND", return_status: "RETURN_OR_REFUND_REQUEST_COMPLETE",
    return_reason: "", role: "BUYER", return_line_items: lineIds.map((id) => ({ order_line_item_id: id, sku_id: "", seller_sku: "" })),
    refund_amount: { currency: "USD", ...amounts }, create_time: 0, update_time: 0,
  };
}

describe("settlement model", () => {
  it("seller discounts reduce revenue, platform discounts do not (TikTok reimburses them)", () => {
    const f = orderFigures(discounted(), { includeSale: true, refunds: [], shippingKnown: true }, settings);
    expect(money(orderTotals(f).revenue)).toBe("36.00");
    expect(money(f.supplementary.platform_discount_amount!)).toBe("6.00");
    expect(money(f.supplementary.customer_payment_amount!)).toBe("32.40");
    expect(money(f.supplementary.sales_tax_amount!)).toBe("2.40");
  });

  it("charges 6 % referral per SKU on price after seller discount; TikTok Shipping nets the label against the subsidy", () => {
    const f = orderFigures(discounted(), { includeSale: true, refunds: [], shippingKnown: true }, settings);
    expect(f.rows.map((r) => [r.sku_id, r.quantity, money(r.fee.referral_fee_amount!)])).toEqual([["A", 2, "-1.08"], ["B", 1, "-1.08"]]);
    expect(money(f.rows[0]!.shipping.actual_shipping_fee_amount!)).toBe("-5.99");
    expect(money(f.rows[0]!.shipping.shipping_fee_discount_amount!)).toBe("5.99");
    expect(f.rows[1]!.shipping.actual_shipping_fee_amount!.isZero()).toBe(true);
    const t = orderTotals(f);
    expect(money(t.settlement)).toBe("33.84");
    expect(money(sumOf(f.rows.map((r) => skuTotals(r).settlement)))).toBe(money(t.settlement));
  });

  it("an estimate before delivery leaves the carrier's fee out", () => {
    const f = orderFigures(discounted(), { includeSale: true, refunds: [], shippingKnown: false }, settings);
    expect(f.rows[0]!.shipping.actual_shipping_fee_amount!.isZero()).toBe(true);
  });

  it("a partial refund: negative refund items for the refunded line, referral returned minus the 20 % administration fee", () => {
    const refund = refundOf(["L3"], { refund_total: "16.20", refund_subtotal: "15.00", refund_shipping_fee: "0.00", refund_tax: "1.20" });
    const f = orderFigures(discounted(), { includeSale: true, refunds: [refund], shippingKnown: true }, settings);
    const b = f.rows.find((r) => r.sku_id === "B")!;
    expect(money(b.revenue.refund_subtotal_before_discount_amount!)).toBe("-20.00");
    expect(money(b.revenue.seller_discount_refund_amount!)).toBe("2.00");
    expect(money(skuTotals(b).revenue)).toBe("0.00");
    expect(money(b.fee.referral_fee_amount!)).toBe("0.00");
    expect(money(b.fee.refund_administration_fee_amount!)).toBe("-0.22");
    expect(money(f.supplementary.customer_refund_amount!)).toBe("-16.20");
    expect(money(f.supplementary.sales_tax_refund_amount!)).toBe("-1.20");
    expect(money(f.supplementary.platform_discount_refund_amount!)).toBe("-3.00");
  });

  it("a refund settled after the sale carries only the refunded SKU and negative amounts", () => {
    const refund = refundOf(["L1"], { refund_total: "8.10", refund_subtotal: "7.50", refund_shipping_fee: "0.00", refund_tax: "0.60" });
    const f = orderFigures(discounted(), { includeSale: false, refunds: [refund], shippingKnown: true }, settings);
    expect(f.rows.map((r) => [r.sku_id, r.quantity])).toEqual([["A", 1]]);
    const t = orderTotals(f);
    expect(money(t.revenue)).toBe("-9.00");
    expect(money(t.feeTax)).toBe("0.43");
    expect(money(t.settlement)).toBe("-8.57");
    expect(f.supplementary.customer_payment_amount!.isZero()).toBe(true);
  });

  it("seller-shipped: the seller receives what the buyer paid for shipping, no label is charged", () => {
    const o = order([{ id: "L1", sku: "A", original: "12.00", seller: "0.00", platform: "0.00" }],
      { ...payment, shipping_fee: "5.99", shipping_fee_platform_discount: "0.00", total_amount: "18.95", tax: "0.96" });
    const f = orderFigures(o, { includeSale: true, refunds: [], shippingKnown: true }, settings);
    expect(money(skuTotals(f.rows[0]!).shipping)).toBe("5.99");
    expect(money(orderTotals(f).settlement)).toBe("17.27");
  });

  it("rejects rates outside 0–1 and fractional day counts", () => {
    expect(() => financeSettings({ referralFeeRate: "1.5" })).toThrow(/referralFeeRate/);
    expect(() => financeSettings({ settlementDelayDays: 2.5 })).toThrow(/settlementDelayDays/);
  });
});
