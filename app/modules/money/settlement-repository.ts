// TikTok's statements, their transactions (settled, and estimates until an order settles), payouts and the
// per-shop import cursor. Settled rows are keyed by TikTok's transaction id, so a re-import changes nothing.
import type { Database } from "../../db.server";
import type { SettlementFlag, StatementTotals } from "./settlement-checks";
import type { SettlementRow } from "./order-reconciliation";
import type { TransactionFigures, TransactionIdentity } from "./transaction-figures";

export interface StatementHeader {
  statementId: string;
  statementTime: Date;
  currency: string;
  paymentId: string | null;
  paymentStatus: string | null;
  paymentTime: Date | null;
}

export interface TransactionToStore extends TransactionIdentity {
  currency: string;
  figures: TransactionFigures;
  reserveId: string | null;
  reserveStatus: string | null;
  associatedOrderId: string | null;
  residue: string | null;
  estimatedSettlement?: string | null;
  unsettledReason?: string | null;
}

export interface PayoutToStore {
  paymentId: string;
  initiatedAt: Date;
  paidAt: Date | null;
  status: string;
  currency: string;
  amount: string;
  settlementAmount: string;
  reserveAmount: string;
  amountBeforeExchange: string;
  exchangeRate: string | null;
  bankAccount: string | null;
  residue: string | null;
}

type TransactionRow = Awaited<ReturnType<Database["tikTokSettlementTransaction"]["findMany"]>>[number];

function transactionColumns(
  shop: string,
  tiktokShopId: string,
  kind: "settled" | "estimate",
  t: TransactionToStore,
  statement?: { statementId: string; statementTime: Date }
) {
  const { figures, ...identity } = t;
  return {
    shop,
    tiktokShopId,
    kind,
    ...identity,
    ...figures,
    feeItems: JSON.stringify(figures.feeItems),
    statementId: statement?.statementId ?? null,
    statementTime: statement?.statementTime ?? null,
  };
}

export function toSettlementRow(row: TransactionRow): SettlementRow {
  return {
    ...row,
    kind: row.kind as SettlementRow["kind"],
    feeItems: JSON.parse(row.feeItems) as Record<string, string>,
  };
}

export function createSettlementRepository(db: Database) {
  return {
    cursor: (shop: string, tiktokShopId: string) =>
      db.financeSyncCursor.findUnique({ where: { shop_tiktokShopId: { shop, tiktokShopId } } }),

    async saveCursor(
      shop: string,
      tiktokShopId: string,
      data: { statementTimeFrom?: number; lastRunAt?: Date; lastError?: string | null }
    ) {
      await db.financeSyncCursor.upsert({
        where: { shop_tiktokShopId: { shop, tiktokShopId } },
        create: { shop, tiktokShopId, statementTimeFrom: data.statementTimeFrom ?? 0, ...data },
        update: data,
      });
    },

    /** The statement as listed (its payout status changes until paid); totals come with its transactions. */
    async saveStatementHeader(shop: string, tiktokShopId: string, header: StatementHeader, listedSettlement: string) {
      const { statementId, ...rest } = header;
      await db.tikTokStatement.upsert({
        where: { shop_statementId: { shop, statementId } },
        create: { shop, tiktokShopId, statementId, ...rest, settlementAmount: listedSettlement },
        update: rest,
      });
    },

    async transactionsImported(shop: string, statementId: string): Promise<boolean> {
      const row = await db.tikTokStatement.findUnique({
        where: { shop_statementId: { shop, statementId } },
        select: { transactionsImportedAt: true },
      });
      return Boolean(row?.transactionsImportedAt);
    },

    /** Transactions, totals and flags in one transaction; the estimates of the orders it settles go. */
    async saveStatementDetail(
      shop: string,
      tiktokShopId: string,
      header: StatementHeader,
      totals: StatementTotals,
      transactions: TransactionToStore[],
      flags: SettlementFlag[],
      now: Date
    ) {
      const statement = { statementId: header.statementId, statementTime: header.statementTime };
      const settledOrders = [
        ...new Set(transactions.map((t) => t.tiktokOrderId).filter((id): id is string => id !== null)),
      ];
      await db.$transaction([
        ...transactions.map((t) => {
          const data = transactionColumns(shop, tiktokShopId, "settled", t, statement);
          return db.tikTokSettlementTransaction.upsert({
            where: { shop_kind_transactionId: { shop, kind: "settled", transactionId: t.transactionId } },
            create: data,
            update: data,
          });
        }),
        db.tikTokSettlementTransaction.deleteMany({
          where: { shop, kind: "estimate", tiktokOrderId: { in: settledOrders } },
        }),
        db.tikTokStatement.update({
          where: { shop_statementId: { shop, statementId: header.statementId } },
          data: {
            settlementAmount: totals.totalSettlement,
            revenueAmount: totals.totalRevenue,
            shippingCostAmount: totals.totalShippingCost,
            feeTaxAmount: totals.totalFeeTax,
            adjustmentAmount: totals.totalAdjustment,
            reserveAmount: totals.totalReserve,
            payableAmount: totals.payable,
            transactionCount: transactions.length,
            flags: JSON.stringify(flags),
            transactionsImportedAt: now,
          },
        }),
      ]);
    },

    async savePayout(shop: string, tiktokShopId: string, payout: PayoutToStore) {
      const { paymentId, ...rest } = payout;
      await db.tikTokPayout.upsert({
        where: { shop_paymentId: { shop, paymentId } },
        create: { shop, tiktokShopId, paymentId, ...rest },
        update: rest,
      });
    },

    async settledOrderIds(shop: string, tiktokOrderIds: readonly string[]): Promise<Set<string>> {
      const rows = await db.tikTokSettlementTransaction.findMany({
        where: { shop, kind: "settled", tiktokOrderId: { in: [...tiktokOrderIds] } },
        select: { tiktokOrderId: true },
        distinct: ["tiktokOrderId"],
      });
      return new Set(rows.map((r) => r.tiktokOrderId!));
    },

    /** Estimates are a snapshot of what TikTok expects now: the shop's previous ones are replaced whole. */
    async replaceEstimates(shop: string, tiktokShopId: string, estimates: TransactionToStore[]) {
      await db.$transaction([
        db.tikTokSettlementTransaction.deleteMany({ where: { shop, tiktokShopId, kind: "estimate" } }),
        db.tikTokSettlementTransaction.createMany({
          data: estimates.map((t) => transactionColumns(shop, tiktokShopId, "estimate", t)),
        }),
      ]);
    },

    async rowsOfOrders(shop: string, tiktokOrderIds: readonly string[]): Promise<Map<string, SettlementRow[]>> {
      const rows = await db.tikTokSettlementTransaction.findMany({
        where: { shop, tiktokOrderId: { in: [...tiktokOrderIds] } },
      });
      const byOrder = new Map<string, SettlementRow[]>();
      for (const row of rows)
        byOrder.set(row.tiktokOrderId!, [...(byOrder.get(row.tiktokOrderId!) ?? []), toSettlementRow(row)]);
      return byOrder;
    },
  };
}

export type SettlementRepository = ReturnType<typeof createSettlementRepository>;
