// Use case (job "inventory.sync"): one inventory item's stock changed in Shopify; push that SKU's
// quantities (after the store's inventory rules) to TikTok through the inventory endpoint — no review.
// Reads the latest stock, so a burst of changes coalesced into one job still ends on the right number.
import type { ShopAdminGateways } from "../../integrations/shopify/shop-admin-gateways.server";
import { INVENTORY_ITEM_STOCK_QUERY, type InventoryItemStockResult } from "../../integrations/shopify/product-stock.graphql";
import { computeSkuInventory } from "../inventory/inventory-rules";
import type { ShopifyVariant } from "../listing/shopify-product";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import { resolveListingInput } from "./listing-context";
import type { StoreSettingsRepository } from "./store-settings-repository";
import type { SyncStateRepository } from "./sync-state-repository";

export interface SyncInventoryDeps {
  shopifyFor: ShopAdminGateways;
  tiktokFor: (shop: string) => Promise<TikTokShopSession>;
  state: SyncStateRepository;
  settings: StoreSettingsRepository;
}

export async function syncInventoryItem(deps: SyncInventoryDeps, request: { shop: string; inventoryItemId: string; trigger: string }): Promise<"not_linked" | "gone" | "updated"> {
  const { shop, inventoryItemId, trigger } = request;
  const started = performance.now();
  const link = await deps.state.skuLinkByInventoryItem(shop, inventoryItemId);
  if (!link) return "not_linked";
  const session = await deps.tiktokFor(shop);
  const shopify = await deps.shopifyFor(shop);
  const { inventoryItem } = await shopify.request<InventoryItemStockResult>(INVENTORY_ITEM_STOCK_QUERY, { id: inventoryItemId });
  const variant = inventoryItem?.variants.nodes[0];
  if (!inventoryItem || !variant) return "gone"; // deleted: the product sync retires the listing

  const input = await resolveListingInput({ settings: deps.settings, shopify, tiktok: session.api }, shop, session.link.region);
  const asVariant = {
    id: variant.id,
    inventoryPolicy: variant.inventoryPolicy,
    inventoryQuantity: inventoryItem.inventoryLevels.nodes.reduce((n, l) => n + (l.quantities.find((q) => q.name === "available")?.quantity ?? 0), 0),
    inventoryItem: { id: inventoryItem.id, tracked: inventoryItem.tracked, inventoryLevels: inventoryItem.inventoryLevels },
  } as unknown as ShopifyVariant; // computeSkuInventory reads only these fields
  const { inventory } = computeSkuInventory(asVariant, input.inventoryRules!, "skus[]", link.sellerSku);
  const result = await session.api.inventory.updateInventory(link.tiktokProductId, { skus: [{ id: link.tiktokSkuId, inventory }] });
  const errors = result.data.errors;
  await deps.state.recordEvent({
    shop,
    productId: link.productId,
    trigger,
    action: "inventory",
    outcome: errors.length ? "failed" : "ok",
    summary: errors.length
      ? `TikTok refused the stock update for ${link.sellerSku}: ${errors.map((e) => e.message).join("; ")}`
      : `Stock of ${link.sellerSku} is now ${inventory.reduce((n, i) => n + i.quantity, 0)} on TikTok.`,
    tiktokRequestId: result.requestId,
    detail: inventory,
    durationMs: Math.round(performance.now() - started),
  });
  if (errors.length) throw Object.assign(new Error(errors.map((e) => e.message).join("; ")), { retryable: false });
  return "updated";
}
