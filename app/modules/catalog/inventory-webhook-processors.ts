// inventory_levels/update and inventory_items/update: when the item belongs to a synced SKU, queue one
// coalesced stock push for it (the job reads the latest stock, so order and duplicates do not matter).
import { inventoryItemWebhookPayload, inventoryLevelWebhookPayload, parseShopifyJson } from "../../integrations/shopify/shopify-webhook-payloads";
import type { JobQueue } from "../../jobs/job-queue";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import { enqueueInventorySync } from "./sync-jobs";
import type { SyncStateRepository } from "./sync-state-repository";

export function createInventoryWebhookProcessors(deps: { state: SyncStateRepository; queue: JobQueue }): Record<string, WebhookProcessor> {
  const forItem = async (shop: string, inventoryItemId: string, trigger: string) => {
    if (!(await deps.state.skuLinkByInventoryItem(shop, inventoryItemId))) return { ignored: "inventory item of a product not synced to TikTok" };
    await enqueueInventorySync(deps.queue, shop, inventoryItemId, trigger);
  };
  return {
    "shopify:inventory_levels/update": ({ shop, topic, payload }) => forItem(shop, inventoryLevelWebhookPayload.parse(parseShopifyJson(payload)).inventoryItemId, `webhook:${topic}`),
    "shopify:inventory_items/update": ({ shop, topic, payload }) => forItem(shop, inventoryItemWebhookPayload.parse(parseShopifyJson(payload)).inventoryItemId, `webhook:${topic}`),
  };
}
