import type { SettingsDocument } from "../catalog/store-settings-repository";

// Which linked TikTok shop the store's catalog syncs to. A store may link several shops (one per region),
// but products, stock and prices go to one of them: the one the merchant chose, or — until they choose —
// the first shop that is connected. A paused shop is still returned when it is the only candidate, so
// sync waits for the merchant to reconnect it instead of silently moving to another region.
export interface CatalogShopCandidate {
  tiktokShopId: string;
  status: "active" | "paused" | "unlinked";
  syncsCatalog: boolean;
  linkedAt: Date;
}

export function pickCatalogShop<T extends CatalogShopCandidate>(links: readonly T[]): T | null {
  const usable = links.filter((l) => l.status !== "unlinked").sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
  return usable.find((l) => l.syncsCatalog) ?? usable.find((l) => l.status === "active") ?? usable[0] ?? null;
}

/**
 * Why the catalog cannot move to another shop now, or null when it can. Listings belong to the TikTok shop
 * they were created in; the app keeps one listing per product, so moving with listings in place would
 * leave them on the old shop with stock nobody updates.
 */
export function catalogShopChangeRefusal(input: { current: { name: string } | null; target: CatalogShopCandidate & { name: string }; listedProducts: number }): string | null {
  if (input.target.status === "unlinked") return `${input.target.name} is no longer linked. Connect it again first.`;
  if (input.listedProducts === 0 || !input.current) return null;
  const n = input.listedProducts;
  return `${n} product${n === 1 ? " is" : "s are"} already listed on ${input.current.name}. Listings stay in the shop they were created in, so the catalog can only move when none is listed there: stop syncing them with "Delete it from TikTok" chosen in Settings, then choose ${input.target.name} again.`;
}

/**
 * The settings document once the catalog moves to another TikTok shop: what the app looked up in the old
 * shop is forgotten so it is looked up again in the new one — its warehouses (stock would be sent to
 * warehouses the new shop does not have), its listing prerequisites, and the categories TikTok suggested
 * (each region has its own category tree). Rules the merchant wrote themselves are kept.
 */
export function settingsForNewCatalogShop(doc: SettingsDocument): SettingsDocument {
  const listing = { ...(doc.listing ?? {}) };
  delete listing.policies;
  delete listing.region; // re-derived with the region's currency, SKU limit and weight unit
  const mapping = Array.isArray(listing.categoryMapping) ? (listing.categoryMapping as Array<{ suggestedBy?: string; categoryId: string }>) : undefined;
  if (mapping) {
    const kept = mapping.filter((m) => m.suggestedBy !== "tiktok");
    listing.categoryMapping = kept;
    if (Array.isArray(listing.categoryRequirements)) {
      const used = new Set(kept.map((m) => m.categoryId));
      listing.categoryRequirements = (listing.categoryRequirements as Array<{ categoryId: string }>).filter((r) => used.has(r.categoryId));
    }
  }
  return { ...doc, listing, inventory: { ...(doc.inventory ?? {}), locationWarehouses: [], defaultWarehouseId: null } };
}
