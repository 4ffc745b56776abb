// The import ledger of TikTok orders (one row per store and TikTok order) and their timelines. The row is
// written before Shopify is asked for anything, so a retry knows what may already have happened there.
import type { Database } from "../../db.server";
import type { OrderLine } from "./order-lines";
import type { OrderProblem } from "./order-problems";
import type { Reservation } from "./stock-reservation";

export type OrderState = "new" | "reserved" | "imported" | "problem" | "cancelled" | "skipped";

export interface TikTokOrderRecord {
  shop: string;
  tiktokShopId: string;
  tiktokOrderId: string;
  tiktokStatus: string;
  tiktokUpdatedAt: Date;
  placedAt: Date;
  paidAt: Date | null;
  fulfillmentType: string;
  cancelRequested: boolean;
  state: OrderState;
  lines: OrderLine[];
  currency: string;
  buyerPaid: string;
  platformDiscount: string;
  createIntentAt: Date | null;
  createAttempts: number;
  shopifyOrderId: string | null;
  shopifyOrderName: string | null;
  referenceSent: boolean;
  reservation: Reservation | null;
  remorseHold: "placed" | "released" | null;
  /** TikTok line id → Shopify line item id, once imported. */
  lineMap: Record<string, string>;
  shipments: Shipment[];
  problem: OrderProblem | null;
}

/** A Shopify fulfilment sent to TikTok (recorded as "sending" first: Mark As Shipped must not run twice). */
export interface Shipment {
  fulfillmentId: string;
  trackingNumber: string;
  providerId: string;
  lineIds: string[];
  state: "sending" | "sent" | "failed";
  packageId?: string;
  /** The Shopify tracking company, kept for a shipment waiting on a carrier the merchant has to map. */
  company?: string;
}

export interface TikTokOrderFacts {
  tiktokStatus: string;
  cancelRequested: boolean;
  tiktokUpdatedAt: Date;
  placedAt: Date;
  paidAt: Date | null;
  fulfillmentType: string;
  lines: OrderLine[];
  currency: string;
  buyerPaid: string;
  platformDiscount: string;
}

export type OrderPatch = Partial<
  Pick<
    TikTokOrderRecord,
    | "state"
    | "createIntentAt"
    | "createAttempts"
    | "shopifyOrderId"
    | "shopifyOrderName"
    | "referenceSent"
    | "reservation"
    | "remorseHold"
    | "lineMap"
    | "shipments"
    | "cancelRequested"
    | "problem"
  >
>;

export interface OrderEventInput {
  action: string;
  outcome: "ok" | "failed" | "skipped";
  summary: string;
  requestId?: string;
}

type Row = NonNullable<Awaited<ReturnType<Database["tikTokOrder"]["findUnique"]>>>;

function toRecord(row: Row): TikTokOrderRecord {
  return {
    ...row,
    state: row.state as OrderState,
    remorseHold: row.remorseHold as TikTokOrderRecord["remorseHold"],
    lineMap: JSON.parse(row.lineMap) as Record<string, string>,
    shipments: JSON.parse(row.shipments) as Shipment[],
    lines: JSON.parse(row.lines) as OrderLine[],
    reservation: row.reservation ? (JSON.parse(row.reservation) as Reservation) : null,
    problem: row.problemCode
      ? ({ code: row.problemCode, message: row.problemMessage ?? "", fix: row.problemFix ?? "" } as OrderProblem)
      : null,
  };
}

function toColumns(patch: OrderPatch) {
  const { reservation, problem, lineMap, shipments, ...rest } = patch;
  return {
    ...rest,
    ...(lineMap !== undefined ? { lineMap: JSON.stringify(lineMap) } : {}),
    ...(shipments !== undefined ? { shipments: JSON.stringify(shipments) } : {}),
    ...(reservation !== undefined ? { reservation: reservation ? JSON.stringify(reservation) : null } : {}),
    ...(problem !== undefined
      ? {
          problemCode: problem?.code ?? null,
          problemMessage: problem?.message ?? null,
          problemFix: problem?.fix ?? null,
        }
      : {}),
  };
}

export function createTikTokOrderRepository(db: Database) {
  return {
    async get(shop: string, tiktokOrderId: string): Promise<TikTokOrderRecord | null> {
      const row = await db.tikTokOrder.findUnique({ where: { shop_tiktokOrderId: { shop, tiktokOrderId } } });
      return row ? toRecord(row) : null;
    },

    /** What TikTok says of the order now; the ledger's own columns (state, intent, Shopify ids) are left alone. */
    async recordRead(
      shop: string,
      tiktokShopId: string,
      tiktokOrderId: string,
      facts: TikTokOrderFacts
    ): Promise<TikTokOrderRecord> {
      const columns = { ...facts, lines: JSON.stringify(facts.lines) };
      const row = await db.tikTokOrder.upsert({
        where: { shop_tiktokOrderId: { shop, tiktokOrderId } },
        create: { shop, tiktokShopId, tiktokOrderId, ...columns },
        update: columns,
      });
      return toRecord(row);
    },

    async update(shop: string, tiktokOrderId: string, patch: OrderPatch): Promise<void> {
      await db.tikTokOrder.update({ where: { shop_tiktokOrderId: { shop, tiktokOrderId } }, data: toColumns(patch) });
    },

    async recordEvent(shop: string, tiktokOrderId: string, event: OrderEventInput): Promise<void> {
      await db.orderEvent.create({ data: { shop, tiktokOrderId, ...event } });
    },

    async byShopifyOrder(shop: string, shopifyOrderId: string): Promise<TikTokOrderRecord | null> {
      const row = await db.tikTokOrder.findFirst({ where: { shop, shopifyOrderId } });
      return row ? toRecord(row) : null;
    },

    async timeline(shop: string, tiktokOrderId: string, take = 50) {
      return db.orderEvent.findMany({ where: { shop, tiktokOrderId }, orderBy: { createdAt: "desc" }, take });
    },

    /**
     * Units TikTok sold that Shopify's available stock does not show yet (orders seen, neither reserved nor
     * imported): a stock push subtracts them, so it cannot hand TikTok back units it already sold.
     */
    async unreservedUnits(shop: string): Promise<Map<string, number>> {
      const rows = await db.tikTokOrder.findMany({
        where: {
          shop,
          state: "new",
          fulfillmentType: { not: "FULFILLMENT_BY_TIKTOK" },
          tiktokStatus: { notIn: ["CANCELLED", "CANCEL"] },
        },
        select: { lines: true },
      });
      const units = new Map<string, number>();
      for (const row of rows)
        for (const line of JSON.parse(row.lines) as OrderLine[])
          units.set(line.tiktokSkuId, (units.get(line.tiktokSkuId) ?? 0) + line.quantity);
      return units;
    },

    /** TikTok's status as last recorded, for the orders the app knows among these. */
    async statuses(shop: string, tiktokOrderIds: string[]): Promise<Map<string, string>> {
      if (tiktokOrderIds.length === 0) return new Map();
      const rows = await db.tikTokOrder.findMany({
        where: { shop, tiktokOrderId: { in: tiktokOrderIds } },
        select: { tiktokOrderId: true, tiktokStatus: true },
      });
      return new Map(rows.map((r) => [r.tiktokOrderId, r.tiktokStatus]));
    },

    /** Orders waiting on a problem: the safety-net run tries them again (the merchant may have fixed the cause). */
    async waitingOnProblems(shop: string, take = 50): Promise<Array<{ tiktokShopId: string; tiktokOrderId: string }>> {
      return db.tikTokOrder.findMany({
        where: { shop, state: "problem" },
        select: { tiktokShopId: true, tiktokOrderId: true },
        orderBy: { placedAt: "asc" },
        take,
      });
    },
  };
}

export type TikTokOrderRepository = ReturnType<typeof createTikTokOrderRepository>;
