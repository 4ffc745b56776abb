import Decimal from "decimal.js";
import { money } from "./finance-money";
import { paymentStatus, statementTotals, type PendingAdjustment } from "./finance-ledger";
import { escapeHtml as e } from "./html-escape";
import { regionRules } from "./region-rules";
import type { Simulator } from "./simulator";

/**
 * POST /sandbox/finance/adjustments {shop_id, order_id?, type, amount}: a platform adjustment (signed amount, e.g.
 * "-12.50" for a penalty), settled in the next daily statement. Answers {error} (HTTP 400/404) or the adjustment.
 */
export function createAdjustment(sim: Simulator, body: Record<string, unknown>): { status: number; payload: unknown } {
  const shop = typeof body.shop_id === "string" ? sim.state.shops.get(body.shop_id) : undefined;
  if (!shop) return { status: 404, payload: { error: "shop_id must name a shop" } };
  if (typeof body.type !== "string" || body.type.trim() === "") return { status: 400, payload: { error: "type is required (e.g. PLATFORM_PENALTY)" } };
  const raw = typeof body.amount === "number" ? String(body.amount) : body.amount;
  if (typeof raw !== "string" || !/^-?\d+(\.\d{1,2})?$/.test(raw) || new Decimal(raw).isZero()) {
    return { status: 400, payload: { error: "amount must be a non-zero decimal with at most 2 places, e.g. \"-12.50\"" } };
  }
  let order = undefined;
  if (body.order_id !== undefined && body.order_id !== "") {
    order = sim.state.orders.get(String(body.order_id));
    if (!order || order.shopId !== shop.id) return { status: 404, payload: { error: "order_id is not an order of this shop" } };
  }
  const ledger = sim.finance;
  const now = sim.nowSeconds();
  const a: PendingAdjustment = {
    id: ledger.nextId("adjustment"), shopId: shop.id, orderId: order?.id ?? "", orderCreateTime: order?.create_time ?? now, type: body.type,
    amount: new Decimal(raw), currency: regionRules(shop.region).currency, create_time: now, settledIn: null,
  };
  ledger.adjustments.set(a.id, a);
  return { status: 200, payload: { adjustment_id: a.id, shop_id: shop.id, order_id: a.orderId, type: a.type, amount: money(a.amount), currency: a.currency, create_time: now } };
}

/** The statements table of GET /sandbox (newest first). */
export function statementsSection(sim: Simulator): string {
  const ledger = sim.finance;
  const now = sim.nowSeconds();
  const rows = [...ledger.statements.values()].slice(-100).reverse().map((s) => {
    const t = statementTotals(ledger, s);
    const payment = ledger.payments.get(s.paymentId)!;
    return `<tr><td>${e(s.id)}</td><td>${e(s.shopId)}</td><td>${e(new Date(s.statement_time * 1000).toISOString().slice(0, 10))}</td><td>${s.transactionIds.length}</td>`
      + `<td>${e(money(t.revenue))}</td><td>${e(money(t.shipping))}</td><td>${e(money(t.feeTax))}</td><td>${e(money(t.adjustment))}</td>`
      + `<td>${e(money(t.settlement))}</td><td>${e(money(t.reserve))}</td><td>${e(s.currency)}</td><td>${e(paymentStatus(payment, now))} ${e(payment.id)}</td></tr>`;
  }).join("");
  return `<h2>Statements</h2><table id="statements"><tr><th>id</th><th>shop</th><th>day</th><th>rows</th><th>revenue</th><th>shipping</th>`
    + `<th>fees &amp; tax</th><th>adjustments</th><th>settlement</th><th>reserve</th><th>currency</th><th>payment</th></tr>${rows}</table>`;
}

/** JSON view for GET /sandbox/state. */
export function financeSnapshot(sim: Simulator) {
  const ledger = sim.finance;
  return {
    last_statement_day: new Date(ledger.lastClosedDay * 86_400_000).toISOString().slice(0, 10),
    statements: [...ledger.statements.values()].map((s) => ({ ...s, totals: Object.fromEntries(Object.entries(statementTotals(ledger, s)).map(([k, v]) => [k, money(v)])) })),
    pending_adjustments: [...ledger.adjustments.values()].filter((a) => a.settledIn === null).map((a) => ({ ...a, amount: money(a.amount) })),
  };
}
