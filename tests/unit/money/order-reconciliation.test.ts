import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeName, reconcileOrder, type OrderSide, type SettlementRow } from "../../../app/modules/money/order-reconciliation";

const order = (over: Partial<OrderSide> = {}): OrderSide => ({
  tiktokOrderId: "5770001", currency: "USD", buyerPaid: "94.63", platformDiscount: "3.00", shopifyOrderName: "#1001", ...over,
});
const row = (over: Partial<SettlementRow> = {}): SettlementRow => ({
  kind: "settled", type: "ORDER", currency: "USD",
  settlementAmount: "0.00", revenueAmount: "0.00", shippingCostAmount: "0.00", feeTaxAmount: "0.00", adjustmentAmount: "0.00", reserveAmount: "0.00",
  referralFee: "0.00", platformCommission: "0.00", affiliateCommission: "0.00", transactionFee: "0.00", feeItems: {},
  revenueRefund: "0.00", customerPaidShipping: "0.00", shippingSubsidy: "0.00", customerPayment: "0.00", platformDiscount: "0.00", salesTax: "0.00", retailDeliveryFee: "0.00",
  ...over,
});
/** Items 90.00 less TikTok's 3.00 discount, shipping 5.99, tax 1.64: the buyer paid 94.63. */
const sale = (over: Partial<SettlementRow> = {}) => row({
  settlementAmount: "89.87", revenueAmount: "90.00", shippingCostAmount: "5.99", feeTaxAmount: "-6.12", customerPaidShipping: "5.99",
  referralFee: "-5.40", transactionFee: "-0.72", feeItems: { referral_fee_amount: "-5.40", transaction_fee_amount: "-0.72" },
  customerPayment: "94.63", platformDiscount: "3.00", salesTax: "1.64", ...over,
});
const texts = (r: ReturnType<typeof reconcileOrder>) => r.lines.map((l) => l.text);
const lineSum = (r: ReturnType<typeof reconcileOrder>) => r.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);

describe("reconciling a TikTok order with its Shopify order", () => {
  it("GIVEN a settled sale THEN paid, reimbursed, the Shopify total, TikTok's figures and the difference explained", () => {
    const r = reconcileOrder(order(), [sale()]);
    expect(r).toMatchObject({
      status: "settled", shopifyOrderName: "#1001", paidByBuyer: "94.63", reimbursedByTikTok: "3.00", shopifyTotal: "97.63",
      revenue: "90.00", fees: "-6.12", shipping: "5.99", adjustments: "0.00", payout: "89.87", difference: "-7.76",
    });
    expect(texts(r)).toEqual([
      "Sales tax 1.64 is remitted by TikTok, not paid out",
      "TikTok's fees: \u22126.12 (referral fee 5.40, transaction fee 0.72)",
    ]);
    expect(r.lines.map((l) => l.amount)).toEqual(["-1.64", "-6.12"]);
  });

  it.each([
    ["a TikTok shipping label", { shippingCostAmount: "-2.00", settlementAmount: "81.88" }, "-15.75", "Shipping costs charged by TikTok (labels, returns): \u22127.99"],
    ["a retail delivery fee", { retailDeliveryFee: "0.28" }, "-7.76", "Retail delivery fee 0.28 is remitted by TikTok, not paid out"],
    ["an affiliate commission", { feeTaxAmount: "-15.12", settlementAmount: "80.87", feeItems: { referral_fee_amount: "-5.40", transaction_fee_amount: "-0.72", affiliate_commission_amount: "-9.00" } }, "-16.76",
      "TikTok's fees: \u221215.12 (referral fee 5.40, transaction fee 0.72, affiliate commission 9.00)"],
  ])("GIVEN %s THEN a line says so and the lines add up to the difference", (_, over, difference, text) => {
    const r = reconcileOrder(order(), [sale(over)]);
    expect(r.difference).toBe(difference);
    expect(texts(r)).toContain(text);
    expect(lineSum(r)).toBe(difference);
  });

  it("GIVEN a refund settled in a later statement THEN both rows count: the refund and the referral fee given back", () => {
    const refund = row({ settlementAmount: "-28.20", revenueAmount: "-30.00", revenueRefund: "-30.00", feeTaxAmount: "1.80", feeItems: { referral_fee_amount: "1.80" } });
    const r = reconcileOrder(order(), [sale(), refund]);
    expect(r).toMatchObject({ payout: "61.67", fees: "-4.32", difference: "-35.96" });
    expect(texts(r)).toContain("Refunded to the buyer: \u221230.00");
    expect(texts(r)).toContain("TikTok's fees: \u22124.32 (referral fee 3.60, transaction fee 0.72)");
    expect(lineSum(r)).toBe("-35.96");
  });

  it("GIVEN an adjustment for the order THEN it is named by its type", () => {
    const adjustment = row({ type: "SHIPPING_FEE_COMPENSATION", settlementAmount: "5.00", adjustmentAmount: "5.00" });
    const r = reconcileOrder(order(), [sale(), adjustment]);
    expect(texts(r)).toContain("TikTok adjustments: +5.00 (shipping fee compensation)");
    expect(r).toMatchObject({ adjustments: "5.00", payout: "94.87", difference: "-2.76" });
  });

  it("GIVEN a difference TikTok does not break down (refunded shipping) THEN an 'other' line closes the sum", () => {
    const r = reconcileOrder(order(), [sale({ customerPaidShipping: "0.00", shippingCostAmount: "0.00", settlementAmount: "83.88" })]);
    expect(texts(r).at(-1)).toBe("Other differences (such as refunded shipping): \u22125.99");
    expect(lineSum(r)).toBe(r.difference);
  });

  it("GIVEN only an estimate THEN it is marked as one; GIVEN a settled row too THEN the estimate no longer counts", () => {
    const estimate = sale({ kind: "estimate", settlementAmount: "88.00" });
    expect(reconcileOrder(order(), [estimate])).toMatchObject({ status: "estimate", payout: "88.00" });
    expect(reconcileOrder(order(), [estimate, sale()])).toMatchObject({ status: "settled", payout: "89.87" });
    const unexplained = reconcileOrder(order(), [sale({ kind: "estimate", salesTax: "0.00" })]);
    expect(unexplained.lines.map((l) => l.text).at(-1)).toBe("Not broken down in TikTok's estimate yet: \u22121.64");
  });

  it("GIVEN nothing from TikTok yet THEN no payout, no difference, no lines", () => {
    expect(reconcileOrder(order(), [])).toMatchObject({ status: "none", payout: "0.00", difference: "0.00", lines: [], shopifyTotal: "97.63" });
  });

  it("GIVEN an order not in Shopify yet (never imported) THEN paid and reimbursed come from TikTok's settlement", () => {
    const r = reconcileOrder(order({ buyerPaid: null, platformDiscount: null, shopifyOrderName: null }), [sale({ shippingSubsidy: "1.00", shippingCostAmount: "6.99", settlementAmount: "90.87" })]);
    expect(r).toMatchObject({ shopifyOrderName: null, paidByBuyer: "94.63", reimbursedByTikTok: "4.00", shopifyTotal: "98.63", difference: "-7.76" });
  });

  it("the lines always add up to the difference (any signed figures)", () => {
    const cents = fc.integer({ min: -100_000, max: 100_000 }).map((n) => (n / 100).toFixed(2));
    const figures = fc.record({ settlementAmount: cents, revenueAmount: cents, shippingCostAmount: cents, feeTaxAmount: cents, adjustmentAmount: cents,
      revenueRefund: cents, customerPaidShipping: cents, shippingSubsidy: cents, salesTax: cents, retailDeliveryFee: cents });
    fc.assert(fc.property(fc.array(figures, { minLength: 1, maxLength: 3 }), cents, (rows, paid) => {
      const r = reconcileOrder(order({ buyerPaid: paid }), rows.map((f) => row(f)));
      expect(lineSum(r)).toBe(new Decimal(r.difference).toFixed(2));
    }));
  });

  it("names TikTok's fee fields in words, unknown ones spelled out", () => {
    expect(feeName("referral_fee_amount")).toBe("referral fee");
    expect(feeName("gmv_max_ad_fee_amount")).toBe("gmv max ad fee");
  });
});
