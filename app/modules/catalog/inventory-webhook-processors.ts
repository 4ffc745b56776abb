// inventory_levels/update and inventory_items/update: when the item belongs to a synced SKU, record the
// new level in the stock ledger (stale and duplicate deliveries change nothing) and queue one debounced
// stock push for its product, which sends whatever the ledger holds by then.
import { inventoryItemWebhookPayload, inventoryLevelWebhookPayload, parseShopifyJson } from "../../integrations/shopify/shopify-webhook-payloads";
import type { JobQueue } from "../../jobs/job-queue";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import type { StockLedgerRepository } from "./stock-ledger-repository";
import { enqueueStockPush, type StockPushTiming } from "./sync-jobs";
import type { SyncStateRepository } from "./sync-state-repository";

export function createInventoryWebhookProcessors(deps: { state: SyncStateRepository; ledger: StockLedgerRepository; queue: JobQueue; timing?: StockPushTiming }): Record<string, WebhookProcessor> {
  const notSynced = { ignored: "inventory item of a product not synced to TikTok" };
  return {
    "shopify:inventory_levels/update": async ({ shop, topic, payload }) => {
      const level = inventoryLevelWebhookPayload.parse(parseShopifyJson(payload));
      const link = await deps.state.skuLinkByInventoryItem(shop, level.inventoryItemId);
      if (!link) return notSynced;
      // Shopify sends null for an item it does not track; the push then follows the untracked rule.
      const judgement = await deps.ledger.applyWebhookLevel(shop, { inventoryItemId: level.inventoryItemId, locationId: level.locationId, available: level.available ?? 0, shopifyUpdatedAt: level.updatedAt });
      if (judgement === "stale") return { ignored: "older than the stock already recorded for this location" };
      if (judgement === "duplicate") return { ignored: "same stock as already recorded" };
      await enqueueStockPush(deps.queue, shop, link.productId, `webhook:${topic}`, deps.timing);
    },
    "shopify:inventory_items/update": async ({ shop, topic, payload }) => {
      const item = inventoryItemWebhookPayload.parse(parseShopifyJson(payload));
      const link = await deps.state.skuLinkByInventoryItem(shop, item.inventoryItemId);
      if (!link) return notSynced;
      await deps.state.setItemTracked(shop, item.inventoryItemId, item.tracked);
      await enqueueStockPush(deps.queue, shop, link.productId, `webhook:${topic}`, deps.timing);
    },
  };
}
