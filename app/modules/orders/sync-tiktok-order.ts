// Use case (job "orders.sync", one per TikTok order at a time): read the order from TikTok, record it, and
// take the next step — reserve during the hold, import when it awaits shipment, finish the import, release
// or cancel when it is cancelled. Webhooks, the safety-net search and "Retry" all just run this again.
import Decimal from "decimal.js";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import { cancelShopifyOrder } from "./cancel-shopify-order";
import { applyRemorseHold, releaseReservation, sendExternalReference } from "./finish-import";
import { findImportedOrder, importOrder } from "./import-order";
import { groupOrderLines } from "./order-lines";
import { mirrorTikTokShipment, tiktokShipmentOf } from "./mirror-tiktok-shipment";
import { describeOrderFailure } from "./order-failure";
import { nextOrderStep, TIKTOK_SHIPMENT_ID, type OrderStep } from "./order-steps";
import type { OrderSyncDeps } from "./order-sync-deps";
import { reserveStock } from "./reserve-stock";
import type { TikTokOrderFacts, TikTokOrderRecord } from "./tiktok-order-repository";

export interface OrderSyncRequest {
  shop: string;
  tiktokShopId: string;
  tiktokOrderId: string;
  trigger: string;
}

const at = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000) : null);

export function orderFacts(order: TikTokOrder): TikTokOrderFacts {
  const lines = groupOrderLines(order);
  const payment = order.payment as Record<string, string | undefined>;
  const platformDiscount = lines
    .reduce((sum, l) => sum.plus(l.platformDiscount), new Decimal(0))
    .plus(payment.shipping_fee_platform_discount || "0");
  return {
    tiktokStatus: order.status,
    cancelRequested: order.is_buyer_request_cancel === true,
    tiktokUpdatedAt: at(order.update_time ?? order.create_time)!,
    placedAt: at(order.create_time)!,
    paidAt: at(order.paid_time),
    fulfillmentType: order.fulfillment_type ?? "FULFILLMENT_BY_SELLER",
    lines,
    currency: order.payment.currency,
    buyerPaid: order.payment.total_amount,
    platformDiscount: platformDiscount.toFixed(2),
  };
}

export async function syncTikTokOrder(
  deps: OrderSyncDeps,
  request: OrderSyncRequest
): Promise<OrderStep | "not_found"> {
  const { shop, tiktokShopId, tiktokOrderId } = request;
  const session = await deps.tiktokFor(shop, tiktokShopId);
  const { data } = await session.api.orders.getDetails([tiktokOrderId]);
  const order = data.orders.find((o) => o.id === tiktokOrderId);
  if (!order) return "not_found";
  const record = await deps.orders.recordRead(shop, tiktokShopId, tiktokOrderId, orderFacts(order));
  const step = nextOrderStep(
    record,
    { onHoldOrder: order.is_on_hold_order === true, tiktokShipped: tiktokShipmentOf(order) !== null },
    deps.now()
  );
  try {
    await runStep(deps, session, step, record, order);
  } catch (error) {
    const failure = describeOrderFailure(error);
    if (failure) await deps.orders.recordEvent(shop, tiktokOrderId, failure);
    throw error;
  }
  return step;
}

async function runStep(
  deps: OrderSyncDeps,
  session: TikTokShopSession,
  step: OrderStep,
  record: TikTokOrderRecord,
  order: TikTokOrder
): Promise<void> {
  const { shop, tiktokOrderId } = record;
  switch (step) {
    case "reserve":
      await reserveStock(deps, record);
      return;
    case "import":
      return importAndFinish(deps, session, record, order);
    case "finish":
      return finish(deps, session, record, order);
    case "release":
      await releaseReservation(deps, record, "the order was cancelled on TikTok");
      if (record.state !== "skipped") await deps.orders.update(shop, tiktokOrderId, { state: "cancelled" });
      return;
    case "mark_cancelled":
      await deps.orders.recordEvent(shop, tiktokOrderId, {
        action: "cancel",
        outcome: "ok",
        summary: "Cancelled on TikTok before it reached Shopify: nothing to undo.",
      });
      await deps.orders.update(shop, tiktokOrderId, { state: "cancelled", problem: null });
      return;
    case "cancel_in_shopify":
      return cancelShopifyOrder(deps, record, order);
    case "none":
      return;
  }
}

async function importAndFinish(
  deps: OrderSyncDeps,
  session: TikTokShopSession,
  record: TikTokOrderRecord,
  order: TikTokOrder
): Promise<void> {
  const { shop, tiktokOrderId } = record;
  const outcome = await importOrder(deps, record, order, session.link.region);
  if (outcome.kind === "problem") {
    await deps.orders.recordEvent(shop, tiktokOrderId, {
      action: "problem",
      outcome: "failed",
      summary: `${outcome.problem.message} ${outcome.problem.fix}`,
    });
    await deps.orders.update(shop, tiktokOrderId, { state: "problem", problem: outcome.problem });
    return;
  }
  if (outcome.kind === "foreign") {
    await deps.orders.recordEvent(shop, tiktokOrderId, {
      action: "import",
      outcome: "skipped",
      summary: `TikTok's own Shopify channel already created this order (${outcome.order.name}); the app did not create a second one.`,
    });
    await deps.orders.update(shop, tiktokOrderId, {
      state: "skipped",
      shopifyOrderName: outcome.order.name,
      problem: null,
    });
    await releaseReservation(deps, { ...record, state: "skipped" }, "another app imported the order");
    return;
  }
  const imported = {
    ...record,
    state: "imported" as const,
    shopifyOrderId: outcome.order.id,
    shopifyOrderName: outcome.order.name,
    problem: null,
    createIntentAt: null,
  };
  // Timeline entries are written before the state they explain, so whoever sees the state finds its story.
  await deps.orders.recordEvent(shop, tiktokOrderId, {
    action: "import",
    outcome: "ok",
    summary:
      outcome.kind === "created"
        ? `Created Shopify order ${outcome.order.name} (paid through TikTok Shop).`
        : `Found Shopify order ${outcome.order.name}, created by an earlier attempt whose answer was lost; no second order was created.`,
  });
  await deps.orders.update(shop, tiktokOrderId, {
    state: "imported",
    shopifyOrderId: outcome.order.id,
    shopifyOrderName: outcome.order.name,
    problem: null,
    createIntentAt: null,
  });
  await finish(deps, session, imported, order, outcome.order);
}

async function finish(
  deps: OrderSyncDeps,
  session: TikTokShopSession,
  record: TikTokOrderRecord,
  order: TikTokOrder,
  shopifyOrder?: Parameters<typeof sendExternalReference>[3]
): Promise<void> {
  if (!record.referenceSent) {
    const found =
      shopifyOrder ?? (await findImportedOrder(await deps.shopifyFor(record.shop), record.tiktokOrderId)).ours;
    if (found) await sendExternalReference(deps, session, record, found);
  }
  await releaseReservation(deps, record, "the Shopify order now holds them");
  await applyRemorseHold(deps, record, order.is_on_hold_order === true);
  const shipment = tiktokShipmentOf(order);
  if (shipment && !record.shipments.some((s) => s.fulfillmentId === TIKTOK_SHIPMENT_ID))
    await mirrorTikTokShipment(deps, await reread(deps, record), shipment);
}

/** The record as stored now (earlier finishing steps changed it). */
async function reread(deps: OrderSyncDeps, record: TikTokOrderRecord): Promise<TikTokOrderRecord> {
  return (await deps.orders.get(record.shop, record.tiktokOrderId)) ?? record;
}
