// What the payouts page shows for a date range: TikTok's statements with totals, payout status and flags;
// each order settled in the range (and every order still waiting, as an estimate) reconciled with its
// Shopify order; and where each linked shop's import stands.
import type { Database } from "../../db.server";
import { reconcileOrder, type OrderReconciliation } from "./order-reconciliation";
import { describeFlag, payoutFlag, type SettlementFlag } from "./settlement-checks";
import { createSettlementRepository } from "./settlement-repository";
import { FINANCE_IMPORT_JOB } from "./finance-jobs";

/** Statement days [from, to). */
export interface DateRange {
  from: Date;
  to: Date;
}

export const MAX_ORDER_ROWS = 250;

type StatementRow = Awaited<ReturnType<Database["tikTokStatement"]["findMany"]>>[number];
type PayoutRow = Awaited<ReturnType<Database["tikTokPayout"]["findMany"]>>[number];

function statementView(s: StatementRow, payout: PayoutRow | undefined) {
  const flags = (JSON.parse(s.flags) as SettlementFlag[]).map(describeFlag);
  const payoutFlagged = payout ? payoutFlag(payout) : null;
  return {
    statementId: s.statementId,
    tiktokShopId: s.tiktokShopId,
    date: s.statementTime.toISOString(),
    currency: s.currency,
    revenue: s.revenueAmount,
    shipping: s.shippingCostAmount,
    fees: s.feeTaxAmount,
    adjustments: s.adjustmentAmount,
    settlement: s.settlementAmount,
    reserve: s.reserveAmount,
    payable: s.payableAmount,
    transactions: s.transactionCount,
    imported: s.transactionsImportedAt !== null,
    paymentId: s.paymentId,
    payoutStatus: payout?.status ?? s.paymentStatus,
    paidAt: (payout?.paidAt ?? s.paymentTime)?.toISOString() ?? null,
    payoutAmount: payout?.amount ?? null,
    bankAccount: payout?.bankAccount ?? null,
    flags: payoutFlagged ? [...flags, describeFlag(payoutFlagged)] : flags,
  };
}

async function statementsIn(db: Database, shop: string, range: DateRange) {
  const statements = await db.tikTokStatement.findMany({
    where: { shop, statementTime: { gte: range.from, lt: range.to } },
    orderBy: { statementTime: "desc" },
  });
  const paymentIds = statements.map((s) => s.paymentId).filter((id): id is string => id !== null);
  const payouts = await db.tikTokPayout.findMany({ where: { shop, paymentId: { in: paymentIds } } });
  return statements.map((s) =>
    statementView(
      s,
      payouts.find((p) => p.paymentId === s.paymentId)
    )
  );
}

/** Orders with a settled row in the range, newest first, then every order still waiting to settle. */
async function orderIdsIn(db: Database, shop: string, range: DateRange): Promise<string[]> {
  const inRange = {
    shop,
    kind: "settled",
    statementTime: { gte: range.from, lt: range.to },
    tiktokOrderId: { not: null },
  };
  const [settled, waiting] = await Promise.all([
    db.tikTokSettlementTransaction.findMany({
      where: inRange,
      select: { tiktokOrderId: true },
      orderBy: [{ statementTime: "desc" }, { transactionId: "asc" }],
      take: MAX_ORDER_ROWS * 4,
    }),
    db.tikTokSettlementTransaction.findMany({
      where: { shop, kind: "estimate", tiktokOrderId: { not: null } },
      select: { tiktokOrderId: true },
      orderBy: [{ orderCreateTime: "desc" }, { transactionId: "asc" }],
      take: MAX_ORDER_ROWS,
    }),
  ]);
  return [...new Set([...settled, ...waiting].map((r) => r.tiktokOrderId!))].slice(0, MAX_ORDER_ROWS);
}

export async function reconciledOrders(
  db: Database,
  shop: string,
  tiktokOrderIds: string[]
): Promise<OrderReconciliation[]> {
  const [rows, orders] = await Promise.all([
    createSettlementRepository(db).rowsOfOrders(shop, tiktokOrderIds),
    db.tikTokOrder.findMany({
      where: { shop, tiktokOrderId: { in: tiktokOrderIds } },
      select: { tiktokOrderId: true, currency: true, buyerPaid: true, platformDiscount: true, shopifyOrderName: true },
    }),
  ]);
  const known = new Map(orders.map((o) => [o.tiktokOrderId, o]));
  return tiktokOrderIds.map((id) => {
    const o = known.get(id);
    return reconcileOrder(
      {
        tiktokOrderId: id,
        currency: o?.currency ?? "",
        buyerPaid: o?.buyerPaid ?? null,
        platformDiscount: o?.platformDiscount ?? null,
        shopifyOrderName: o?.shopifyOrderName ?? null,
      },
      rows.get(id) ?? []
    );
  });
}

/** Each linked TikTok shop: when its import last ran and what stopped the last try. */
async function importStatus(db: Database, shop: string) {
  const [links, cursors, running] = await Promise.all([
    db.tikTokShopLink.findMany({
      where: { shop, status: { not: "unlinked" } },
      select: { tiktokShopId: true, tiktokShopName: true, region: true },
    }),
    db.financeSyncCursor.findMany({ where: { shop } }),
    db.job.count({ where: { shop, type: FINANCE_IMPORT_JOB, status: { in: ["pending", "running"] } } }),
  ]);
  const shops = links.map((l) => {
    const c = cursors.find((x) => x.tiktokShopId === l.tiktokShopId);
    return { ...l, lastRunAt: c?.lastRunAt?.toISOString() ?? null, lastError: c?.lastError ?? null };
  });
  return { shops, refreshing: running > 0 };
}

export async function payoutsOverview(db: Database, shop: string, range: DateRange) {
  const [statements, orderIds, status] = await Promise.all([
    statementsIn(db, shop, range),
    orderIdsIn(db, shop, range),
    importStatus(db, shop),
  ]);
  return { statements, orders: await reconciledOrders(db, shop, orderIds), ...status };
}
