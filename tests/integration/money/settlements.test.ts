// TikTok's money end to end: the built app (web + worker) between the Shopify sandbox and the TikTok
// simulator, on both databases. A buyer's order is delivered, shows TikTok's estimate, settles in the next
// daily statement past the settlement delay, and the payouts page and the CSV show the statement, its payout
// and the order reconciled with its Shopify order — every sum holding, and a second import changing nothing.
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settlementsByOrder } from "../../../app/modules/money/settlements-by-order";
import type { OrderReconciliation } from "../../../app/modules/money/order-reconciliation";
import { embeddedClient } from "../../support/embedded-fetch";
import { makeProductsLive, sandboxPost, type LiveSku } from "../../support/live-products";
import { sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";
import { TEST_DATABASES } from "../../support/test-databases";

const PAYOUTS = "routes/app.payouts";
const DAY_SECONDS = 86_400;
const dec = (v: string | undefined) => new Decimal(v || "0");

interface PayoutsPage {
  statements: Array<{ statementId: string; date: string; settlement: string; reserve: string; payable: string; revenue: string; shipping: string; fees: string; adjustments: string; transactions: number; payoutStatus: string | null; paymentId: string | null; flags: string[] }>;
  orders: OrderReconciliation[];
  shops: Array<{ lastRunAt: string | null; lastError: string | null }>;
}

describe.each(TEST_DATABASES)("TikTok settlements on the payouts page ($name)", (backend) => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;
  let dropDatabase: () => Promise<void>;
  let sku: LiveSku;
  /**
   * The app signs TikTok calls with the wall clock and the simulator refuses timestamps 5 minutes off its own.
   * Moving the simulator's clock 8 days on closes the statements; moving it back right after (this offset)
   * lets the app talk to it again. What settled stays settled: the simulator freezes closed statements.
   */
  let rewindMs = 0;

  beforeAll(async () => {
    const database = await backend.create();
    dropDatabase = database.drop;
    h = await startSyncHarness({
      databaseUrl: database.url,
      settings: sampleStoreSettings(),
      // 10 % of each order's settlement is held back for 30 days, so payable and settlement differ.
      tiktok: { now: () => Date.now() - rewindMs, finance: { reserveRate: "0.10", reserveHoldDays: 30 } },
      appEnv: { ORDER_POLL_INTERVAL_MS: "3000" },
    });
    app = embeddedClient(h.app.url, h.shopify);
    [sku] = (await makeProductsLive(h, 1)) as [LiveSku];
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await dropDatabase?.();
  }, 30_000);

  const tiktokOrder = (id: string) => h.tiktok.state.orders.get(id)!;
  const tiktokStock = (skuId: string) => {
    for (const product of h.tiktok.state.products.values()) {
      const found = product.skus.get(skuId);
      if (found) return [...found.inventory.values()].reduce((n, q) => n + q, 0);
    }
    return 0;
  };
  const advanceTo = async (id: string, status: string) => {
    for (let i = 0; i < 6 && tiktokOrder(id).status !== status; i++) {
      await eventually(async () => (tiktokOrder(id).status !== "UNPAID" ? true : undefined), 15_000, "the buyer's payment");
      await sandboxPost(h.tiktok.url, `/sandbox/orders/${id}/advance`);
    }
    expect(tiktokOrder(id).status).toBe(status);
  };
  const range = () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY_SECONDS * 1000).toISOString().slice(0, 10);
    return `from=${day(-1)}&to=${day(10)}`; // the statements closed by the clock jump are dated a week ahead
  };
  const page = async (): Promise<PayoutsPage> => app.load(`/app/payouts?${range()}`, PAYOUTS);
  /** "Refresh from TikTok", then the page once the import it queued has finished. */
  const refresh = async (): Promise<PayoutsPage> => {
    const before = (await h.db.financeSyncCursor.findFirst())?.lastRunAt?.getTime() ?? 0;
    expect(await app.act("/app/payouts", PAYOUTS, { intent: "refresh" })).toMatchObject({ ok: true });
    await eventually(async () => {
      const cursor = await h.db.financeSyncCursor.findFirst();
      return cursor?.lastRunAt && cursor.lastRunAt.getTime() > before ? true : undefined;
    }, 30_000, "the statement import to run");
    return page();
  };
  const csv = async () => {
    const response = await fetch(`${h.app.url}/app/payouts.csv?${range()}`, {
      headers: { Authorization: `Bearer ${await h.shopify.mintSessionToken()}`, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    return (await response.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean).map((line) => line.split(","));
  };

  it("imports once at start: a shop with nothing settled yet gets its cursor and an empty page", async () => {
    await eventually(async () => ((await h.db.financeSyncCursor.findFirst())?.lastRunAt ? true : undefined), 30_000, "the import at worker start");
    expect(await h.db.financeSyncCursor.findFirst()).toMatchObject({ lastError: null });
    expect(await page()).toMatchObject({ statements: [], orders: [] });
  });

  it("GIVEN a delivered order THEN an estimate; past the settlement delay THEN the statement, its payout, the order reconciled and the CSV", async () => {
    await sandboxPost(h.shopify.url, "/sandbox/inventory", { inventoryItemId: sku.inventoryItemId, locationId: [...h.shopify.store.inventoryItems.get(sku.inventoryItemId)!.levels.values()][0]!.locationId, available: 10 });
    await eventually(async () => (tiktokStock(sku.tiktokSkuId) >= 10 ? true : undefined), 30_000, "the stock on TikTok");
    const orderId = String((await sandboxPost(h.tiktok.url, "/sandbox/orders", { shop_id: h.tiktokShopId, items: [{ sku_id: sku.tiktokSkuId, quantity: 2 }], platform_discount: "3.00" })).order_id);
    await advanceTo(orderId, "AWAITING_SHIPMENT");
    await eventually(async () => ((await h.db.tikTokOrder.findFirst({ where: { tiktokOrderId: orderId } }))?.shopifyOrderName ? true : undefined), 45_000, "the order in Shopify");
    const shopifyOrderName = (await h.db.tikTokOrder.findFirst({ where: { tiktokOrderId: orderId } }))!.shopifyOrderName!;
    await advanceTo(orderId, "DELIVERED");
    await sandboxPost(h.tiktok.url, "/sandbox/finance/adjustments", { shop_id: h.tiktokShopId, order_id: orderId, type: "SHIPPING_FEE_COMPENSATION", amount: "2.50" });

    // Not settled yet: TikTok's estimate, marked as one.
    const waiting = (await refresh()).orders.find((o) => o.tiktokOrderId === orderId);
    expect(waiting).toMatchObject({ status: "estimate", shopifyOrderName });

    // Past the 7-day settlement delay and the next 00:00 UTC, then back to the wall clock (see rewindMs).
    await sandboxPost(h.tiktok.url, "/sandbox/clock", { advance_seconds: 8 * DAY_SECONDS });
    rewindMs = 8 * DAY_SECONDS * 1000;
    const settled = await refresh();

    // The adjustment settles at the first midnight, the order (with its reserve) 7 days after delivery.
    expect(settled.statements).toHaveLength(2);
    for (const s of settled.statements) {
      expect(s).toMatchObject({ flags: [], payoutStatus: "PROCESSING" });
      expect(dec(s.payable).toFixed(2)).toBe(dec(s.settlement).plus(dec(s.reserve)).toFixed(2));
      expect(dec(s.settlement).toFixed(2)).toBe(dec(s.revenue).plus(dec(s.shipping)).plus(dec(s.fees)).plus(dec(s.adjustments)).toFixed(2));
    }
    const statement = settled.statements.find((s) => !dec(s.revenue).isZero())!;
    expect(statement).toMatchObject({ transactions: 2 }); // the order and its reserve
    expect(dec(statement.reserve).isNegative()).toBe(true);
    expect(settled.statements.find((s) => s !== statement)).toMatchObject({ transactions: 1, adjustments: "2.50", settlement: "2.50" });

    const sold = tiktokOrder(orderId);
    const revenue = sold.line_items.reduce((sum, l) => sum.plus(dec(l.original_price)), new Decimal(0));
    const referralFee = revenue.times("0.06").toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    // TikTok funds the 3.00 product discount and any shipping discount: the Shopify order's second transaction.
    const reimbursed = dec(sold.payment.platform_discount).plus(dec(sold.payment.shipping_fee_platform_discount));
    const order = settled.orders.find((o) => o.tiktokOrderId === orderId)!;
    expect(order).toMatchObject({
      status: "settled", shopifyOrderName, paidByBuyer: dec(sold.payment.total_amount).toFixed(2), reimbursedByTikTok: reimbursed.toFixed(2),
      revenue: revenue.toFixed(2), fees: referralFee.neg().toFixed(2), adjustments: "2.50",
    });
    expect(dec(sold.payment.platform_discount).toFixed(2)).toBe("3.00");
    expect(dec(order.shopifyTotal).toFixed(2)).toBe(dec(sold.payment.total_amount).plus(reimbursed).toFixed(2));
    expect(dec(order.payout).toFixed(2)).toBe(dec(order.revenue).plus(dec(order.shipping)).plus(dec(order.fees)).plus(dec(order.adjustments)).toFixed(2));
    expect(dec(order.difference).toFixed(2)).toBe(dec(order.payout).minus(dec(order.shopifyTotal)).toFixed(2));
    expect(order.lines.reduce((sum, l) => sum.plus(dec(l.amount)), new Decimal(0)).toFixed(2)).toBe(dec(order.difference).toFixed(2));
    expect(order.lines.map((l) => l.text)).toEqual([
      `Sales tax ${dec(sold.payment.tax).toFixed(2)} is remitted by TikTok, not paid out`,
      `TikTok's fees: \u2212${referralFee.toFixed(2)} (referral fee ${referralFee.toFixed(2)})`,
      "TikTok adjustments: +2.50 (shipping fee compensation)",
    ]);
    expect(await h.db.tikTokSettlementTransaction.count({ where: { kind: "estimate", tiktokOrderId: orderId } })).toBe(0); // replaced
    expect(await settlementsByOrder(h.db, h.shop, [orderId])).toEqual(new Map([[orderId, { settled: true, estimate: false, fees: order.fees, payout: order.payout, currency: "USD" }]]));

    const payout = (await h.db.tikTokPayout.findFirst({ where: { paymentId: statement.paymentId! } }))!;
    expect(payout).toMatchObject({ status: "PROCESSING", residue: null });
    expect(dec(payout.amount).toFixed(2)).toBe(dec(statement.payable).toFixed(2));

    const [header, ...rows] = await csv();
    expect(header).toEqual(["Date", "Statement ID", "Payment ID", "TikTok order ID", "Shopify order", "Type", "Currency", "Revenue", "Fees", "Shipping", "Adjustments", "Settlement", "Reserve"]);
    expect(rows[0]![5]).toBe("SHIPPING_FEE_COMPENSATION"); // oldest statement first
    expect(rows.map((r) => r[5]).sort()).toEqual(["ORDER", "RESERVE", "SHIPPING_FEE_COMPENSATION"]);
    expect(rows.every((r) => r[3] === orderId && r[4] === shopifyOrderName && r[6] === "USD")).toBe(true);
    for (const s of settled.statements) {
      const own = rows.filter((r) => r[1] === s.statementId);
      expect(own.every((r) => r[0] === s.date.slice(0, 10) && r[2] === s.paymentId)).toBe(true);
      expect(own.reduce((sum, r) => sum.plus(dec(r[11])), new Decimal(0)).toFixed(2)).toBe(dec(s.settlement).toFixed(2));
      expect(own.reduce((sum, r) => sum.plus(dec(r[12])), new Decimal(0)).toFixed(2)).toBe(dec(s.reserve).toFixed(2));
    }
    expect(rows.find((r) => r[5] === "ORDER")![8]).toBe(referralFee.neg().toFixed(2)); // signs kept

    // A second import changes nothing: transactions are keyed by TikTok's id, the statement is not read again.
    const stored = await h.db.tikTokSettlementTransaction.findMany({ orderBy: { transactionId: "asc" } });
    expect((await refresh()).statements).toEqual(settled.statements);
    expect(await h.db.tikTokSettlementTransaction.findMany({ orderBy: { transactionId: "asc" } })).toEqual(stored);
  }, 180_000);
});
