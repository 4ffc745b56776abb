import { describe, expect, it } from "vitest";
import { describeFlag, payoutFlag, statementFlags, transactionResidue, type StatementTotals } from "../../../app/modules/money/settlement-checks";
import { settledFigures, type TransactionFigures } from "../../../app/modules/money/transaction-figures";

const figures = (over: Partial<TransactionFigures>): TransactionFigures => ({
  ...settledFigures({ id: "1", type: "ORDER", settlement_amount: "0" }), ...over,
});
const sale = figures({ settlementAmount: "89.87", revenueAmount: "90.00", shippingCostAmount: "5.99", feeTaxAmount: "-6.12" });
const totals = (over: Partial<StatementTotals> = {}): StatementTotals => ({
  totalSettlement: "89.87", totalReserve: "-8.99", payable: "80.88", totalRevenue: "90.00", totalShippingCost: "5.99", totalFeeTax: "-6.12",
  totalAdjustment: "0.00", listedSettlement: "89.87", ...over,
});

describe("TikTok's sums", () => {
  it("settlement = revenue + shipping + fees + adjustment, costs negative: no residue", () => {
    expect(transactionResidue(sale)).toBeNull();
    expect(transactionResidue({ ...sale, settlementAmount: "89.88" })).toBeNull(); // within a cent
    expect(transactionResidue({ ...sale, settlementAmount: "102.11" })).toBe("12.24"); // fees added as if positive
  });

  it("a consistent statement has no flags", () => {
    expect(statementFlags(totals(), [{ transactionId: "t1", figures: sale }])).toEqual([]);
  });

  it.each([
    ["transactions not adding up to the total", totals({ totalSettlement: "90.00", totalRevenue: "90.13", listedSettlement: "90.00", payable: "81.01" }), "statement-total", "0.13"],
    ["payable ≠ settlement + reserve", totals({ payable: "89.87" }), "payable", "8.99"],
    ["a breakdown not adding up", totals({ totalFeeTax: "-6.00" }), "statement-breakdown", "-0.12"],
    ["the statement list disagreeing with its detail", totals({ listedSettlement: "89.00" }), "statement-list-total", "-0.87"],
  ])("flags %s with the residue", (_, t, check, residue) => {
    expect(statementFlags(t, [{ transactionId: "t1", figures: sale }])).toEqual([expect.objectContaining({ check, residue })]);
  });

  it("flags a transaction whose own parts do not add up, naming it", () => {
    const flags = statementFlags(totals({ totalSettlement: "90.87", totalRevenue: "91.00", listedSettlement: "90.87", payable: "81.88" }), [{ transactionId: "t9", figures: { ...sale, settlementAmount: "90.87" } }]);
    expect(flags).toEqual([{ check: "transaction", transactionId: "t9", expected: "89.87", actual: "90.87", residue: "1.00" }]);
    expect(describeFlag(flags[0]!)).toBe("Transaction t9: its revenue, shipping, fees and adjustments add up to 89.87, but its settlement says 90.87 (1.00 apart). Shown as TikTok sent it; if it persists, ask TikTok Shop seller support.");
  });

  it("checks a payout: settlement + reserve = before exchange, and the exchange", () => {
    const payout = { amount: "80.88", settlementAmount: "89.87", reserveAmount: "-8.99", amountBeforeExchange: "80.88", exchangeRate: "1.000000" };
    expect(payoutFlag(payout)).toBeNull();
    expect(payoutFlag({ ...payout, amountBeforeExchange: "89.87" })).toMatchObject({ check: "payout", residue: "8.99" });
    expect(payoutFlag({ ...payout, amount: "70.00", exchangeRate: "0.865432" })).toBeNull(); // 80.88 × 0.865432 = 70.00
    expect(payoutFlag({ ...payout, amount: "80.00", exchangeRate: "0.865432" })).toMatchObject({ check: "payout-exchange", residue: "10.00" });
  });
});
