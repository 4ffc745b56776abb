// The sums TikTok's figures must satisfy (contract §1.4, §1.7, §1.9). A residue over 0.01 is flagged —
// stored and shown with both figures — and never corrected: the merchant's books keep what TikTok paid.
import type Decimal from "decimal.js";
import { amountOf, decimalString, residueOf, sumOf } from "./signed-amount";
import type { TransactionFigures } from "./transaction-figures";

export type FlagCheck =
  | "statement-total"
  | "payable"
  | "statement-breakdown"
  | "statement-list-total"
  | "transaction"
  | "payout"
  | "payout-exchange";

export interface SettlementFlag {
  check: FlagCheck;
  expected: string;
  actual: string;
  residue: string;
  transactionId?: string;
}

export interface StatementTotals {
  totalSettlement: string;
  totalReserve: string;
  payable: string;
  totalRevenue: string;
  totalShippingCost: string;
  totalFeeTax: string;
  totalAdjustment: string;
  /** settlement_amount of the statement list (202309), when it was read. */
  listedSettlement?: string;
}

function flag(check: FlagCheck, expected: Decimal, actual: Decimal, transactionId?: string): SettlementFlag | null {
  const residue = residueOf(expected, actual);
  if (!residue) return null;
  return {
    check,
    expected: decimalString(expected),
    actual: decimalString(actual),
    residue: decimalString(residue),
    ...(transactionId ? { transactionId } : {}),
  };
}

/** settlement = revenue + shipping_cost + fee_tax + adjustment, with costs negative (the signed-sum rule). */
export function transactionResidue(f: TransactionFigures): string | null {
  const parts = sumOf([f.revenueAmount, f.shippingCostAmount, f.feeTaxAmount, f.adjustmentAmount]);
  const residue = residueOf(parts, amountOf(f.settlementAmount));
  return residue ? decimalString(residue) : null;
}

export function statementFlags(
  totals: StatementTotals,
  transactions: ReadonlyArray<{ transactionId: string; figures: TransactionFigures }>
): SettlementFlag[] {
  const total = amountOf(totals.totalSettlement);
  const breakdown = sumOf([totals.totalRevenue, totals.totalShippingCost, totals.totalFeeTax, totals.totalAdjustment]);
  const flags = [
    flag("statement-total", sumOf(transactions.map((t) => t.figures.settlementAmount)), total),
    flag("payable", total.plus(amountOf(totals.totalReserve)), amountOf(totals.payable)),
    flag("statement-breakdown", breakdown, total),
    totals.listedSettlement === undefined
      ? null
      : flag("statement-list-total", total, amountOf(totals.listedSettlement)),
    ...transactions.map((t) => {
      const f = t.figures;
      return flag(
        "transaction",
        sumOf([f.revenueAmount, f.shippingCostAmount, f.feeTaxAmount, f.adjustmentAmount]),
        amountOf(f.settlementAmount),
        t.transactionId
      );
    }),
  ];
  return flags.filter((f): f is SettlementFlag => f !== null);
}

export interface PayoutFigures {
  amount: string;
  settlementAmount: string;
  reserveAmount: string;
  amountBeforeExchange: string;
  exchangeRate: string | null;
}

/** settlement + reserve = amount before exchange, and amount = that × the exchange rate (to the cent). */
export function payoutFlag(p: PayoutFigures): SettlementFlag | null {
  const before = amountOf(p.amountBeforeExchange);
  return (
    flag("payout", amountOf(p.settlementAmount).plus(amountOf(p.reserveAmount)), before) ??
    (p.exchangeRate
      ? flag("payout-exchange", before.times(amountOf(p.exchangeRate)).toDecimalPlaces(2), amountOf(p.amount))
      : null)
  );
}

const CHECK_TEXT: Record<FlagCheck, (f: SettlementFlag) => string> = {
  "statement-total": (f) => `The statement's transactions add up to ${f.expected}, but its total says ${f.actual}`,
  payable: (f) => `Settlement plus reserve make ${f.expected}, but TikTok's payable amount says ${f.actual}`,
  "statement-breakdown": (f) =>
    `Revenue, shipping, fees and adjustments add up to ${f.expected}, but the statement's settlement says ${f.actual}`,
  "statement-list-total": (f) =>
    `The statement's detail says ${f.expected}, but TikTok's statement list says ${f.actual}`,
  transaction: (f) =>
    `Transaction ${f.transactionId}: its revenue, shipping, fees and adjustments add up to ${f.expected}, but its settlement says ${f.actual}`,
  payout: (f) =>
    `The payout's settlement and reserve make ${f.expected}, but its amount before currency exchange says ${f.actual}`,
  "payout-exchange": (f) =>
    `The payout converted at TikTok's exchange rate makes ${f.expected}, but the amount paid says ${f.actual}`,
};

/** Merchant wording of a flag: what disagrees, by how much, and that nothing was changed. */
export function describeFlag(f: SettlementFlag): string {
  return `${CHECK_TEXT[f.check](f)} (${
    f.residue
  } apart). Shown as TikTok sent it; if it persists, ask TikTok Shop seller support.`;
}
