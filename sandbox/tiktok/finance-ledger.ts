import type Decimal from "decimal.js";
import { sumOf, ZERO } from "./finance-money";
import { orderTotals, type FigureTotals, type OrderFigures } from "./settlement-model";
import type { FinanceSettings } from "./settlement-settings";

export const DAY_S = 86_400;

/** One row of a statement: an order settlement, a platform adjustment or a reserve movement. Frozen once written. */
export interface LedgerTransaction {
  id: string;
  /** ORDER, RESERVE or an adjustment type (an open string, as on TikTok). */
  type: string;
  shopId: string;
  statementId: string;
  currency: string;
  order_id: string;
  order_create_time: number;
  adjustment_id: string;
  adjustment_order_id: string;
  figures: OrderFigures | null;
  adjustment: Decimal;
  /** RESERVE rows: `amount` is negative when collected (withheld), positive when released. */
  reserve: { reserve_id: string; associated_order_id: string; amount: Decimal; status: "COLLECTED" | "RELEASED"; estimated_release_time: number } | null;
}

export interface LedgerStatement {
  id: string;
  shopId: string;
  statement_time: number;
  currency: string;
  transactionIds: string[];
  paymentId: string;
}

/** One payout per statement: initiated at the statement time, PAID `payoutDelayDays` later. */
export interface LedgerPayment {
  id: string;
  shopId: string;
  statementId: string;
  currency: string;
  create_time: number;
  paid_time: number;
  settlement: Decimal;
  reserve: Decimal;
}

/** Added through POST /sandbox/finance/adjustments; settled in the next statement. */
export interface PendingAdjustment {
  id: string;
  shopId: string;
  orderId: string;
  orderCreateTime: number;
  type: string;
  amount: Decimal;
  currency: string;
  create_time: number;
  settledIn: string | null;
}

export interface HeldReserve {
  id: string;
  shopId: string;
  orderId: string;
  orderCreateTime: number;
  currency: string;
  amount: Decimal;
  releaseAt: number;
  released: boolean;
}

const ID_PREFIX = { statement: "7238", payment: "3459", transaction: "1636", adjustment: "7239", reserve: "7240" } as const;

/** Everything the Finance API answers from: statements close once per UTC day (see finance-settlement.ts). */
export class FinanceLedger {
  /** UTC day index (Unix seconds / 86,400) of the last statement run. */
  lastClosedDay: number;
  statements = new Map<string, LedgerStatement>();
  statementsByShop = new Map<string, string[]>();
  transactions = new Map<string, LedgerTransaction>();
  /** order id → its ORDER transaction ids (a refund settled later is a second one). */
  orderTransactions = new Map<string, string[]>();
  accountedReturns = new Set<string>();
  adjustments = new Map<string, PendingAdjustment>();
  reserves: HeldReserve[] = [];
  payments = new Map<string, LedgerPayment>();
  private readonly counters = new Map<keyof typeof ID_PREFIX, number>();

  /** `settings` from financeSettings(options.finance), validated when the simulator starts. */
  constructor(nowSeconds: number, readonly settings: FinanceSettings) {
    this.lastClosedDay = Math.floor(nowSeconds / DAY_S);
  }

  /** 19-digit ids, deterministic for a given sequence of events. */
  nextId(kind: keyof typeof ID_PREFIX): string {
    const n = (this.counters.get(kind) ?? 1_000) + 1;
    this.counters.set(kind, n);
    return ID_PREFIX[kind] + String(n).padStart(15, "0");
  }

  statementTransactions(statement: LedgerStatement): LedgerTransaction[] {
    return statement.transactionIds.map((id) => this.transactions.get(id)!);
  }
}

export interface TransactionTotals extends FigureTotals {
  adjustment: Decimal;
  reserve: Decimal;
}

export function transactionTotals(t: LedgerTransaction): TransactionTotals {
  const f = t.figures ? orderTotals(t.figures) : { revenue: ZERO, shipping: ZERO, feeTax: ZERO, settlement: ZERO };
  return { ...f, adjustment: t.adjustment, settlement: f.settlement.plus(t.adjustment), reserve: t.reserve?.amount ?? ZERO };
}

export function statementTotals(ledger: FinanceLedger, statement: LedgerStatement): TransactionTotals {
  const parts = ledger.statementTransactions(statement).map(transactionTotals);
  const pick = (k: keyof TransactionTotals) => sumOf(parts.map((p) => p[k]));
  return { revenue: pick("revenue"), shipping: pick("shipping"), feeTax: pick("feeTax"), adjustment: pick("adjustment"), settlement: pick("settlement"), reserve: pick("reserve") };
}

export function paymentStatus(payment: LedgerPayment, nowSeconds: number): "PAID" | "PROCESSING" {
  return nowSeconds >= payment.paid_time ? "PAID" : "PROCESSING";
}
