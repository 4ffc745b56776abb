import { addAmounts, money, sumOf, wireAmounts } from "./finance-money";
import {
  paymentStatus, statementTotals, transactionTotals, type FinanceLedger, type LedgerPayment, type LedgerStatement, type LedgerTransaction,
} from "./finance-ledger";
import { skuTotals, zeroBreakdowns, type SkuFigures } from "./settlement-model";

/** Wire shapes of the Finance API (contract §1.3–1.7): money as signed decimal strings, times as Unix seconds. */

export type Breakdowns = Pick<SkuFigures, "revenue" | "shipping" | "shippingSupplementary" | "fee" | "tax">;

export function breakdownsView(b: Breakdowns) {
  return {
    revenue_breakdown: wireAmounts(b.revenue),
    shipping_cost_breakdown: { ...wireAmounts(b.shipping), supplementary_component: wireAmounts(b.shippingSupplementary) },
    fee_tax_breakdown: { fee: wireAmounts(b.fee), tax: wireAmounts(b.tax) },
  };
}

/** An order transaction's breakdowns are the sums of its SKU rows (all zero for adjustment and reserve rows). */
export function summedBreakdowns(rows: SkuFigures[]): Breakdowns {
  const zero = zeroBreakdowns();
  const add = (key: keyof Breakdowns) => rows.reduce((acc, r) => addAmounts(acc, r[key]), zero[key]);
  return { revenue: add("revenue"), shipping: add("shipping"), shippingSupplementary: add("shippingSupplementary"), fee: add("fee"), tax: add("tax") };
}

const US_UK = new Set(["US", "GB"]);

/** GET /finance/202309/statements row. US/UK local sellers get net sales and shipping apart; elsewhere shipping is inside fees. */
export function statementView(ledger: FinanceLedger, s: LedgerStatement, region: string, now: number) {
  const t = statementTotals(ledger, s);
  const payment = ledger.payments.get(s.paymentId)!;
  const status = paymentStatus(payment, now);
  const amounts = US_UK.has(region)
    ? { net_sales_amount: money(t.revenue), shipping_cost_amount: money(t.shipping), fee_amount: money(t.feeTax) }
    : { revenue_amount: money(t.revenue), fee_amount: money(t.feeTax.plus(t.shipping)) };
  return {
    id: s.id, statement_time: s.statement_time, currency: s.currency, settlement_amount: money(t.settlement), ...amounts,
    adjustment_amount: money(t.adjustment), payment_status: status, payment_id: payment.id,
    ...(status === "PAID" ? { payment_time: payment.paid_time } : {}),
  };
}

export function statementTransactionView(t: LedgerTransaction) {
  const totals = transactionTotals(t);
  const r = t.reserve;
  return {
    id: t.id, type: t.type, order_id: t.order_id, order_create_time: t.order_create_time, adjustment_id: t.adjustment_id,
    adjustment_order_id: t.adjustment_order_id, reserve_id: r?.reserve_id ?? "", reserve_amount: r ? money(r.amount) : "0.00",
    reserve_status: r?.status ?? "", associated_order_id: r?.associated_order_id ?? "", estimated_release_time: r ? String(r.estimated_release_time) : "",
    settlement_amount: money(totals.settlement), revenue_amount: money(totals.revenue), shipping_cost_amount: money(totals.shipping),
    fee_tax_amount: money(totals.feeTax), adjustment_amount: money(totals.adjustment),
    ...breakdownsView(summedBreakdowns(t.figures?.rows ?? [])),
    supplementary_component: wireAmounts(t.figures?.supplementary ?? {}),
  };
}

/** GET /finance/202501/statements/{id}/statement_transactions, one page of rows. */
export function statementDetailView(ledger: FinanceLedger, s: LedgerStatement, page: LedgerTransaction[], next: string) {
  const t = statementTotals(ledger, s);
  return {
    id: s.id, create_time: s.statement_time, status: "SETTLED", currency: s.currency,
    payable_amount: money(t.settlement.plus(t.reserve)), total_reserve_amount: money(t.reserve), total_settlement_amount: money(t.settlement),
    total_settlement_breakdown: {
      total_revenue_amount: money(t.revenue), total_shipping_cost_amount: money(t.shipping),
      total_fee_tax_amount: money(t.feeTax), total_adjustment_amount: money(t.adjustment),
    },
    total_count: s.transactionIds.length, next_page_token: next, transactions: page.map(statementTransactionView),
  };
}

/** GET /finance/202501/orders/{id}/statement_transactions: SKU rows of every settled transaction of the order. */
export function orderTransactionsView(orderId: string, orderCreateTime: number, currency: string, txns: LedgerTransaction[]) {
  const rows = txns.flatMap((t) => (t.figures?.rows ?? []).map((row) => ({ t, row, totals: skuTotals(row) })));
  const sum = (k: "revenue" | "shipping" | "feeTax" | "settlement") => sumOf(rows.map((r) => r.totals[k]));
  return {
    order_id: orderId, order_create_time: orderCreateTime, currency,
    revenue_amount: money(sum("revenue")), shipping_cost_amount: money(sum("shipping")), fee_and_tax_amount: money(sum("feeTax")),
    settlement_amount: money(sum("settlement")), total_count: rows.length,
    sku_transactions: rows.map(({ t, row, totals }) => ({
      sku_id: row.sku_id, sku_name: row.sku_name, product_name: row.product_name, quantity: String(row.quantity), statement_id: t.statementId,
      settlement_amount: money(totals.settlement), revenue_amount: money(totals.revenue), shipping_cost_amount: money(totals.shipping),
      fee_tax_amount: money(totals.feeTax), ...breakdownsView(row),
    })),
  };
}

export function paymentView(p: LedgerPayment, now: number) {
  const status = paymentStatus(p, now);
  const amount = (value: ReturnType<typeof money>) => ({ value, currency: p.currency });
  const payable = money(p.settlement.plus(p.reserve));
  return {
    id: p.id, create_time: p.create_time, status, amount: amount(payable), settlement_amount: amount(money(p.settlement)),
    reserve_amount: amount(money(p.reserve)), payment_amount_before_exchange: amount(payable), exchange_rate: "1.000000",
    bank_account: "***********6789", ...(status === "PAID" ? { paid_time: p.paid_time } : {}),
  };
}

/** Withdrawals: the simulator records one SETTLE per payment (TikTok settling the statement to the seller). */
export function withdrawalView(p: LedgerPayment, now: number) {
  return {
    id: `W${p.id}`, type: "SETTLE", amount: money(p.settlement.plus(p.reserve)), currency: p.currency,
    status: paymentStatus(p, now) === "PAID" ? "SUCCESS" : "PROCESSING", create_time: p.create_time,
  };
}
