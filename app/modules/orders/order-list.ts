// What the orders page shows: TikTok orders with both ids, where each stands, money, problems first, and
// how far the safety-net search (and the first 7-day back-fill) has got.
import type { Database } from "../../db.server";
import type { OrderLine } from "./order-lines";
import type { OrderState, Shipment } from "./tiktok-order-repository";

export const ORDER_STATES: readonly OrderState[] = ["new", "reserved", "imported", "problem", "cancelled", "skipped"];
export const PAGE_SIZE = 50;

export interface OrderListItem {
  tiktokOrderId: string;
  tiktokShopId: string;
  tiktokStatus: string;
  state: OrderState;
  placedAt: string;
  units: number;
  currency: string;
  buyerPaid: string;
  platformDiscount: string;
  shopifyOrderId: string | null;
  shopifyOrderName: string | null;
  fulfillmentType: string;
  cancelRequested: boolean;
  /** When the app last changed the order (pages follow an order that is still moving). */
  updatedAt: string;
  problem: { message: string; fix: string } | null;
}

export interface OrderListFilter {
  state?: OrderState;
  /** Orders placed on or after this day. */
  since?: Date;
  page: number;
}

type Row = Awaited<ReturnType<Database["tikTokOrder"]["findMany"]>>[number];

function toItem(row: Row): OrderListItem {
  return {
    tiktokOrderId: row.tiktokOrderId,
    tiktokShopId: row.tiktokShopId,
    tiktokStatus: row.tiktokStatus,
    state: row.state as OrderState,
    placedAt: row.placedAt.toISOString(),
    units: (JSON.parse(row.lines) as OrderLine[]).reduce((n, l) => n + l.quantity, 0),
    currency: row.currency,
    buyerPaid: row.buyerPaid,
    platformDiscount: row.platformDiscount,
    shopifyOrderId: row.shopifyOrderId,
    shopifyOrderName: row.shopifyOrderName,
    fulfillmentType: row.fulfillmentType,
    cancelRequested: row.cancelRequested,
    updatedAt: row.updatedAt.toISOString(),
    problem: row.problemMessage ? { message: row.problemMessage, fix: row.problemFix ?? "" } : null,
  };
}

export async function listOrders(db: Database, shop: string, filter: OrderListFilter) {
  const where = { shop, ...(filter.since ? { placedAt: { gte: filter.since } } : {}) };
  // "Needs attention" is any order with a problem to act on, whatever its state (an imported order can wait on a carrier).
  const needsAttention = { problemCode: { not: null } };
  const byFilter =
    filter.state === "problem" ? needsAttention : filter.state ? { state: filter.state } : { problemCode: null };
  const page = await db.tikTokOrder.findMany({
    where: { ...where, ...byFilter },
    orderBy: { placedAt: "desc" },
    skip: filter.page * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  });
  // Unfiltered, problems come first (what the merchant has to act on), then the rest newest first.
  const problems =
    !filter.state && filter.page === 0
      ? await db.tikTokOrder.findMany({
          where: { ...where, ...needsAttention },
          orderBy: { placedAt: "desc" },
          take: PAGE_SIZE,
        })
      : [];
  const [counts, attention] = await Promise.all([
    db.tikTokOrder.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } }),
    db.tikTokOrder.count({ where: { shop, ...needsAttention } }),
  ]);
  return {
    orders: [...problems, ...page.slice(0, PAGE_SIZE)].map(toItem),
    hasNext: page.length > PAGE_SIZE,
    counts: { ...Object.fromEntries(counts.map((c) => [c.state, c._count._all])), problem: attention } as Partial<
      Record<OrderState, number>
    >,
  };
}

/** The safety-net search per linked TikTok shop: when it last ran (none yet = the 7-day back-fill is still to come). */
export async function orderSearchStatus(db: Database, shop: string) {
  const [links, cursors] = await Promise.all([
    db.tikTokShopLink.findMany({
      where: { shop, status: { not: "unlinked" } },
      select: { tiktokShopId: true, tiktokShopName: true, region: true },
    }),
    db.orderPollCursor.findMany({ where: { shop } }),
  ]);
  return links.map((l) => ({
    ...l,
    lastRunAt: cursors.find((c) => c.tiktokShopId === l.tiktokShopId)?.lastRunAt?.toISOString() ?? null,
  }));
}

export async function orderDetail(db: Database, shop: string, tiktokOrderId: string) {
  const row = await db.tikTokOrder.findUnique({ where: { shop_tiktokOrderId: { shop, tiktokOrderId } } });
  if (!row) return null;
  const timeline = await db.orderEvent.findMany({
    where: { shop, tiktokOrderId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const shipments = JSON.parse(row.shipments) as Shipment[];
  return {
    order: toItem(row),
    /** The Shopify carrier a shipment waits on (the merchant maps it to one of TikTok's). */
    waitingCarrier:
      row.problemCode === "CARRIER_UNKNOWN"
        ? shipments.find((s) => s.state === "failed" && s.company)?.company ?? null
        : null,
    lines: JSON.parse(row.lines) as OrderLine[],
    timeline: timeline.map((e) => ({
      id: e.id,
      action: e.action,
      outcome: e.outcome,
      summary: e.summary,
      requestId: e.requestId,
      at: e.createdAt.toISOString(),
    })),
  };
}

/** TikTok orders that sold one of a product's SKUs (the product page lists them). */
export async function ordersOfProduct(
  db: Database,
  shop: string,
  productId: string,
  take = 20
): Promise<OrderListItem[]> {
  const skus = (await db.skuLink.findMany({ where: { shop, productId }, select: { tiktokSkuId: true } })).map(
    (s) => s.tiktokSkuId
  );
  if (skus.length === 0) return [];
  const recent = await db.tikTokOrder.findMany({ where: { shop }, orderBy: { placedAt: "desc" }, take: 500 });
  return recent
    .filter((r) => (JSON.parse(r.lines) as OrderLine[]).some((l) => skus.includes(l.tiktokSkuId)))
    .slice(0, take)
    .map(toItem);
}
