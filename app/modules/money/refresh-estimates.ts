// Estimates for the app's imported orders that TikTok has not settled yet (finance 202507 unsettled).
// Never booked: shown as estimates, replaced by the settled figures once the order is in a statement.
import type { Database } from "../../db.server";
import type { TikTokFinanceApi, TikTokUnsettledTransaction } from "../../integrations/tiktok";
import type { OrderLine } from "../orders/order-lines";
import { transactionResidue } from "./settlement-checks";
import type { SettlementRepository, TransactionToStore } from "./settlement-repository";
import { decimalString, sumOf } from "./signed-amount";
import { estimatedFigures, identityOf } from "./transaction-figures";

/** TikTok keeps unsettled data from 2025-01-01; orders older than 90 days are settled or stuck in a dispute. */
const UNSETTLED_FLOOR_SECONDS = 1_735_689_600;
const UNSETTLED_LOOKBACK_SECONDS = 90 * 86_400;

function estimateOf(t: TikTokUnsettledTransaction, orderSalesTax: string): TransactionToStore {
  const figures = estimatedFigures(t, orderSalesTax);
  return {
    ...identityOf(t),
    currency: t.currency ?? "",
    figures,
    residue: transactionResidue(figures),
    reserveId: null,
    reserveStatus: null,
    associatedOrderId: null,
    estimatedSettlement: t.estimated_settlement ?? null,
    unsettledReason: t.unsettled_reason ?? null,
  };
}

/** Sales tax of each known order (TikTok's estimate leaves it out), by TikTok order id. */
async function importedOrderTaxes(db: Database, shop: string, tiktokOrderIds: string[]): Promise<Map<string, string>> {
  const orders = await db.tikTokOrder.findMany({
    where: { shop, tiktokOrderId: { in: tiktokOrderIds } },
    select: { tiktokOrderId: true, lines: true },
  });
  return new Map(
    orders.map((o) => [o.tiktokOrderId, decimalString(sumOf((JSON.parse(o.lines) as OrderLine[]).map((l) => l.tax)))])
  );
}

export async function refreshEstimates(
  deps: { db: Database; repo: SettlementRepository },
  finance: TikTokFinanceApi,
  shop: string,
  tiktokShopId: string,
  nowSeconds: number
): Promise<number> {
  const unsettled: TikTokUnsettledTransaction[] = [];
  for await (const t of finance.unsettledAll({
    search_time_ge: Math.max(UNSETTLED_FLOOR_SECONDS, nowSeconds - UNSETTLED_LOOKBACK_SECONDS),
  }))
    unsettled.push(t);
  const orderIds = [
    ...new Set(unsettled.map((t) => identityOf(t).tiktokOrderId).filter((id): id is string => id !== null)),
  ];
  const [taxes, settled] = await Promise.all([
    importedOrderTaxes(deps.db, shop, orderIds),
    deps.repo.settledOrderIds(shop, orderIds),
  ]);
  const estimates = unsettled.flatMap((t) => {
    const orderId = identityOf(t).tiktokOrderId;
    return orderId && taxes.has(orderId) && !settled.has(orderId) ? [estimateOf(t, taxes.get(orderId)!)] : [];
  });
  await deps.repo.replaceEstimates(shop, tiktokShopId, estimates);
  return estimates.length;
}
