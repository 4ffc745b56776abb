// Use case (job "inventory.sync"): stock changed in Shopify for a synced product; push its SKUs' quantities
// (after the store's inventory rules) to TikTok through the inventory endpoint — no review. Quantities come
// from the stock ledger (kept current by inventory_levels/update), so a change costs no Admin API read;
// Shopify is read only when the ledger cannot be trusted (a level never seen, or two values in one second).
// One call per product carries every changed SKU; SKUs whose TikTok stock would not change are not sent.
import type { ShopAdminGateways } from "../../integrations/shopify/shop-admin-gateways.server";
import { availableQuantity, computeSkuInventory } from "../inventory/inventory-rules";
import { skusWithMovedWarehouses } from "../inventory/warehouse-change";
import type { ShopifyVariant } from "../listing/shopify-product";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import { resolveListingInput } from "./listing-context";
import { readProductStock } from "./read-product";
import type { StockLedgerRepository } from "./stock-ledger-repository";
import type { StoreSettingsRepository } from "./store-settings-repository";
import type { SyncStateRepository } from "./sync-state-repository";

export interface SyncInventoryDeps {
  /** Queues a full product sync (when stock must move to other TikTok warehouses, only an edit can). */
  resyncProduct: (shop: string, productId: string, trigger: string) => Promise<unknown>;
  shopifyFor: ShopAdminGateways;
  tiktokFor: (shop: string) => Promise<TikTokShopSession>;
  state: SyncStateRepository;
  ledger: StockLedgerRepository;
  settings: StoreSettingsRepository;
  /** Units TikTok sold that Shopify's available stock does not show yet (per TikTok SKU): never handed back to TikTok. */
  unitsSoldNotInShopify: (shop: string) => Promise<Map<string, number>>;
}

/** Levels less the units TikTok already sold that Shopify does not know of yet, taken from the fullest location first. */
export function withoutUnitsSold<T extends { available: number }>(levels: readonly T[], sold: number): T[] {
  const adjusted = levels.map((l) => ({ ...l }));
  let left = sold;
  for (const level of [...adjusted].sort((a, b) => b.available - a.available)) {
    const take = Math.min(left, Math.max(0, level.available));
    level.available -= take;
    left -= take;
  }
  return adjusted;
}

export type StockPushOutcome = "not_linked" | "gone" | "unchanged" | "updated" | "edit_needed";

export async function syncProductStock(deps: SyncInventoryDeps, request: { shop: string; productId: string; trigger: string }): Promise<StockPushOutcome> {
  const { shop, productId, trigger } = request;
  const started = performance.now();
  let links = await deps.state.skuLinks(shop, productId);
  if (links.length === 0) return "not_linked";
  const itemIds = links.map((l) => l.inventoryItemId).filter((id): id is string => id !== null);
  let levels = await deps.ledger.levelsFor(shop, itemIds);
  let readFromShopify = false;

  const trusted = links.every((l) => l.tracked !== null && l.inventoryPolicy !== null) && itemIds.every((id) => levels.some((v) => v.inventoryItemId === id)) && !levels.some((v) => v.uncertain);
  if (!trusted) {
    const stock = await readProductStock(await deps.shopifyFor(shop), productId, links.length);
    if (!stock) return "gone"; // deleted: the product sync retires the listing
    await deps.ledger.recordReads(shop, stock.map((v) => ({ inventoryItemId: v.inventoryItemId, levels: v.levels.map((l) => ({ locationId: l.location.id, available: availableQuantity(l), shopifyUpdatedAt: new Date(l.updatedAt) })) })));
    await deps.state.setVariantStockFacts(shop, stock.map((v) => ({ variantId: v.variantId, tracked: v.tracked, inventoryPolicy: v.inventoryPolicy })));
    links = await deps.state.skuLinks(shop, productId);
    levels = await deps.ledger.levelsFor(shop, itemIds);
    readFromShopify = true;
  }

  const session = await deps.tiktokFor(shop);
  const input = await resolveListingInput({ settings: deps.settings, shopify: await deps.shopifyFor(shop), tiktok: session.api }, shop, session.link.region);
  const changed: Array<{ id: string; variantId: string; sellerSku: string; inventory: Array<{ warehouse_id: string; quantity: number }> }> = [];
  const soldOnTikTok = await deps.unitsSoldNotInShopify(shop);
  for (const link of links) {
    const itemLevels = withoutUnitsSold(levels.filter((l) => l.inventoryItemId === link.inventoryItemId), soldOnTikTok.get(link.tiktokSkuId) ?? 0);
    const asVariant = {
      id: link.variantId,
      inventoryPolicy: link.inventoryPolicy ?? "DENY",
      inventoryQuantity: itemLevels.reduce((n, l) => n + l.available, 0),
      inventoryItem: {
        id: link.inventoryItemId ?? "",
        tracked: link.tracked ?? true,
        inventoryLevels: { nodes: itemLevels.map((l) => ({ location: { id: l.locationId, name: l.locationId }, quantities: [{ name: "available", quantity: l.available }] })) },
      },
    } as unknown as ShopifyVariant; // computeSkuInventory reads only these fields
    const { inventory } = computeSkuInventory(asVariant, input.inventoryRules!, "skus[]", link.sellerSku);
    if (inventory.length === 0) continue; // a blocking finding (no warehouse): the product sync reports it
    if (link.pushedStock === JSON.stringify(inventory)) continue;
    changed.push({ id: link.tiktokSkuId, variantId: link.variantId, sellerSku: link.sellerSku, inventory });
  }
  if (changed.length === 0) return "unchanged";

  // Stock that moved to other TikTok warehouses (the mapping changed since listing) only goes in a listing edit.
  const movedIds = new Set(skusWithMovedWarehouses(links, changed));
  const moved = changed.filter((c) => movedIds.has(c.variantId));
  if (moved.length) {
    await deps.state.update(shop, productId, { contentHash: null }); // the next product sync sends a full edit
    await deps.resyncProduct(shop, productId, "warehouse-change");
    await deps.state.recordEvent({
      shop, productId, trigger, action: "skip", outcome: "ok",
      summary: `Stock of ${moved.map((c) => c.sellerSku).join(", ")} now belongs in other TikTok warehouses; TikTok only accepts that as a listing edit, so the listing is updated (TikTok reviews it again).`,
      detail: moved,
      durationMs: Math.round(performance.now() - started),
    });
    return "edit_needed";
  }

  const tiktokProductId = links[0]!.tiktokProductId;
  const result = await session.api.inventory.updateInventory(tiktokProductId, { skus: changed.map((c) => ({ id: c.id, inventory: c.inventory })) });
  const errors = result.data.errors;
  // On any refusal nothing is marked as sent, so the next push sends every SKU again.
  if (errors.length === 0) await deps.state.setPushedStock(shop, changed);
  const total = (c: (typeof changed)[number]) => c.inventory.reduce((n, i) => n + i.quantity, 0);
  await deps.state.recordEvent({
    shop,
    productId,
    trigger,
    action: "inventory",
    outcome: errors.length ? "failed" : "ok",
    summary: errors.length
      ? `TikTok refused the stock update: ${errors.map((e) => e.message).join("; ")}`
      : `Stock on TikTok: ${changed.map((c) => `${c.sellerSku} ${total(c)}`).join(", ")}${readFromShopify ? " (read from Shopify)" : ""}.`,
    tiktokRequestId: result.requestId,
    detail: changed,
    durationMs: Math.round(performance.now() - started),
  });
  if (errors.length) throw Object.assign(new Error(errors.map((e) => e.message).join("; ")), { retryable: false });
  return "updated";
}
