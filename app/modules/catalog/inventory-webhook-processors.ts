// inventory_levels/update and inventory_items/update: when the item belongs to a synced SKU, record the
// new level in the stock ledger (stale and duplicate deliveries change nothing) and queue one debounced
// stock push for its product, which sends whatever the ledger holds by then. Levels arrive in bursts, so
// they are processed as a batch: one lookup of the SKUs, one ledger read and write, one push per product.
import { inventoryItemWebhookPayload, inventoryLevelWebhookPayload, parseShopifyJson } from "../../integrations/shopify/shopify-webhook-payloads";
import type { LevelJudgement } from "../inventory/stock-level-ordering";
import type { WebhookBatchProcessor, WebhookProcessor } from "../webhooks/process-webhook-delivery";
import type { StockLedgerRepository } from "./stock-ledger-repository";
import type { StockPushScheduler } from "./sync-jobs";
import type { SyncStateRepository } from "./sync-state-repository";

interface InventoryWebhookDeps {
  state: SyncStateRepository;
  ledger: StockLedgerRepository;
  pushStock: StockPushScheduler;
}

const NOT_SYNCED = { ignored: "inventory item of a product not synced to TikTok" };
const IGNORED: Partial<Record<LevelJudgement, { ignored: string }>> = {
  stale: { ignored: "older than the stock already recorded for this location" },
  duplicate: { ignored: "same stock as already recorded" },
};

export function createInventoryLevelBatchProcessors(deps: InventoryWebhookDeps): Record<string, WebhookBatchProcessor> {
  return {
    "shopify:inventory_levels/update": async (deliveries) => {
      const results: Array<void | { ignored: string }> = new Array(deliveries.length);
      const byShop = new Map<string, number[]>();
      deliveries.forEach((d, i) => byShop.set(d.shop, byShop.get(d.shop) ?? []).get(d.shop)!.push(i));
      for (const [shop, indexes] of byShop) {
        const levels = indexes.map((i) => inventoryLevelWebhookPayload.parse(parseShopifyJson(deliveries[i]!.payload)));
        const productOf = await deps.state.productsByInventoryItem(shop, levels.map((l) => l.inventoryItemId));
        const synced = indexes.map((i, n) => ({ index: i, level: levels[n]! })).filter(({ level }) => productOf.has(level.inventoryItemId));
        for (const i of indexes) results[i] = NOT_SYNCED;
        // Shopify sends null for an item it does not track; the push then follows the untracked rule.
        const judgements = await deps.ledger.applyWebhookLevels(shop, synced.map(({ level }) => ({ inventoryItemId: level.inventoryItemId, locationId: level.locationId, available: level.available ?? 0, shopifyUpdatedAt: level.updatedAt })));
        const toPush = new Set<string>();
        synced.forEach(({ index, level }, n) => {
          results[index] = IGNORED[judgements[n]!];
          if (!IGNORED[judgements[n]!]) toPush.add(productOf.get(level.inventoryItemId)!);
        });
        for (const productId of toPush) await deps.pushStock(shop, productId, "webhook:inventory_levels/update");
      }
      return results;
    },
  };
}

export function createInventoryItemProcessors(deps: InventoryWebhookDeps): Record<string, WebhookProcessor> {
  return {
    "shopify:inventory_items/update": async ({ shop, topic, payload }) => {
      const item = inventoryItemWebhookPayload.parse(parseShopifyJson(payload));
      const link = await deps.state.skuLinkByInventoryItem(shop, item.inventoryItemId);
      if (!link) return NOT_SYNCED;
      await deps.state.setItemTracked(shop, item.inventoryItemId, item.tracked);
      await deps.pushStock(shop, link.productId, `webhook:${topic}`);
    },
  };
}
