// Use case (job "orders.push-tracking"): a fulfilment made in Shopify for an imported TikTok order marks its
// lines shipped on TikTok (Mark Package As Shipped, by TikTok line id, so split shipments stay split), with
// the carrier mapped to one of TikTok's providers. A changed tracking number is corrected within TikTok's 72
// hours. Mark As Shipped is not safe to repeat, so a shipment is recorded before it is sent; after a lost
// answer TikTok's order says whether the lines already carry the tracking.
import type { FulfillmentWebhook } from "../../integrations/shopify/shopify-webhook-payloads";
import { tiktokProviderFor } from "./carrier-mapping";
import { carrierUnknown } from "./order-problems";
import type { OrderSyncDeps } from "./order-sync-deps";
import type { Shipment, TikTokOrderRecord } from "./tiktok-order-repository";

export type TrackingOutcome =
  | "not_tiktok"
  | "not_seller_shipped"
  | "no_tracking"
  | "unknown_carrier"
  | "sent"
  | "corrected"
  | "unchanged";

export async function pushTracking(
  deps: OrderSyncDeps,
  shop: string,
  fulfillment: FulfillmentWebhook
): Promise<TrackingOutcome> {
  const record = await deps.orders.byShopifyOrder(shop, fulfillment.shopifyOrderId);
  if (!record) return "not_tiktok";
  if (record.fulfillmentType === "FULFILLMENT_BY_TIKTOK" || fulfillment.status === "cancelled")
    return "not_seller_shipped";
  const event = (outcome: "ok" | "failed" | "skipped", summary: string, requestId?: string) =>
    deps.orders.recordEvent(shop, record.tiktokOrderId, { action: "ship", outcome, summary, requestId });
  if (!fulfillment.trackingNumber || !fulfillment.trackingCompany) {
    await event(
      "skipped",
      "A Shopify fulfilment without a tracking number and carrier was not sent to TikTok, which needs both. Add the tracking to the fulfilment in Shopify."
    );
    return "no_tracking";
  }
  const session = await deps.tiktokFor(shop, record.tiktokShopId);
  const { data } = await session.api.orders.getDetails([record.tiktokOrderId]);
  const order = data.orders[0];
  // TikTok's carrier ships these: its tracking comes from TikTok (mirror-tiktok-shipment.ts), never goes back.
  if (order?.shipping_type === "TIKTOK") return "not_seller_shipped";
  const providers = order?.delivery_option_id
    ? (await session.api.logistics.getShippingProviders(order.delivery_option_id)).data.shipping_providers
    : [];
  const provider = tiktokProviderFor(fulfillment.trackingCompany, providers, await deps.mappedCarriers(shop));
  const known = record.shipments.find((s) => s.fulfillmentId === fulfillment.fulfillmentId);
  if (!provider) {
    const problem = carrierUnknown(
      fulfillment.trackingCompany,
      providers.map((p) => p.name)
    );
    const lineIds = known?.lineIds ?? tiktokLinesOf(record, fulfillment.lineItems);
    await saveShipment(deps, record, {
      fulfillmentId: fulfillment.fulfillmentId,
      trackingNumber: fulfillment.trackingNumber,
      providerId: "",
      lineIds,
      state: "failed",
      company: fulfillment.trackingCompany,
    });
    await deps.orders.update(shop, record.tiktokOrderId, { problem });
    await event("failed", `${problem.message} ${problem.fix}`);
    return "unknown_carrier";
  }
  if (record.problem?.code === "CARRIER_UNKNOWN")
    await deps.orders.update(shop, record.tiktokOrderId, { problem: null });
  if (known?.state === "sent") return correctTracking(deps, record, known, fulfillment.trackingNumber, provider.id);
  const lineIds = known?.lineIds ?? tiktokLinesOf(record, fulfillment.lineItems);
  if (
    known?.state === "sending" &&
    order?.line_items.some((l) => lineIds.includes(l.id) && l.tracking_number === fulfillment.trackingNumber)
  ) {
    await saveShipment(deps, record, { ...known, state: "sent" });
    return "sent";
  }
  const shipment: Shipment = {
    fulfillmentId: fulfillment.fulfillmentId,
    trackingNumber: fulfillment.trackingNumber,
    providerId: provider.id,
    lineIds,
    state: "sending",
  };
  await saveShipment(deps, record, shipment);
  const result = await session.api.fulfillment
    .markPackageShipped(record.tiktokOrderId, {
      tracking_number: shipment.trackingNumber,
      shipping_provider_id: provider.id,
      order_line_item_ids: lineIds,
    })
    .catch(async (error: Error & { retryable?: boolean }) => {
      // Refused (not a lost answer): nothing was shipped, so the next fulfilment update may send it again.
      if (error.retryable === false) await saveShipment(deps, record, { ...shipment, state: "failed" });
      await event("failed", `TikTok refused to mark the lines shipped: ${error.message}`);
      throw error;
    });
  await saveShipment(deps, record, { ...shipment, state: "sent", packageId: result.data.package_id });
  const warning =
    typeof result.data.warning === "object" && result.data.warning !== null
      ? (result.data.warning as { message?: string }).message
      : typeof result.data.warning === "string"
      ? result.data.warning
      : "";
  await event(
    warning ? "failed" : "ok",
    `Marked ${lineIds.length} unit${lineIds.length === 1 ? "" : "s"} shipped on TikTok with ${provider.name} ${
      shipment.trackingNumber
    }.${warning ? ` TikTok warns: ${warning}` : ""}`,
    result.requestId
  );
  return "sent";
}

/** The TikTok line ids of the fulfilled Shopify lines (as many as the quantity), skipping lines already shipped. */
export function tiktokLinesOf(
  record: TikTokOrderRecord,
  lineItems: ReadonlyArray<{ lineItemId: string; quantity: number }>
): string[] {
  const shipped = new Set(record.shipments.flatMap((s) => s.lineIds));
  const picked: string[] = [];
  for (const { lineItemId, quantity } of lineItems) {
    const candidates = Object.entries(record.lineMap).filter(
      ([tiktokLine, shopifyLine]) =>
        shopifyLine === lineItemId && !shipped.has(tiktokLine) && !picked.includes(tiktokLine)
    );
    picked.push(...candidates.slice(0, quantity).map(([tiktokLine]) => tiktokLine));
  }
  return picked;
}

async function correctTracking(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  shipment: Shipment,
  trackingNumber: string,
  providerId: string
): Promise<TrackingOutcome> {
  if (shipment.trackingNumber === trackingNumber && shipment.providerId === providerId) return "unchanged";
  const { api } = await deps.tiktokFor(record.shop, record.tiktokShopId);
  const body = { tracking_number: trackingNumber, shipping_provider_id: providerId };
  const result = shipment.packageId
    ? await api.fulfillment.updatePackageShippingInfo(shipment.packageId, body)
    : await api.fulfillment.updateOrderShippingInfo(record.tiktokOrderId, body);
  await saveShipment(deps, record, { ...shipment, trackingNumber, providerId });
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "ship",
    outcome: "ok",
    summary: `Tracking corrected on TikTok: ${trackingNumber}.`,
    requestId: result.requestId,
  });
  return "corrected";
}

async function saveShipment(deps: OrderSyncDeps, record: TikTokOrderRecord, shipment: Shipment): Promise<void> {
  record.shipments = [...record.shipments.filter((s) => s.fulfillmentId !== shipment.fulfillmentId), shipment];
  await deps.orders.update(record.shop, record.tiktokOrderId, { shipments: record.shipments });
}
