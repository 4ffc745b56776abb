// The statement import (contract §1.9), per linked TikTok shop: statements since the cursor (a shop's first
// run reaches back 60 days), each new statement's transactions (202501) checked and stored by TikTok's
// transaction id, then payouts and the estimates of orders not settled yet. Safe to run twice.
import type { Database } from "../../db.server";
import type {
  TikTokFinanceApi,
  TikTokStatement,
  TikTokStatementTransaction,
  TikTokStatementTransactionsResult,
} from "../../integrations/tiktok";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import { importPayouts } from "./import-payouts";
import { refreshEstimates } from "./refresh-estimates";
import { statementFlags, transactionResidue, type StatementTotals } from "./settlement-checks";
import {
  createSettlementRepository,
  type SettlementRepository,
  type StatementHeader,
  type TransactionToStore,
} from "./settlement-repository";
import { amountOf, decimalString } from "./signed-amount";
import { identityOf, settledFigures } from "./transaction-figures";

const DAY_SECONDS = 86_400;
export const FIRST_RUN_LOOKBACK_SECONDS = 60 * DAY_SECONDS;
/** Statements of the last week are listed again: their payout goes from PROCESSING to PAID meanwhile. */
const REREAD_SECONDS = 7 * DAY_SECONDS;

export interface FinanceImportDeps {
  db: Database;
  tiktokFor: (shop: string, tiktokShopId: string) => Promise<TikTokShopSession>;
  now: () => Date;
}

export interface FinanceImportResult {
  statements: number;
  transactions: number;
  payouts: number;
  estimates: number;
}

const str = (v: unknown) => decimalString(amountOf(v));

function headerOf(s: TikTokStatement): StatementHeader {
  return {
    statementId: s.id,
    statementTime: new Date(s.statement_time * 1000),
    currency: s.currency,
    paymentId: s.payment_id || null,
    paymentStatus: s.payment_status || null,
    paymentTime: s.payment_time ? new Date(s.payment_time * 1000) : null,
  };
}

function totalsOf(detail: TikTokStatementTransactionsResult, listed: TikTokStatement): StatementTotals {
  const b = detail.total_settlement_breakdown;
  return {
    totalSettlement: str(detail.total_settlement_amount),
    totalReserve: str(detail.total_reserve_amount),
    payable: str(detail.payable_amount),
    totalRevenue: str(b?.total_revenue_amount),
    totalShippingCost: str(b?.total_shipping_cost_amount),
    totalFeeTax: str(b?.total_fee_tax_amount),
    totalAdjustment: str(b?.total_adjustment_amount),
    listedSettlement: str(listed.settlement_amount),
  };
}

function settledTransaction(t: TikTokStatementTransaction, currency: string): TransactionToStore {
  const figures = settledFigures(t);
  return {
    ...identityOf(t),
    currency,
    figures,
    residue: transactionResidue(figures),
    reserveId: t.reserve_id || null,
    reserveStatus: t.reserve_status || null,
    associatedOrderId: t.associated_order_id || null,
  };
}

/** One listed statement: its header always (payout status), its transactions once. Returns how many were stored. */
async function importStatement(
  finance: TikTokFinanceApi,
  repo: SettlementRepository,
  shop: string,
  tiktokShopId: string,
  listed: TikTokStatement,
  now: Date
): Promise<number> {
  const header = headerOf(listed);
  await repo.saveStatementHeader(shop, tiktokShopId, header, str(listed.settlement_amount));
  if (await repo.transactionsImported(shop, listed.id)) return 0;
  const detail = (await finance.statementTransactions(listed.id, { pageSize: 1 })).data; // the totals come with every page
  const currency = detail.currency || listed.currency;
  const transactions: TransactionToStore[] = [];
  for await (const t of finance.statementTransactionsAll(listed.id)) transactions.push(settledTransaction(t, currency));
  const totals = totalsOf(detail, listed);
  const flags = statementFlags(
    totals,
    transactions.map((t) => ({ transactionId: t.transactionId, figures: t.figures }))
  );
  await repo.saveStatementDetail(shop, tiktokShopId, header, totals, transactions, flags, now);
  return transactions.length;
}

async function importStatementsSince(
  finance: TikTokFinanceApi,
  repo: SettlementRepository,
  shop: string,
  tiktokShopId: string,
  from: number,
  now: Date
) {
  let statements = 0;
  let transactions = 0;
  let newest: number | null = null;
  for await (const listed of finance.statementsAll({ statement_time_ge: from })) {
    statements++;
    newest = Math.max(newest ?? 0, listed.statement_time);
    transactions += await importStatement(finance, repo, shop, tiktokShopId, listed, now);
  }
  return { statements, transactions, newest };
}

export async function importStatements(
  deps: FinanceImportDeps,
  shop: string,
  tiktokShopId: string
): Promise<FinanceImportResult> {
  const repo = createSettlementRepository(deps.db);
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const cursor = await repo.cursor(shop, tiktokShopId);
  const from = Math.max(
    0,
    cursor ? cursor.statementTimeFrom - REREAD_SECONDS : nowSeconds - FIRST_RUN_LOOKBACK_SECONDS
  );
  try {
    const finance = (await deps.tiktokFor(shop, tiktokShopId)).api.finance;
    const read = await importStatementsSince(finance, repo, shop, tiktokShopId, from, deps.now());
    const payouts = await importPayouts(finance, repo, shop, tiktokShopId, from);
    const estimates = await refreshEstimates({ db: deps.db, repo }, finance, shop, tiktokShopId, nowSeconds);
    // Statements are dated 00:00 UTC of their day: none can appear later for a time before yesterday.
    const next = Math.max(
      cursor?.statementTimeFrom ?? 0,
      read.newest !== null ? read.newest + 1 : nowSeconds - DAY_SECONDS
    );
    await repo.saveCursor(shop, tiktokShopId, { statementTimeFrom: next, lastRunAt: deps.now(), lastError: null });
    return { statements: read.statements, transactions: read.transactions, payouts, estimates };
  } catch (error) {
    await repo.saveCursor(shop, tiktokShopId, {
      statementTimeFrom: cursor?.statementTimeFrom ?? from + REREAD_SECONDS,
      lastError: (error as Error).message,
    });
    throw error;
  }
}
