// What TikTok pays for given orders, for pages that list or show orders (the orders page, an order's
// detail): settled or estimated, fees and payout per order, and the full reconciliation of one order.
import type { Database } from "../../db.server";
import { reconcileOrder, rowsThatCount, type OrderReconciliation } from "./order-reconciliation";
import { createSettlementRepository } from "./settlement-repository";
import { decimalString, sumOf } from "./signed-amount";

export interface OrderSettlementSummary {
  /** In a TikTok statement (final figures). */
  settled: boolean;
  /** Not settled yet: TikTok's estimate, which may change. */
  estimate: boolean;
  /** TikTok's fees and withheld taxes, signed (negative). */
  fees: string;
  /** What TikTok pays for the order (its settlement). */
  payout: string;
  currency: string;
}

/** Orders TikTok has said nothing about yet are absent from the map. */
export async function settlementsByOrder(
  db: Database,
  shop: string,
  tiktokOrderIds: readonly string[]
): Promise<Map<string, OrderSettlementSummary>> {
  const byOrder = await createSettlementRepository(db).rowsOfOrders(shop, tiktokOrderIds);
  const summaries = new Map<string, OrderSettlementSummary>();
  for (const [orderId, all] of byOrder) {
    const { status, rows } = rowsThatCount(all);
    if (status === "none") continue;
    summaries.set(orderId, {
      settled: status === "settled",
      estimate: status === "estimate",
      currency: rows[0]!.currency,
      fees: decimalString(sumOf(rows.map((r) => r.feeTaxAmount))),
      payout: decimalString(sumOf(rows.map((r) => r.settlementAmount))),
    });
  }
  return summaries;
}

/** One order, Shopify side against TikTok's payout, with the difference explained line by line. */
export async function orderReconciliation(
  db: Database,
  shop: string,
  tiktokOrderId: string
): Promise<OrderReconciliation> {
  const [order, rows] = await Promise.all([
    db.tikTokOrder.findUnique({
      where: { shop_tiktokOrderId: { shop, tiktokOrderId } },
      select: { currency: true, buyerPaid: true, platformDiscount: true, shopifyOrderName: true },
    }),
    createSettlementRepository(db).rowsOfOrders(shop, [tiktokOrderId]),
  ]);
  const side = {
    tiktokOrderId,
    currency: order?.currency ?? "",
    buyerPaid: order?.buyerPaid ?? null,
    platformDiscount: order?.platformDiscount ?? null,
    shopifyOrderName: order?.shopifyOrderName ?? null,
  };
  return reconcileOrder(side, rows.get(tiktokOrderId) ?? []);
}
