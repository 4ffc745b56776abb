// The CSV a bookkeeper downloads: every settled TikTok transaction of the statements in a date range, with
// the statement, its payout and the Shopify order it belongs to.
import type { Database } from "../../db.server";
import type { DateRange } from "./payouts-overview";
import { settlementCsv, type SettlementCsvRow } from "./settlement-csv";

export async function settlementCsvRows(db: Database, shop: string, range: DateRange): Promise<SettlementCsvRow[]> {
  const rows = await db.tikTokSettlementTransaction.findMany({
    where: { shop, kind: "settled", statementTime: { gte: range.from, lt: range.to } },
    orderBy: [{ statementTime: "asc" }, { transactionId: "asc" }],
  });
  const orderIds = [...new Set(rows.map((r) => r.tiktokOrderId).filter((id): id is string => id !== null))];
  const statementIds = [...new Set(rows.map((r) => r.statementId!))];
  const [orders, statements] = await Promise.all([
    db.tikTokOrder.findMany({
      where: { shop, tiktokOrderId: { in: orderIds } },
      select: { tiktokOrderId: true, shopifyOrderName: true },
    }),
    db.tikTokStatement.findMany({
      where: { shop, statementId: { in: statementIds } },
      select: { statementId: true, paymentId: true },
    }),
  ]);
  const shopifyName = new Map(orders.map((o) => [o.tiktokOrderId, o.shopifyOrderName ?? ""]));
  const paymentOf = new Map(statements.map((s) => [s.statementId, s.paymentId ?? ""]));
  return rows.map((r) => ({
    date: r.statementTime!.toISOString().slice(0, 10),
    statementId: r.statementId!,
    paymentId: paymentOf.get(r.statementId!) ?? "",
    tiktokOrderId: r.tiktokOrderId ?? "",
    shopifyOrderName: r.tiktokOrderId ? shopifyName.get(r.tiktokOrderId) ?? "" : "",
    type: r.type,
    currency: r.currency,
    revenue: r.revenueAmount,
    fees: r.feeTaxAmount,
    shipping: r.shippingCostAmount,
    adjustments: r.adjustmentAmount,
    settlement: r.settlementAmount,
    reserve: r.reserveAmount,
  }));
}

export async function settlementCsvExport(db: Database, shop: string, range: DateRange): Promise<string> {
  return settlementCsv(await settlementCsvRows(db, shop, range));
}
