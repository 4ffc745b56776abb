// What follows a Shopify order's creation, each step once and resumable: TikTok is told the Shopify order
// (external order reference, line by line), the reservation goes back to available (the order now commits
// the units), and an order TikTok did not hold gets a Shopify fulfilment hold until an hour after payment.
import {
  FULFILLMENT_ORDER_HOLD_MUTATION,
  FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION,
  ORDER_FULFILLMENT_ORDERS_QUERY,
  type FulfillmentOrderHoldResult,
  type FulfillmentOrderReleaseHoldResult,
  type OrderFulfillmentOrdersResult,
  type ShopifyOrderSummary,
} from "../../integrations/shopify/order.graphql";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import { remorseHoldStep, REMORSE_MS } from "./order-steps";
import type { OrderSyncDeps } from "./order-sync-deps";
import { ledgerDocumentUri, moveStock, releaseChanges, releaseKey } from "./stock-reservation";
import { sendReservation } from "./reserve-stock";
import type { TikTokOrderRecord } from "./tiktok-order-repository";

export const REMORSE_HOLD_HANDLE = "tiktok-remorse";
const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/** TikTok line id → Shopify line item id, matched by variant (the order was created from these lines; gifts apart by price). */
export function mapLines(
  record: TikTokOrderRecord,
  variantOf: Map<string, string>,
  shopifyLines: ShopifyOrderSummary["lineItems"]["nodes"]
): Record<string, string> {
  const unused = [...shopifyLines];
  const map: Record<string, string> = {};
  for (const line of record.lines) {
    const variantId = variantOf.get(line.tiktokSkuId);
    const index = unused.findIndex((l) => l.variant?.id === variantId && l.quantity === line.quantity);
    const shopifyLine = index >= 0 ? unused.splice(index, 1)[0] : shopifyLines.find((l) => l.variant?.id === variantId);
    if (shopifyLine) for (const id of line.lineIds) map[id] = shopifyLine.id;
  }
  return map;
}

export async function recordLineMap(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  shopifyOrder: ShopifyOrderSummary
): Promise<Record<string, string>> {
  const variants = await deps.variantsByTikTokSku(
    record.shop,
    record.lines.map((l) => l.tiktokSkuId)
  );
  const lineMap = mapLines(
    record,
    new Map([...variants].map(([sku, v]) => [sku, v.variantId])),
    shopifyOrder.lineItems.nodes
  );
  await deps.orders.update(record.shop, record.tiktokOrderId, { lineMap });
  return lineMap;
}

export async function sendExternalReference(
  deps: OrderSyncDeps,
  session: TikTokShopSession,
  record: TikTokOrderRecord,
  shopifyOrder: ShopifyOrderSummary
): Promise<void> {
  const lineMap = Object.keys(record.lineMap).length ? record.lineMap : await recordLineMap(deps, record, shopifyOrder);
  const { data, requestId } = await session.api.orders.addExternalReferences([
    {
      id: record.tiktokOrderId,
      external_order: {
        id: numericId(shopifyOrder.id),
        platform: "SHOPIFY",
        line_items: Object.entries(lineMap).map(([origin, shopifyLine]) => ({
          id: numericId(shopifyLine),
          origin_id: origin,
        })),
      },
    },
  ]);
  const refused = data.errors ?? [];
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "reference",
    outcome: refused.length ? "failed" : "ok",
    requestId,
    summary: refused.length
      ? `TikTok did not take the Shopify order reference: ${refused.map((e) => e.message ?? e.code).join("; ")}`
      : `TikTok knows this order as Shopify order ${shopifyOrder.name}.`,
  });
  // A refused reference is not worth retrying forever: the Shopify order stands and carries the TikTok id.
  await deps.orders.update(record.shop, record.tiktokOrderId, { referenceSent: true });
}

export async function releaseReservation(deps: OrderSyncDeps, record: TikTokOrderRecord, why: string): Promise<void> {
  const reservation =
    record.reservation?.state === "pending" ? await sendReservation(deps, record) : record.reservation;
  if (!reservation || reservation.state === "released") return;
  await deps.orders.update(record.shop, record.tiktokOrderId, { reservation: { ...reservation, state: "releasing" } });
  const outcome = await moveStock(await deps.shopifyFor(record.shop), deps.ledger, record.shop, {
    key: releaseKey(reservation),
    reason: "reservation_deleted",
    referenceDocumentUri: ledgerDocumentUri(record.tiktokOrderId),
    changes: releaseChanges(reservation),
  });
  const units = reservation.changes.reduce((n, c) => n + c.quantity, 0);
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "release",
    outcome: outcome.applied ? "ok" : "failed",
    summary: outcome.applied
      ? `${units} reserved unit${units === 1 ? "" : "s"} given back to available stock (${why}).`
      : `Shopify refused to give back the reserved units: ${outcome.reason}. Check the item's reserved stock in Shopify.`,
  });
  await deps.orders.update(record.shop, record.tiktokOrderId, { reservation: { ...reservation, state: "released" } });
}

export async function applyRemorseHold(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  onHoldOrder: boolean
): Promise<void> {
  const step = remorseHoldStep(record, onHoldOrder, deps.now());
  if (step === "none" || !record.shopifyOrderId) return;
  const shopify = await deps.shopifyFor(record.shop);
  const { order } = await shopify.request<OrderFulfillmentOrdersResult>(ORDER_FULFILLMENT_ORDERS_QUERY, {
    id: record.shopifyOrderId,
  });
  const fulfillmentOrders = order?.fulfillmentOrders.nodes ?? [];
  const until = new Date(record.paidAt!.getTime() + REMORSE_MS);
  if (step === "place") {
    for (const fo of fulfillmentOrders.filter(
      (f) => f.status === "OPEN" && !f.fulfillmentHolds.some((h) => h.handle === REMORSE_HOLD_HANDLE)
    )) {
      await shopify.request<FulfillmentOrderHoldResult>(FULFILLMENT_ORDER_HOLD_MUTATION, {
        id: fo.id,
        hold: {
          reason: "OTHER",
          handle: REMORSE_HOLD_HANDLE,
          notifyMerchant: false,
          reasonNotes: `TikTok buyers may cancel until ${until.toISOString()}; the app releases this hold then.`,
        },
      });
    }
    await deps.orders.update(record.shop, record.tiktokOrderId, { remorseHold: "placed" });
    await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
      action: "hold",
      outcome: "ok",
      summary: `Fulfilment held in Shopify until ${until.toISOString()} (TikTok's cancellation hour).`,
    });
    await deps.syncLater(record.shop, record.tiktokShopId, record.tiktokOrderId, until);
    return;
  }
  for (const fo of fulfillmentOrders) {
    const holdIds = fo.fulfillmentHolds.filter((h) => h.handle === REMORSE_HOLD_HANDLE).map((h) => h.id);
    if (holdIds.length)
      await shopify.request<FulfillmentOrderReleaseHoldResult>(FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION, {
        id: fo.id,
        holdIds,
      });
  }
  await deps.orders.update(record.shop, record.tiktokOrderId, { remorseHold: "released" });
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "hold",
    outcome: "ok",
    summary: "TikTok's cancellation hour is over: the fulfilment hold is released; the order can ship.",
  });
}
