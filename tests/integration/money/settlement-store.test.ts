// The settlement store on both databases: what TikTok sent is kept as sent — a statement that does not add
// up keeps its flags and the page says so — estimates are replaced whole and give way once an order settles,
// re-importing changes nothing, and the page and CSV name orders not in Shopify yet.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../app/db.server";
import { payoutsOverview } from "../../../app/modules/money/payouts-overview";
import { statementFlags } from "../../../app/modules/money/settlement-checks";
import { settlementCsvExport } from "../../../app/modules/money/settlement-export";
import { createSettlementRepository, type StatementHeader, type TransactionToStore } from "../../../app/modules/money/settlement-repository";
import { settlementsByOrder } from "../../../app/modules/money/settlements-by-order";
import { settledFigures } from "../../../app/modules/money/transaction-figures";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const SHOP = "books.myshopify.com";
const TT = "7494726673780148001";
const day = new Date("2026-12-15T00:00:00Z");
const range = { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-31T00:00:00Z") };
const header: StatementHeader = { statementId: "7238001", statementTime: day, currency: "USD", paymentId: "3459001", paymentStatus: "PROCESSING", paymentTime: null };

function transaction(id: string, orderId: string | null, over: Partial<TransactionToStore["figures"]> = {}, type = "ORDER"): TransactionToStore {
  return {
    transactionId: id, type, tiktokOrderId: orderId, orderId: type === "ORDER" ? orderId : null, adjustmentId: null, adjustmentOrderId: type === "ORDER" ? null : orderId,
    orderCreateTime: null, currency: "USD", reserveId: null, reserveStatus: null, associatedOrderId: null, residue: null,
    figures: { ...settledFigures({ id, type, settlement_amount: "0" }), ...over },
  };
}
const sale = (id: string, orderId: string) => transaction(id, orderId, { settlementAmount: "89.87", revenueAmount: "90.00", shippingCostAmount: "5.99", feeTaxAmount: "-6.12", customerPayment: "94.63", platformDiscount: "3.00", customerPaidShipping: "5.99" });

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  let db: Database;
  let repo: ReturnType<typeof createSettlementRepository>;

  beforeAll(async () => {
    db = database();
    repo = createSettlementRepository(db);
    await db.tikTokOrder.create({ data: { shop: SHOP, tiktokShopId: TT, tiktokOrderId: "o-in-shopify", tiktokStatus: "DELIVERED", tiktokUpdatedAt: day, placedAt: day, currency: "USD", buyerPaid: "94.63", platformDiscount: "3.00", state: "imported", shopifyOrderId: "gid://shopify/Order/1", shopifyOrderName: "#1001" } });
    await db.tikTokOrder.create({ data: { shop: SHOP, tiktokShopId: TT, tiktokOrderId: "o-waiting", tiktokStatus: "IN_TRANSIT", tiktokUpdatedAt: day, placedAt: day, currency: "USD", buyerPaid: "20.00", state: "problem" } });
  });

  it("GIVEN estimates THEN they are replaced whole on each refresh, and an order's estimate goes once it settles", async () => {
    await repo.replaceEstimates(SHOP, TT, [transaction("9o-in-shopify", "o-in-shopify", { settlementAmount: "88.00" }), transaction("9o-waiting", "o-waiting", { settlementAmount: "18.80" })]);
    expect(await settlementsByOrder(db, SHOP, ["o-in-shopify", "o-waiting", "o-unknown"])).toEqual(new Map([
      ["o-in-shopify", { settled: false, estimate: true, fees: "0.00", payout: "88.00", currency: "USD" }],
      ["o-waiting", { settled: false, estimate: true, fees: "0.00", payout: "18.80", currency: "USD" }],
    ]));
    await repo.replaceEstimates(SHOP, TT, [transaction("9o-in-shopify", "o-in-shopify", { settlementAmount: "88.50" }), transaction("9o-waiting", "o-waiting", { settlementAmount: "18.80" })]);
    expect((await settlementsByOrder(db, SHOP, ["o-in-shopify"])).get("o-in-shopify")?.payout).toBe("88.50");
  });

  it("GIVEN a statement whose total does not add up THEN it is stored as sent, flagged, and the page says so", async () => {
    // TikTok's total says 100.00 while its transactions add up to 87.37: kept, never corrected.
    const rows = [sale("1636001", "o-in-shopify"), transaction("1636002", "o-not-imported", { settlementAmount: "-2.50", adjustmentAmount: "-2.50" }, "Violation fee （settlement fee）, late")];
    const totals = { totalSettlement: "100.00", totalReserve: "0.00", payable: "100.00", totalRevenue: "90.00", totalShippingCost: "5.99", totalFeeTax: "-6.12", totalAdjustment: "10.13", listedSettlement: "100.00" };
    await repo.saveStatementHeader(SHOP, TT, header, "100.00");
    await repo.saveStatementDetail(SHOP, TT, header, totals, rows, statementFlags(totals, rows.map((r) => ({ transactionId: r.transactionId, figures: r.figures }))), new Date());
    await repo.savePayout(SHOP, TT, { paymentId: "3459001", initiatedAt: day, paidAt: null, status: "PROCESSING", currency: "USD", amount: "100.00", settlementAmount: "100.00", reserveAmount: "0.00", amountBeforeExchange: "100.00", exchangeRate: "1.000000", bankAccount: "****6789", residue: null });

    const page = await payoutsOverview(db, SHOP, range);
    expect(page.statements).toEqual([expect.objectContaining({ statementId: "7238001", settlement: "100.00", transactions: 2, payoutStatus: "PROCESSING", bankAccount: "****6789" })]);
    expect(page.statements[0]!.flags).toEqual([
      "The statement's transactions add up to 87.37, but its total says 100.00 (12.63 apart). Shown as TikTok sent it; if it persists, ask TikTok Shop seller support.",
    ]);
    expect(await repo.transactionsImported(SHOP, "7238001")).toBe(true);
  });

  it("the page reconciles settled orders, then orders still waiting; an order the app never imported says so", async () => {
    const { orders } = await payoutsOverview(db, SHOP, range);
    expect(orders.map((o) => [o.tiktokOrderId, o.status, o.shopifyOrderName])).toEqual([
      ["o-in-shopify", "settled", "#1001"], // its estimate gave way
      ["o-not-imported", "settled", null],
      ["o-waiting", "estimate", null],
    ]);
    expect(orders[0]).toMatchObject({ payout: "89.87", shopifyTotal: "97.63", difference: "-7.76" });
    expect(await db.tikTokSettlementTransaction.count({ where: { shop: SHOP, kind: "estimate", tiktokOrderId: "o-in-shopify" } })).toBe(0);
  });

  it("the CSV has one line per settled transaction, free-text types quoted, orders not in Shopify left blank", async () => {
    const lines = (await settlementCsvExport(db, SHOP, range)).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toEqual([
      "Date,Statement ID,Payment ID,TikTok order ID,Shopify order,Type,Currency,Revenue,Fees,Shipping,Adjustments,Settlement,Reserve",
      "2026-12-15,7238001,3459001,o-in-shopify,#1001,ORDER,USD,90.00,-6.12,5.99,0.00,89.87,0.00",
      '2026-12-15,7238001,3459001,o-not-imported,,"Violation fee （settlement fee）, late",USD,0.00,0.00,0.00,-2.50,-2.50,0.00',
      "",
    ]);
    expect(await settlementCsvExport(db, SHOP, { from: new Date("2027-01-01T00:00:00Z"), to: new Date("2027-02-01T00:00:00Z") })).toBe("\uFEFFDate,Statement ID,Payment ID,TikTok order ID,Shopify order,Type,Currency,Revenue,Fees,Shipping,Adjustments,Settlement,Reserve\r\n");
  });

  it("saving the same statement again changes nothing (TikTok's transaction id is the key)", async () => {
    const before = await db.tikTokSettlementTransaction.findMany({ where: { shop: SHOP, kind: "settled" }, orderBy: { transactionId: "asc" } });
    const totals = { totalSettlement: "87.37", totalReserve: "0.00", payable: "87.37", totalRevenue: "90.00", totalShippingCost: "5.99", totalFeeTax: "-6.12", totalAdjustment: "-2.50" };
    await repo.saveStatementDetail(SHOP, TT, header, totals, [sale("1636001", "o-in-shopify")], [], new Date());
    const after = await db.tikTokSettlementTransaction.findMany({ where: { shop: SHOP, kind: "settled" }, orderBy: { transactionId: "asc" } });
    expect(after.map((r) => [r.transactionId, r.settlementAmount])).toEqual(before.map((r) => [r.transactionId, r.settlementAmount]));
  });
});
