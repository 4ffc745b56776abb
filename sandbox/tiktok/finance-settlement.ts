import { cents, sumOf, ZERO } from "./finance-money";
import { DAY_S, transactionTotals, type FinanceLedger, type LedgerTransaction } from "./finance-ledger";
import type { Order, ReturnRecord, Shop } from "./model";
import { regionRules } from "./region-rules";
import { orderFigures } from "./settlement-model";
import type { FinanceSettings } from "./settlement-settings";
import type { Simulator } from "./simulator";

/**
 * The daily statement run (contract §1.2): at every 00:00 UTC the simulator clock passes, each shop gets one
 * statement with what settled that day: orders `settlementDelayDays` after delivery (none while a return is
 * pending; never cancelled ones), refunds completed after their order settled, sandbox adjustments, and reserve
 * movements. Runs from Simulator.tick(), so a clock jump closes every day it passes, in order.
 */
export function runDueStatements(sim: Simulator): void {
  const ledger = sim.finance;
  const today = Math.floor(sim.nowSeconds() / DAY_S);
  if (ledger.lastClosedDay >= today) return;
  const settings = ledger.settings;
  while (ledger.lastClosedDay < today) {
    ledger.lastClosedDay += 1;
    closeDay(sim, settings, ledger.lastClosedDay * DAY_S);
  }
}

/** Returns still open hold the order's settlement ("if no returns or refunds are pending"). */
const SETTLED_RETURN_STATUSES = new Set(["RETURN_OR_REFUND_REQUEST_COMPLETE", "REFUND_OR_RETURN_REQUEST_REJECT", "RETURN_OR_REFUND_REQUEST_CANCEL"]);
export const isPendingReturn = (r: ReturnRecord) => !SETTLED_RETURN_STATUSES.has(r.return_status);
export const isCompletedRefund = (r: ReturnRecord) => r.return_status === "RETURN_OR_REFUND_REQUEST_COMPLETE" && r.return_type !== "REPLACEMENT";

export function returnsByOrder(sim: Simulator): Map<string, ReturnRecord[]> {
  const map = new Map<string, ReturnRecord[]>();
  for (const r of sim.state.returns.values()) map.set(r.order_id, [...(map.get(r.order_id) ?? []), r]);
  return map;
}

/** Free samples and replacements charge nothing: they never settle (and are never unsettled either). */
export const isChargedOrder = (o: Order) => !o.is_sample_order && !o.is_replacement_order;

/** The statement time (a 00:00 UTC) at which a delivered order settles. */
export function settlementTime(order: Order, settings: FinanceSettings): number | null {
  if (order.delivery_time === null || !["DELIVERED", "COMPLETED"].includes(order.status)) return null;
  return Math.ceil((order.delivery_time + settings.settlementDelayDays * DAY_S) / DAY_S) * DAY_S;
}

function closeDay(sim: Simulator, settings: FinanceSettings, boundary: number): void {
  const returns = returnsByOrder(sim);
  for (const shop of sim.state.shops.values()) {
    const rows = [
      ...settleOrders(sim, settings, shop.id, boundary, returns),
      ...settleLateRefunds(sim, settings, shop.id, returns),
      ...settleAdjustments(sim.finance, shop.id, boundary),
    ];
    rows.push(...reserveMovements(sim.finance, settings, shop.id, boundary, rows));
    if (rows.length > 0) openStatement(sim.finance, settings, shop, boundary, rows);
  }
}

function orderRow(ledger: FinanceLedger, order: Order, figures: LedgerTransaction["figures"]): LedgerTransaction {
  const row: LedgerTransaction = {
    id: ledger.nextId("transaction"), type: "ORDER", shopId: order.shopId, statementId: "", currency: order.payment.currency ?? "",
    order_id: order.id, order_create_time: order.create_time, adjustment_id: "", adjustment_order_id: "", figures, adjustment: ZERO, reserve: null,
  };
  ledger.orderTransactions.set(order.id, [...(ledger.orderTransactions.get(order.id) ?? []), row.id]);
  return row;
}

function settleOrders(sim: Simulator, settings: FinanceSettings, shopId: string, boundary: number, returns: Map<string, ReturnRecord[]>): LedgerTransaction[] {
  const ledger = sim.finance;
  const rows: LedgerTransaction[] = [];
  for (const id of sim.state.ordersByShop.get(shopId) ?? []) {
    const order = sim.state.orders.get(id)!;
    if (ledger.orderTransactions.has(id) || !isChargedOrder(order)) continue;
    const due = settlementTime(order, settings);
    const own = returns.get(id) ?? [];
    if (due === null || due > boundary || own.some(isPendingReturn)) continue;
    const refunds = own.filter(isCompletedRefund);
    for (const r of refunds) ledger.accountedReturns.add(r.return_id);
    rows.push(orderRow(ledger, order, orderFigures(order, { includeSale: true, refunds, shippingKnown: true }, settings)));
  }
  return rows;
}

/** A refund completed after its order settled is a second ORDER transaction with only negative refund items. */
function settleLateRefunds(sim: Simulator, settings: FinanceSettings, shopId: string, returns: Map<string, ReturnRecord[]>): LedgerTransaction[] {
  const ledger = sim.finance;
  const rows: LedgerTransaction[] = [];
  for (const [orderId, own] of returns) {
    const order = sim.state.orders.get(orderId);
    if (!order || order.shopId !== shopId || !ledger.orderTransactions.has(orderId)) continue;
    const refunds = own.filter((r) => isCompletedRefund(r) && !ledger.accountedReturns.has(r.return_id));
    if (refunds.length === 0) continue;
    for (const r of refunds) ledger.accountedReturns.add(r.return_id);
    rows.push(orderRow(ledger, order, orderFigures(order, { includeSale: false, refunds, shippingKnown: true }, settings)));
  }
  return rows;
}

function settleAdjustments(ledger: FinanceLedger, shopId: string, boundary: number): LedgerTransaction[] {
  const rows: LedgerTransaction[] = [];
  for (const a of ledger.adjustments.values()) {
    if (a.shopId !== shopId || a.settledIn !== null || a.create_time >= boundary) continue;
    rows.push({
      id: ledger.nextId("transaction"), type: a.type, shopId, statementId: "", currency: a.currency, order_id: "",
      order_create_time: a.orderCreateTime, adjustment_id: a.id, adjustment_order_id: a.orderId, figures: null, adjustment: a.amount, reserve: null,
    });
  }
  return rows;
}

/** Releases of reserves that are due, then a reserve collected on each order row with a positive settlement. */
function reserveMovements(ledger: FinanceLedger, settings: FinanceSettings, shopId: string, boundary: number, rows: LedgerTransaction[]): LedgerTransaction[] {
  const moves: LedgerTransaction[] = [];
  const move = (orderCreateTime: number, currency: string, reserve: LedgerTransaction["reserve"]): LedgerTransaction => ({
    id: ledger.nextId("transaction"), type: "RESERVE", shopId, statementId: "", currency, order_id: "", order_create_time: orderCreateTime,
    adjustment_id: "", adjustment_order_id: "", figures: null, adjustment: ZERO, reserve,
  });
  for (const held of ledger.reserves) {
    if (held.shopId !== shopId || held.released || held.releaseAt > boundary) continue;
    held.released = true;
    moves.push(move(held.orderCreateTime, held.currency, { reserve_id: held.id, associated_order_id: held.orderId, amount: held.amount, status: "RELEASED", estimated_release_time: held.releaseAt }));
  }
  if (settings.reserveRate.isZero()) return moves;
  for (const row of rows) {
    const settlement = transactionTotals(row).settlement;
    if (row.type !== "ORDER" || settlement.lte(0)) continue;
    const held = { id: ledger.nextId("reserve"), shopId, orderId: row.order_id, orderCreateTime: row.order_create_time, currency: row.currency,
      amount: cents(settlement.times(settings.reserveRate)), releaseAt: boundary + settings.reserveHoldDays * DAY_S, released: false };
    if (held.amount.isZero()) continue;
    ledger.reserves.push(held);
    moves.push(move(row.order_create_time, row.currency, { reserve_id: held.id, associated_order_id: row.order_id, amount: held.amount.neg(), status: "COLLECTED", estimated_release_time: held.releaseAt }));
  }
  return moves;
}

function openStatement(ledger: FinanceLedger, settings: FinanceSettings, shop: Shop, boundary: number, rows: LedgerTransaction[]): void {
  const id = ledger.nextId("statement");
  const paymentId = ledger.nextId("payment");
  const currency = rows.find((r) => r.currency !== "")?.currency ?? regionRules(shop.region).currency;
  for (const row of rows) {
    row.statementId = id;
    ledger.transactions.set(row.id, row);
    const adjustment = ledger.adjustments.get(row.adjustment_id);
    if (adjustment) adjustment.settledIn = id;
  }
  ledger.statements.set(id, { id, shopId: shop.id, statement_time: boundary, currency, transactionIds: rows.map((r) => r.id), paymentId });
  ledger.statementsByShop.set(shop.id, [...(ledger.statementsByShop.get(shop.id) ?? []), id]);
  const totals = rows.map(transactionTotals);
  ledger.payments.set(paymentId, {
    id: paymentId, shopId: shop.id, statementId: id, currency, create_time: boundary, paid_time: boundary + settings.payoutDelayDays * DAY_S,
    settlement: sumOf(totals.map((t) => t.settlement)), reserve: sumOf(totals.map((t) => t.reserve)),
  });
}
