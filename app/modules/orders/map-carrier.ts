// The merchant says which TikTok carrier a Shopify tracking company is (once: it is remembered for every
// order), and the shipments that waited on it are sent to TikTok.
import type { JobQueue } from "../../jobs/job-queue";
import type { StoreSettingsRepository } from "../catalog/store-settings-repository";
import { enqueueTrackingPush } from "./order-jobs";
import type { OrderSyncDeps } from "./order-sync-deps";

/** TikTok's carriers for the order's delivery option (what the merchant chooses from). */
export async function carrierChoices(deps: OrderSyncDeps, shop: string, tiktokOrderId: string): Promise<string[]> {
  const record = await deps.orders.get(shop, tiktokOrderId);
  if (!record) return [];
  const { api } = await deps.tiktokFor(shop, record.tiktokShopId);
  const order = (await api.orders.getDetails([tiktokOrderId])).data.orders[0];
  if (!order?.delivery_option_id) return [];
  return (await api.logistics.getShippingProviders(order.delivery_option_id)).data.shipping_providers.map(
    (p) => p.name
  );
}

export async function mapCarrier(
  deps: OrderSyncDeps & { settings: StoreSettingsRepository; queue: JobQueue },
  shop: string,
  tiktokOrderId: string,
  choice: { company: string; provider: string }
): Promise<{ ok: boolean; message: string }> {
  const record = await deps.orders.get(shop, tiktokOrderId);
  if (!record?.shopifyOrderId)
    return { ok: false, message: "This order is not in Shopify yet: there is no shipment to send." };
  await deps.settings.update(shop, (doc) => ({
    ...doc,
    carriers: { ...doc.carriers, [choice.company]: choice.provider },
  }));
  const waiting = record.shipments.filter((s) => s.state === "failed" && s.company === choice.company);
  for (const shipment of waiting) {
    await enqueueTrackingPush(deps.queue, shop, {
      fulfillmentId: shipment.fulfillmentId,
      shopifyOrderId: record.shopifyOrderId,
      status: "success",
      trackingCompany: choice.company,
      trackingNumber: shipment.trackingNumber,
      lineItems: [],
    });
  }
  return {
    ok: true,
    message: `"${choice.company}" is now sent to TikTok as ${choice.provider}${
      waiting.length ? "; this order's shipment is on its way to TikTok" : ""
    }.`,
  };
}
