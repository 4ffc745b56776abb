import { businessError, TikTokApiError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import { money, sumOf } from "./finance-money";
import { paymentStatus } from "./finance-ledger";
import { financePage, requireSortField, sortByTime, sortDirection, timeRange } from "./finance-query";
import { unsettledRows } from "./finance-unsettled";
import { orderTransactionsView, paymentView, statementDetailView, statementView, withdrawalView } from "./finance-views";

/** Finance API (contract §1): GET, signed, shop_cipher, scope seller.finance.info (Partner Center "Finance Information"). */
const SCOPE = "seller.finance.info";
const PAYMENT_STATUSES = new Set(["PAID", "FAILED", "PROCESSING"]);
const WITHDRAWAL_TYPES = new Set(["WITHDRAW", "SETTLE", "TRANSFER", "REVERSE"]);
/** Unsettled data starts 2025-01-01 (the default of search_time_ge). */
const UNSETTLED_FLOOR = 1_735_689_600;

function ledgerOf(ctx: ApiContext) {
  return { shop: requireShop(ctx), ledger: ctx.sim.finance, now: ctx.sim.nowSeconds() };
}

function getStatements(ctx: ApiContext) {
  const { shop, ledger, now } = ledgerOf(ctx);
  requireSortField(ctx.query, "statement_time");
  const dir = sortDirection(ctx.query);
  const inRange = timeRange(ctx.query, "statement_time_ge", "statement_time_lt");
  const status = ctx.query.get("payment_status");
  if (status !== undefined && !PAYMENT_STATUSES.has(status)) throw businessError(36009004, "Invalid params: payment_status must be PAID, FAILED or PROCESSING.");
  const all = (ledger.statementsByShop.get(shop.id) ?? []).map((id) => ledger.statements.get(id)!).filter((s) =>
    inRange(s.statement_time) && (status === undefined || paymentStatus(ledger.payments.get(s.paymentId)!, now) === status));
  const { page, next } = financePage(ctx.query, sortByTime(all, (s) => s.statement_time, (s) => s.id, dir));
  return { statements: page.map((s) => statementView(ledger, s, shop.region, now)), next_page_token: next };
}

function getStatementTransactions(ctx: ApiContext) {
  const { shop, ledger } = ledgerOf(ctx);
  const statement = ledger.statements.get(ctx.params.statement_id ?? "");
  if (!statement || statement.shopId !== shop.id) throw businessError(36009004, `Invalid params: statement ${ctx.params.statement_id} does not exist in this shop.`);
  requireSortField(ctx.query, "order_create_time");
  const dir = sortDirection(ctx.query);
  const rows = sortByTime(ledger.statementTransactions(statement), (t) => t.order_create_time, (t) => t.id, dir);
  const { page, next } = financePage(ctx.query, rows);
  return statementDetailView(ledger, statement, page, next);
}

/** Unsettled orders answer with no SKU rows ("orders that have not been settled will not appear"). */
function getOrderTransactions(ctx: ApiContext) {
  const { shop, ledger } = ledgerOf(ctx);
  const order = ctx.sim.state.orders.get(ctx.params.order_id ?? "");
  if (!order || order.shopId !== shop.id) throw businessError(36009004, `Invalid params: order ${ctx.params.order_id} does not exist in this shop.`);
  const txns = (ledger.orderTransactions.get(order.id) ?? []).map((id) => ledger.transactions.get(id)!);
  return orderTransactionsView(order.id, order.create_time, order.payment.currency ?? "", txns);
}

function getUnsettled(ctx: ApiContext) {
  const shop = requireShop(ctx);
  requireSortField(ctx.query, "order_create_time");
  const dir = sortDirection(ctx.query);
  const inRange = timeRange(ctx.query, "search_time_ge", "search_time_lt");
  const all = unsettledRows(ctx.sim, shop.id).filter((r) => r.order_create_time >= UNSETTLED_FLOOR && inRange(r.order_create_time));
  const { page, next, total } = financePage(ctx.query, sortByTime(all, (r) => r.order_create_time, (r) => r.id, dir));
  const sum = (k: "settlement" | "revenue" | "adjustment" | "fee") => money(sumOf(all.map((r) => r[k])));
  return {
    total_count: total, next_page_token: next, sum_est_settlement_amount: sum("settlement"), sum_est_revenue_amount: sum("revenue"),
    sum_est_adjustment_amount: sum("adjustment"), sum_est_fee_amount: sum("fee"), transactions: page.map((r) => r.view),
  };
}

function getPayments(ctx: ApiContext) {
  const { shop, ledger, now } = ledgerOf(ctx);
  requireSortField(ctx.query, "create_time");
  const dir = sortDirection(ctx.query);
  const inRange = timeRange(ctx.query, "create_time_ge", "create_time_lt");
  const all = [...ledger.payments.values()].filter((p) => p.shopId === shop.id && inRange(p.create_time));
  const { page, next } = financePage(ctx.query, sortByTime(all, (p) => p.create_time, (p) => p.id, dir));
  return { payments: page.map((p) => paymentView(p, now)), next_page_token: next };
}

function getWithdrawals(ctx: ApiContext) {
  const { shop, ledger, now } = ledgerOf(ctx);
  const types = (ctx.query.get("types") ?? "").split(",").filter((t) => t !== "");
  if (types.length === 0) throw businessError(36009004, "Invalid params: types is required (WITHDRAW, SETTLE, TRANSFER, REVERSE; comma-joined).");
  const unknown = types.find((t) => !WITHDRAWAL_TYPES.has(t));
  if (unknown) throw businessError(36009004, `Invalid params: types contains ${unknown}; allowed: WITHDRAW, SETTLE, TRANSFER, REVERSE.`);
  const inRange = timeRange(ctx.query, "create_time_ge", "create_time_lt");
  const all = types.includes("SETTLE") ? [...ledger.payments.values()].filter((p) => p.shopId === shop.id && inRange(p.create_time)) : [];
  const { page, next, total } = financePage(ctx.query, sortByTime(all, (p) => p.create_time, (p) => p.id, 1));
  return { withdrawals: page.map((p) => withdrawalView(p, now)), next_page_token: next, total_count: total };
}

/** Blocked since 2025-12-31 (changelog "Supplementary notice on API deprecation - Finance APIs"); retired versions answer 36009014. */
function retired(replacement: string) {
  return () => {
    throw new TikTokApiError(36009014, `The version name is invalid, please check and retry. Version 202309 of this API was deprecated and is blocked since 2025-12-31; use ${replacement}.`, 404);
  };
}

export const financeRoutes: ApiRoute[] = [
  { method: "GET", template: "/finance/202309/statements", shopScoped: true, scope: SCOPE, handle: getStatements },
  { method: "GET", template: "/finance/202501/statements/{statement_id}/statement_transactions", shopScoped: true, scope: SCOPE, handle: getStatementTransactions },
  { method: "GET", template: "/finance/202501/orders/{order_id}/statement_transactions", shopScoped: true, scope: SCOPE, handle: getOrderTransactions },
  { method: "GET", template: "/finance/202507/orders/unsettled", shopScoped: true, scope: SCOPE, handle: getUnsettled },
  { method: "GET", template: "/finance/202309/payments", shopScoped: true, scope: SCOPE, handle: getPayments },
  { method: "GET", template: "/finance/202309/withdrawals", shopScoped: true, scope: SCOPE, handle: getWithdrawals },
  { method: "GET", template: "/finance/202309/statements/{statement_id}/statement_transactions", shopScoped: true, scope: SCOPE,
    handle: retired("/finance/202501/statements/{statement_id}/statement_transactions") },
  { method: "GET", template: "/finance/202309/orders/{order_id}/statement_transactions", shopScoped: true, scope: SCOPE,
    handle: retired("/finance/202501/orders/{order_id}/statement_transactions") },
];
