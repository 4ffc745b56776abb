// The app's Finance client against the simulator over real HTTP: orders placed and delivered settle into daily
// statements once the simulator clock passes the settlement delay; every figure must reconcile (contract §1.9).
import Decimal from "decimal.js";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import { TokenBucketRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";
import { TikTokTransport } from "../../../app/integrations/tiktok/tiktok-transport";
import type { TikTokStatementTransaction } from "../../../app/integrations/tiktok/types/finance";
import { APP_KEY, APP_SECRET, listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

const DAY = 86_400;
const d = (v: string | undefined) => new Decimal(v === undefined || v === "" ? 0 : v);
const sum = (values: Array<string | undefined>) => values.reduce((acc, v) => acc.plus(d(v)), new Decimal(0));
/** Σ of a breakdown's items, skipping nested objects (shipping's supplementary_component is not an addend). */
const items = (o: object | undefined) => sum(Object.values(o ?? {}).filter((v): v is string => typeof v === "string"));

let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;

async function placeOrder(quantity: number, shippingType: "SELLER" | "TIKTOK" = "SELLER", options: Record<string, unknown> = {}): Promise<string> {
  const placed = await h.admin<{ order_id: string }>("POST", "/sandbox/orders", {
    shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity }], shipping_type: shippingType, ...options,
  });
  return placed.order_id;
}

async function advanceTo(orderId: string, status: string): Promise<void> {
  for (let i = 0; i < 6; i++) {
    if ((await shop.orders.getDetails([orderId])).data.orders[0]!.status === status) return;
    await h.admin("POST", `/sandbox/orders/${orderId}/advance`, {});
  }
  throw new Error(`order ${orderId} never reached ${status}`);
}

async function refundedAfterBuyerReturn(orderId: string): Promise<void> {
  const r = await h.admin<{ return_id: string }>("POST", `/sandbox/orders/${orderId}/return`, { return_type: "REFUND" });
  await shop.returns.approveReturn(r.return_id);
}

async function settledTransactions(): Promise<Array<TikTokStatementTransaction & { statementId: string }>> {
  const out: Array<TikTokStatementTransaction & { statementId: string }> = [];
  for await (const s of shop.finance.statementsAll()) {
    for await (const t of shop.finance.statementTransactionsAll(s.id)) out.push({ ...t, statementId: s.id });
  }
  return out;
}

async function unsettledOrderIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const t of shop.finance.unsettledAll()) if (t.order_id) ids.push(t.order_id);
  return ids;
}

/** A signed request the typed client would never send (missing sort_field, retired versions). */
function rawGet(path: string, query: Record<string, string | number>) {
  const transport = new TikTokTransport({
    appKey: APP_KEY, appSecret: APP_SECRET, apiBaseUrl: h.baseUrl, authBaseUrl: h.baseUrl, authorizeUrl: `${h.baseUrl}/oauth/authorize`,
    logger: pino({ level: "silent" }), now: () => h.sandbox.simulator.nowMs(), retry: { maxAttempts: 1 }, rateLimiter: new TokenBucketRateLimiter({ qps: 1_000 }),
  });
  return transport.send({ method: "GET", path, query, schema: z.unknown(), shopScoped: true, idempotent: true },
    { accessToken: token.access_token, shopCipher: token.shop_cipher });
}

async function refusal(p: Promise<unknown>): Promise<TikTokApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err, "the call should have been refused").toBeInstanceOf(TikTokApiError);
  return err as TikTokApiError;
}

const ids = {} as { seller: string; tiktok: string; inTransit: string; cancelled: string; refunded: string; unpaid: string; discounted: string; fbt: string; sample: string };
let unsettledBefore: Awaited<ReturnType<TikTokShopClient["finance"]["unsettled"]>>["data"];

beforeAll(async () => {
  // 10 % of each positive order settlement is held for 2 days, so payable and settlement differ.
  h = await startContractHarness({ orderDelaysMs: { payMs: 3_600_000, onHoldMs: 3_600_000 }, finance: { reserveRate: "0.10", reserveHoldDays: 2 } });
  token = await h.sellerToken();
  // Access tokens live 7 days and these tests move the clock further: refresh like the app does.
  const refresh = async () => {
    const { data } = await h.client.oauth.refreshAccessToken(token.refresh_token!);
    token = { ...token, access_token: data.accessToken, refresh_token: data.refreshToken };
    return data.accessToken;
  };
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id, onAccessTokenExpired: refresh });
  mug = await listActiveMug(shop, "FIN-MUG");
  ids.seller = await placeOrder(2, "SELLER");
  ids.tiktok = await placeOrder(1, "TIKTOK");
  ids.inTransit = await placeOrder(1, "TIKTOK");
  ids.cancelled = await placeOrder(1);
  ids.refunded = await placeOrder(1);
  ids.unpaid = await placeOrder(1);
  ids.discounted = await placeOrder(3, "SELLER", { seller_discount: "2.00", platform_discount: "3.00" });
  ids.fbt = await placeOrder(1, "TIKTOK", { fulfillment_type: "FULFILLMENT_BY_TIKTOK" });
  ids.sample = await placeOrder(1, "SELLER", { sample: true });
  for (const id of [ids.seller, ids.tiktok, ids.refunded, ids.discounted, ids.fbt, ids.sample]) await advanceTo(id, "DELIVERED");
  await advanceTo(ids.inTransit, "IN_TRANSIT");
  await advanceTo(ids.cancelled, "AWAITING_SHIPMENT");
  await shop.returns.cancelOrder({ order_id: ids.cancelled, cancel_reason: "seller_cancel_reason_out_of_stock" });
  await refundedAfterBuyerReturn(ids.refunded);
  unsettledBefore = (await shop.finance.unsettled({}, { pageSize: 100 })).data;
  h.advanceClock(8 * DAY);
});
afterAll(async () => h?.close());

describe("unsettled transactions before settlement", () => {
  it("list every paid order that is not cancelled, with estimates that add up", () => {
    const listed = unsettledBefore.transactions.map((t) => t.order_id);
    expect(listed).toEqual(expect.arrayContaining([ids.seller, ids.tiktok, ids.inTransit, ids.refunded]));
    expect(listed).not.toContain(ids.cancelled);
    expect(listed).not.toContain(ids.unpaid);
    for (const t of unsettledBefore.transactions) {
      expect(t.status).toBe("UNSETTLED");
      expect(d(t.est_settlement_amount).toFixed(2)).toBe(d(t.est_revenue_amount).plus(d(t.est_shipping_cost_amount))
        .plus(d(t.est_fee_tax_amount)).plus(d(t.est_adjustment_amount)).toFixed(2));
    }
    expect(d(unsettledBefore.sum_est_settlement_amount).toFixed(2)).toBe(sum(unsettledBefore.transactions.map((t) => t.est_settlement_amount)).toFixed(2));
  });

  it("leave the carrier's fee out until delivery and say when the delivered ones settle", () => {
    const inTransit = unsettledBefore.transactions.find((t) => t.order_id === ids.inTransit)!;
    const delivered = unsettledBefore.transactions.find((t) => t.order_id === ids.tiktok)!;
    expect(inTransit.shipping_cost_breakdown?.actual_shipping_fee_amount).toBe("0.00");
    expect(inTransit.estimated_settlement).toMatch(/days after delivery/);
    expect(inTransit.order_delivery_time).toBeUndefined();
    expect(d(delivered.shipping_cost_breakdown?.actual_shipping_fee_amount).isNegative()).toBe(true);
    expect(Number(delivered.estimated_settlement)).toBeGreaterThan(delivered.order_delivery_time!);
  });
});

describe("statements after the settlement delay", () => {
  it("settle the delivered orders, not the cancelled or undelivered ones", async () => {
    const settled = (await settledTransactions()).map((t) => t.order_id);
    expect(settled).toEqual(expect.arrayContaining([ids.seller, ids.tiktok, ids.refunded]));
    expect(settled).not.toContain(ids.inTransit);
    expect(settled).not.toContain(ids.cancelled);
  });

  it("drop settled orders from the unsettled list and keep the others", async () => {
    const open = await unsettledOrderIds();
    expect(open).toContain(ids.inTransit);
    for (const id of [ids.seller, ids.tiktok, ids.refunded]) expect(open).not.toContain(id);
  });

  it("every transaction is the signed sum of its parts, and each part the sum of its breakdown", async () => {
    for (const t of await settledTransactions()) {
      const fees = t.fee_tax_breakdown;
      expect(d(t.settlement_amount).toFixed(2), t.id).toBe(d(t.revenue_amount).plus(d(t.shipping_cost_amount)).plus(d(t.fee_tax_amount)).plus(d(t.adjustment_amount)).toFixed(2));
      expect(d(t.revenue_amount).toFixed(2)).toBe(items(t.revenue_breakdown).toFixed(2));
      expect(d(t.shipping_cost_amount).toFixed(2)).toBe(items(t.shipping_cost_breakdown).toFixed(2));
      expect(d(t.fee_tax_amount).toFixed(2)).toBe(items(fees?.fee).plus(items(fees?.tax)).toFixed(2));
    }
  });

  it("every statement: Σ transactions = total settlement = its breakdown, payable = settlement + reserve, and the list agrees", async () => {
    const statements = [];
    for await (const s of shop.finance.statementsAll()) statements.push(s);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const detail = (await shop.finance.statementTransactions(s.id, { pageSize: 100 })).data;
      expect(detail.transactions).toHaveLength(detail.total_count!);
      expect(d(detail.total_settlement_amount).toFixed(2)).toBe(sum(detail.transactions.map((t) => t.settlement_amount)).toFixed(2));
      expect(d(detail.total_settlement_amount).toFixed(2)).toBe(items(detail.total_settlement_breakdown).toFixed(2));
      expect(d(detail.payable_amount).toFixed(2)).toBe(d(detail.total_settlement_amount).plus(d(detail.total_reserve_amount)).toFixed(2));
      expect(s.settlement_amount).toBe(detail.total_settlement_amount);
      expect(s.net_sales_amount).toBe(detail.total_settlement_breakdown?.total_revenue_amount);
      expect(s.statement_time % DAY).toBe(0);
    }
  });

  it("a seller-shipped order: revenue is the items' price, the referral fee 6 %, shipping what the buyer paid; tax stays outside", async () => {
    const order = (await shop.orders.getDetails([ids.seller])).data.orders[0]!;
    const t = (await settledTransactions()).find((x) => x.order_id === ids.seller)!;
    const items = sum(order.line_items.map((l) => l.original_price)).minus(sum(order.line_items.map((l) => l.seller_discount)));
    expect(t.type).toBe("ORDER");
    expect(t.revenue_amount).toBe(items.toFixed(2));
    expect(t.fee_tax_breakdown?.fee?.referral_fee_amount).toBe(items.times("0.06").toDecimalPlaces(2).neg().toFixed(2));
    expect(t.shipping_cost_breakdown?.customer_paid_shipping_fee_amount).toBe(order.payment.shipping_fee);
    expect(t.shipping_cost_breakdown?.actual_shipping_fee_amount).toBe("0.00");
    expect(t.supplementary_component?.customer_payment_amount).toBe(order.payment.total_amount);
    expect(t.supplementary_component?.sales_tax_amount).toBe(order.payment.tax);
  });

  it("a seller discount reduces revenue, a platform discount does not (TikTok reimburses it)", async () => {
    const order = (await shop.orders.getDetails([ids.discounted])).data.orders[0]!;
    const t = (await settledTransactions()).find((x) => x.order_id === ids.discounted)!;
    expect(t.revenue_breakdown?.seller_discount_amount).toBe("-2.00");
    expect(t.revenue_amount).toBe(sum(order.line_items.map((l) => l.original_price)).minus("2.00").toFixed(2));
    expect(t.supplementary_component?.platform_discount_amount).toBe("3.00");
    expect(d(order.payment.sub_total).lessThan(d(t.revenue_amount))).toBe(true);
  });

  it("an FBT order is charged TikTok's shipping as FBT shipping cost; free samples never settle", async () => {
    const all = await settledTransactions();
    const fbt = all.find((x) => x.order_id === ids.fbt)!;
    const parts = fbt.shipping_cost_breakdown?.supplementary_component as Record<string, string> | undefined;
    expect(d(fbt.shipping_cost_breakdown?.actual_shipping_fee_amount).isNegative()).toBe(true);
    expect(parts?.fbt_shipping_cost_amount).toBe(fbt.shipping_cost_breakdown?.actual_shipping_fee_amount);
    expect(all.map((x) => x.order_id)).not.toContain(ids.sample);
    expect(unsettledBefore.transactions.map((x) => x.order_id)).not.toContain(ids.sample);
  });

  it("a refunded order settles with negative refund items and keeps only the refund administration fee", async () => {
    const t = (await settledTransactions()).find((x) => x.order_id === ids.refunded)!;
    const r = t.revenue_breakdown!;
    expect(d(r.refund_subtotal_before_discount_amount).isNegative()).toBe(true);
    expect(d(t.revenue_amount).isZero()).toBe(true);
    expect(d(t.fee_tax_breakdown?.fee?.referral_fee_amount).isZero()).toBe(true);
    expect(d(t.fee_tax_breakdown?.fee?.refund_administration_fee_amount).isNegative()).toBe(true);
    expect(d(t.supplementary_component?.customer_refund_amount).isNegative()).toBe(true);
    expect(d(t.settlement_amount).isNegative()).toBe(true);
  });

  it("answer the same figures every time (deterministic)", async () => {
    const first = await shop.finance.statements({}, { pageSize: 100 });
    const again = await shop.finance.statements({}, { pageSize: 100 });
    expect(again.data).toEqual(first.data);
  });
});

describe("order transactions", () => {
  it("SKU rows add up to the statement row and name its statement", async () => {
    const row = (await settledTransactions()).find((x) => x.order_id === ids.seller)!;
    const order = (await shop.finance.orderTransactions(ids.seller)).data;
    expect(order.sku_transactions.length).toBeGreaterThan(0);
    expect(order.settlement_amount).toBe(row.settlement_amount);
    expect(order.revenue_amount).toBe(row.revenue_amount);
    expect(order.fee_and_tax_amount).toBe(row.fee_tax_amount);
    expect(sum(order.sku_transactions.map((s) => s.settlement_amount)).toFixed(2)).toBe(row.settlement_amount);
    expect(order.sku_transactions.every((s) => s.statement_id === row.statementId)).toBe(true);
    expect(sum(order.sku_transactions.map((s) => s.quantity)).toNumber()).toBe(2);
  });

  it("an order that has not settled has no rows yet", async () => {
    const open = (await shop.finance.orderTransactions(ids.inTransit)).data;
    expect(open.sku_transactions).toEqual([]);
    expect((await shop.finance.orderTransactions(ids.cancelled)).data.total_count).toBe(0);
  });
});

describe("payments", () => {
  it("each statement names a payment that carries its settlement, PROCESSING until the payout delay passes", async () => {
    const statements = (await shop.finance.statements({}, { pageSize: 100 })).data.statements;
    h.advanceClock(DAY);
    const paid = (await shop.finance.statements({}, { pageSize: 100 })).data.statements;
    const payments = new Map<string, Awaited<ReturnType<typeof shop.finance.payments>>["data"]["payments"][number]>();
    for await (const p of shop.finance.paymentsAll()) payments.set(p.id, p);
    for (const s of statements) {
      const p = payments.get(s.payment_id!)!;
      expect(p, `payment of statement ${s.id}`).toBeDefined();
      expect(p.settlement_amount?.value).toBe(s.settlement_amount);
      expect(p.amount?.value).toBe(d(p.settlement_amount?.value).plus(d(p.reserve_amount?.value)).toFixed(2));
      expect(p.status).toBe("PAID");
      expect(paid.find((x) => x.id === s.id)?.payment_status).toBe("PAID");
    }
    expect(statements.some((s) => s.payment_status === "PROCESSING")).toBe(true);
  });
});

describe("adjustments and refunds after settlement", () => {
  it("a sandbox adjustment is unsettled until the next statement, then a transaction of its own", async () => {
    const made = await h.admin<{ adjustment_id: string }>("POST", "/sandbox/finance/adjustments", {
      shop_id: token.shop_id, order_id: ids.seller, type: "PLATFORM_PENALTY", amount: "-5.00",
    });
    const pending = (await shop.finance.unsettled({}, { pageSize: 100 })).data.transactions.find((t) => t.adjustment_id === made.adjustment_id);
    expect(pending?.est_adjustment_amount).toBe("-5.00");
    h.advanceClock(DAY);
    const t = (await settledTransactions()).find((x) => x.adjustment_id === made.adjustment_id)!;
    expect(t).toMatchObject({ type: "PLATFORM_PENALTY", adjustment_order_id: ids.seller, adjustment_amount: "-5.00", settlement_amount: "-5.00" });
  });

  it("the adjustment endpoint refuses an unknown shop, a missing type and an amount that is not a non-zero decimal", async () => {
    const post = (body: unknown) => fetch(`${h.baseUrl}/sandbox/finance/adjustments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post({ shop_id: "1", type: "REBATE", amount: "1.00" })).status).toBe(404);
    expect((await post({ shop_id: token.shop_id, amount: "1.00" })).status).toBe(400);
    for (const amount of ["abc", "0", "1.005"]) expect((await post({ shop_id: token.shop_id, type: "REBATE", amount })).status).toBe(400);
  });

  it("a refund completed after its order settled is a second, negative transaction in a later statement", async () => {
    const id = await placeOrder(1);
    await advanceTo(id, "DELIVERED");
    h.advanceClock(8 * DAY);
    await refundedAfterBuyerReturn(id);
    h.advanceClock(DAY);
    const rows = (await shop.finance.orderTransactions(id)).data.sku_transactions;
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.statement_id)).size).toBe(2);
    expect(d(rows[0]!.settlement_amount).isPositive()).toBe(true);
    expect(d(rows[1]!.revenue_breakdown?.refund_subtotal_before_discount_amount).isNegative()).toBe(true);
    expect(d(rows[1]!.settlement_amount).isNegative()).toBe(true);
  });
});

describe("reserves", () => {
  it("hold 10 % of a settled order's positive settlement, then release it in a later statement", async () => {
    const all = await settledTransactions();
    const sale = all.find((t) => t.order_id === ids.seller && t.type === "ORDER")!;
    const collected = all.find((t) => t.type === "RESERVE" && t.associated_order_id === ids.seller && t.reserve_status === "COLLECTED")!;
    const released = all.find((t) => t.type === "RESERVE" && t.reserve_id === collected.reserve_id && t.reserve_status === "RELEASED")!;
    expect(collected.reserve_amount).toBe(d(sale.settlement_amount).times("0.10").toDecimalPlaces(2).neg().toFixed(2));
    expect(collected.statementId).toBe(sale.statementId);
    expect(released.reserve_amount).toBe(d(collected.reserve_amount).neg().toFixed(2));
    expect(released.statementId).not.toBe(collected.statementId);
    expect(all.some((t) => t.type === "RESERVE" && t.associated_order_id === ids.refunded)).toBe(false);
    const detail = (await shop.finance.statementTransactions(sale.statementId, { pageSize: 100 })).data;
    expect(d(detail.payable_amount).lessThan(d(detail.total_settlement_amount))).toBe(true);
  });
});

describe("paging and filters", () => {
  it("pages a statement's transactions one at a time", async () => {
    const s = (await shop.finance.statements({}, { pageSize: 100 })).data.statements.find(() => true)!;
    const first = await shop.finance.statementTransactions(s.id, { pageSize: 1 });
    const all: string[] = [];
    for await (const t of shop.finance.statementTransactionsAll(s.id, { pageSize: 1 })) all.push(t.id);
    expect(all).toHaveLength(first.data.total_count!);
    expect(new Set(all).size).toBe(all.length);
    if (first.data.total_count! > 1) expect(first.data.next_page_token).toBeTruthy();
  });

  it("pages statements and filters them by time, newest first on request", async () => {
    const all = (await shop.finance.statements({}, { pageSize: 100 })).data.statements;
    expect(all.length).toBeGreaterThan(1);
    const paged: string[] = [];
    for await (const s of shop.finance.statementsAll({}, { pageSize: 1 })) paged.push(s.id);
    expect(paged).toEqual(all.map((s) => s.id));
    const desc = (await shop.finance.statements({}, { pageSize: 100, sortOrder: "DESC" })).data.statements;
    expect(desc.map((s) => s.id)).toEqual([...all].reverse().map((s) => s.id));
    const last = all[all.length - 1]!;
    const recent = (await shop.finance.statements({ statement_time_ge: last.statement_time }, { pageSize: 100 })).data.statements;
    expect(recent.map((s) => s.id)).toEqual([last.id]);
  });

  it("lists the settlement as SETTLE withdrawals", async () => {
    const w = (await shop.finance.withdrawals(["SETTLE", "WITHDRAW"])).data;
    expect(w.withdrawals.length).toBeGreaterThan(0);
    expect(w.withdrawals.every((x) => x.type === "SETTLE")).toBe(true);
    expect((await shop.finance.withdrawals(["WITHDRAW"])).data.withdrawals).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses a missing sort_field, page_size 0 or 101, an unknown payment_status and an unknown statement (36009004)", async () => {
    expect((await refusal(rawGet("/finance/202309/statements", { page_size: 10 }))).code).toBe(36009004);
    expect((await refusal(rawGet("/finance/202507/orders/unsettled", { sort_field: "create_time" }))).code).toBe(36009004);
    expect((await refusal(shop.finance.statements({}, { pageSize: 0 }))).code).toBe(36009004);
    expect((await refusal(shop.finance.payments({}, { pageSize: 101 }))).code).toBe(36009004);
    expect((await refusal(rawGet("/finance/202309/statements", { sort_field: "statement_time", payment_status: "DONE" }))).code).toBe(36009004);
    expect((await refusal(shop.finance.statementTransactions("7238999999999999999"))).code).toBe(36009004);
    expect((await refusal(rawGet("/finance/202309/withdrawals", { page_size: 10 }))).code).toBe(36009004);
  });

  it("answers the retired 202309 statement-transaction endpoints with 36009014", async () => {
    const s = (await shop.finance.statements({}, { pageSize: 1 })).data.statements[0]!;
    const err = await refusal(rawGet(`/finance/202309/statements/${s.id}/statement_transactions`, { sort_field: "order_create_time" }));
    expect(err.code).toBe(36009014);
    expect(err.message).toMatch(/deprecated/);
    expect((await refusal(rawGet(`/finance/202309/orders/${ids.seller}/statement_transactions`, {}))).code).toBe(36009014);
  });
});
