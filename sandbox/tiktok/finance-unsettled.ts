import type Decimal from "decimal.js";
import { money, ZERO } from "./finance-money";
import type { PendingAdjustment } from "./finance-ledger";
import { isChargedOrder, isCompletedRefund, isPendingReturn, returnsByOrder, settlementTime } from "./finance-settlement";
import type { Order, ReturnRecord } from "./model";
import { breakdownsView, summedBreakdowns } from "./finance-views";
import { orderFigures, orderTotals, zeroBreakdowns } from "./settlement-model";
import type { FinanceSettings } from "./settlement-settings";
import type { Simulator } from "./simulator";

/**
 * GET /finance/202507/orders/unsettled (contract §1.6): paid orders that are not settled yet (never cancelled ones)
 * and adjustments waiting for the next statement. Amounts are estimates from the order as it is now; the carrier's
 * shipping fee is missing until delivery.
 */
export interface UnsettledRow {
  order_create_time: number;
  id: string;
  view: Record<string, unknown>;
  settlement: Decimal;
  revenue: Decimal;
  fee: Decimal;
  adjustment: Decimal;
}

function estimatedSettlement(order: Order, own: ReturnRecord[], settings: FinanceSettings): { when: string; reason: string } {
  const due = settlementTime(order, settings);
  if (due === null) return { when: `${settings.settlementDelayDays} days after delivery`, reason: "waiting for delivery" };
  if (own.some(isPendingReturn)) return { when: `${settings.settlementDelayDays} days after delivery`, reason: "return or refund in progress" };
  return { when: String(due), reason: "waiting for the settlement period to end" };
}

function unsettledOrder(order: Order, own: ReturnRecord[], settings: FinanceSettings, txnId: string): UnsettledRow {
  const delivered = order.delivery_time !== null;
  const figures = orderFigures(order, { includeSale: true, refunds: own.filter(isCompletedRefund), shippingKnown: delivered }, settings);
  const t = orderTotals(figures);
  const { when, reason } = estimatedSettlement(order, own, settings);
  return {
    order_create_time: order.create_time, id: txnId, settlement: t.settlement, revenue: t.revenue, fee: t.feeTax, adjustment: ZERO,
    view: {
      id: txnId, type: "ORDER", status: "UNSETTLED", currency: order.payment.currency ?? "", estimated_settlement: when, unsettled_reason: reason,
      order_id: order.id, order_create_time: order.create_time, ...(delivered ? { order_delivery_time: order.delivery_time } : {}),
      adjustment_id: "", adjustment_order_id: "", est_settlement_amount: money(t.settlement), est_revenue_amount: money(t.revenue),
      est_shipping_cost_amount: money(t.shipping), est_fee_tax_amount: money(t.feeTax), est_adjustment_amount: "0.00",
      ...breakdownsView(summedBreakdowns(figures.rows)),
    },
  };
}

function unsettledAdjustment(a: PendingAdjustment): UnsettledRow {
  return {
    order_create_time: a.orderCreateTime, id: a.id, settlement: a.amount, revenue: ZERO, fee: ZERO, adjustment: a.amount,
    view: {
      id: a.id, type: a.type, status: "UNSETTLED", currency: a.currency, estimated_settlement: "next statement", unsettled_reason: "waiting for the next statement",
      order_id: "", order_create_time: a.orderCreateTime, adjustment_id: a.id, adjustment_order_id: a.orderId,
      est_settlement_amount: money(a.amount), est_revenue_amount: "0.00", est_shipping_cost_amount: "0.00", est_fee_tax_amount: "0.00",
      est_adjustment_amount: money(a.amount), ...breakdownsView(zeroBreakdowns()),
    },
  };
}

/** Transaction ids of unsettled orders are derived from the order id, so they stay stable between calls. */
export function unsettledRows(sim: Simulator, shopId: string): UnsettledRow[] {
  const ledger = sim.finance;
  const settings = ledger.settings;
  const returns = returnsByOrder(sim);
  const rows: UnsettledRow[] = [];
  for (const id of sim.state.ordersByShop.get(shopId) ?? []) {
    const order = sim.state.orders.get(id)!;
    if (order.paid_time === null || order.status === "UNPAID" || order.status === "CANCELLED" || !isChargedOrder(order)) continue;
    if (ledger.orderTransactions.has(id)) continue;
    rows.push(unsettledOrder(order, returns.get(id) ?? [], settings, `9${id}`));
  }
  for (const a of ledger.adjustments.values()) if (a.shopId === shopId && a.settledIn === null) rows.push(unsettledAdjustment(a));
  return rows;
}
