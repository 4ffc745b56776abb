import { describe, expect, it } from "vitest";
import { statementTransactionSchema, unsettledTransactionSchema } from "../../../app/integrations/tiktok/types/finance";
import { estimatedFigures, identityOf, settledFigures } from "../../../app/modules/money/transaction-figures";

// As the Finance API sends it (202501): signed decimal strings, costs negative, empty items "".
const wire = statementTransactionSchema.parse({
  id: "1636000000000001001", type: "ORDER", order_id: "5770001", order_create_time: 1765000000, adjustment_id: "", adjustment_order_id: "",
  reserve_id: "", reserve_amount: "0.00", reserve_status: "", associated_order_id: "",
  settlement_amount: "81.88", revenue_amount: "90.00", shipping_cost_amount: "-2.00", fee_tax_amount: "-6.12", adjustment_amount: "0.00",
  revenue_breakdown: { subtotal_before_discount_amount: "90.00", seller_discount_amount: "0.00", refund_subtotal_before_discount_amount: "-10.00", seller_discount_refund_amount: "1.00" },
  shipping_cost_breakdown: { actual_shipping_fee_amount: "-7.99", shipping_fee_discount_amount: "1.00", customer_paid_shipping_fee_amount: "4.99", supplementary_component: { platform_shipping_fee_discount_amount: "1.00" } },
  fee_tax_breakdown: { fee: { referral_fee_amount: "-5.40", transaction_fee_amount: "-0.72", affiliate_commission_amount: "", gmv_max_ad_fee_amount: "0.00", live_specials_fee_amount: "-0.10" }, tax: { vat_amount: "0" } },
  supplementary_component: { customer_payment_amount: "94.63", platform_discount_amount: "3.00", sales_tax_amount: "1.64", sales_tax_payment_amount: "1.64", retail_delivery_fee_amount: "0.28" },
});

describe("a settlement transaction as the app keeps it", () => {
  it("keeps the signed totals and the breakdown items reconciliation and the bookkeeper need", () => {
    expect(settledFigures(wire)).toEqual({
      settlementAmount: "81.88", revenueAmount: "90.00", shippingCostAmount: "-2.00", feeTaxAmount: "-6.12", adjustmentAmount: "0.00", reserveAmount: "0.00",
      referralFee: "-5.40", platformCommission: "0.00", affiliateCommission: "0.00", transactionFee: "-0.72",
      feeItems: { referral_fee_amount: "-5.40", transaction_fee_amount: "-0.72", live_specials_fee_amount: "-0.10" }, // non-zero ones, unknown names too
      revenueRefund: "-9.00", customerPaidShipping: "4.99", shippingSubsidy: "1.00",
      customerPayment: "94.63", platformDiscount: "3.00", salesTax: "1.64", retailDeliveryFee: "0.28",
    });
  });

  it("names the order a row concerns: an order, an adjustment's order, a reserve's associated order", () => {
    expect(identityOf(wire)).toMatchObject({ transactionId: "1636000000000001001", type: "ORDER", tiktokOrderId: "5770001", orderId: "5770001", adjustmentId: null, orderCreateTime: new Date(1765000000_000) });
    const adjustment = statementTransactionSchema.parse({ id: "2", type: "Violation fee （settlement fee）", order_id: "", adjustment_id: "7239", adjustment_order_id: "5770002", settlement_amount: "-10" });
    expect(identityOf(adjustment)).toMatchObject({ type: "Violation fee （settlement fee）", tiktokOrderId: "5770002", orderId: null, adjustmentOrderId: "5770002" });
    const reserve = statementTransactionSchema.parse({ id: "3", type: "RESERVE", reserve_id: "7240", reserve_amount: "-8.19", reserve_status: "Collected", associated_order_id: "5770003", settlement_amount: "0" });
    expect(identityOf(reserve).tiktokOrderId).toBe("5770003");
    expect(settledFigures(reserve)).toMatchObject({ reserveAmount: "-8.19", settlementAmount: "0.00" });
  });

  it("an estimate takes the est_ amounts and the order's own sales tax (TikTok's estimate leaves it out)", () => {
    const estimate = unsettledTransactionSchema.parse({ id: "95770001", type: "ORDER", status: "UNSETTLED", currency: "USD", order_id: "5770001",
      est_settlement_amount: "89.87", est_revenue_amount: "90.00", est_shipping_cost_amount: "5.99", est_fee_tax_amount: "-6.12", est_adjustment_amount: "0.00",
      fee_tax_breakdown: { fee: { referral_fee_amount: "-5.40", transaction_fee_amount: "-0.72" } } });
    expect(estimatedFigures(estimate, "1.64")).toMatchObject({ settlementAmount: "89.87", feeTaxAmount: "-6.12", salesTax: "1.64", referralFee: "-5.40", customerPayment: "0.00" });
  });
});
