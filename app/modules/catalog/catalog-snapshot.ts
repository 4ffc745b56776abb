// The catalog mirror's snapshot of a product: the listing mapper's input, kept so a sync needs no Admin
// API read when Shopify has not changed the product since. Built from the two catalog exports (products,
// then variants with their image and stock) in the same shape and sizes as PRODUCT_FOR_LISTING_QUERY, so
// a listing mapped from a snapshot is the listing mapped from a fresh read. Stock is the exception: the
// stock ledger (kept by inventory webhooks) is its truth, so a snapshot's levels are overlaid from it.
import { availableQuantity } from "../inventory/inventory-rules";
import type { ShopifyInventoryLevel, ShopifyMediaNode, ShopifyProduct, ShopifyVariant } from "../listing/shopify-product";
import type { LedgerLevel } from "./stock-ledger-repository";

/** The sizes PRODUCT_FOR_LISTING_QUERY asks for (a bulk export has no page sizes). */
const LIMITS = { collections: 5, media: 20, metafields: 20, variants: 100, variantMedia: 1 };

type Exported<T> = Omit<T, "collections" | "media" | "metafields" | "variants"> & Partial<Pick<ShopifyProduct, "collections" | "media" | "metafields">> & { variants?: { nodes: ExportedVariant[] } };
type ExportedVariant = Omit<ShopifyVariant, "media" | "inventoryItem"> & { media?: ShopifyVariant["media"]; inventoryItem: Omit<ShopifyVariant["inventoryItem"], "inventoryLevels"> & { inventoryLevels?: ShopifyVariant["inventoryItem"]["inventoryLevels"] } };
/** A product line of the products export, its connections assembled (absent when empty). */
export type ExportedProduct = Exported<ShopifyProduct>;

/** A line of the variants export, assembled; its levels hang on the inventory item or the variant. */
export interface ExportedVariantExtras {
  id: string;
  product: { id: string };
  media?: { nodes: ShopifyMediaNode[] };
  inventoryItem: { id: string; inventoryLevels?: { nodes: Array<ShopifyInventoryLevel & { id?: string }> } };
  inventoryLevels?: { nodes: Array<ShopifyInventoryLevel & { id?: string }> };
}

/** The export's product as a (not yet complete) snapshot: variant images and stock come with the variants export. */
export function snapshotFromProductExport(exported: ExportedProduct): ShopifyProduct {
  const variants = [...(exported.variants?.nodes ?? [])].sort((a, b) => a.position - b.position).slice(0, LIMITS.variants);
  return {
    ...exported,
    collections: { nodes: (exported.collections?.nodes ?? []).slice(0, LIMITS.collections) },
    media: { nodes: (exported.media?.nodes ?? []).slice(0, LIMITS.media) },
    metafields: { nodes: (exported.metafields?.nodes ?? []).slice(0, LIMITS.metafields).map(({ namespace, key, type, value }) => ({ namespace, key, type, value })) },
    variants: { nodes: variants as ShopifyVariant[] },
  };
}

export function levelsOfExportedVariant(variant: ExportedVariantExtras): ShopifyInventoryLevel[] {
  const nodes = variant.inventoryItem.inventoryLevels?.nodes ?? variant.inventoryLevels?.nodes ?? [];
  return nodes.map(({ updatedAt, location, quantities }) => ({ updatedAt, location, quantities }));
}

/** Adds the variants export's image and stock to the snapshot's variants; true when the snapshot changed. */
export function addVariantExtras(snapshot: ShopifyProduct, extras: ReadonlyMap<string, ExportedVariantExtras>): boolean {
  let changed = false;
  for (const variant of snapshot.variants.nodes) {
    const found = extras.get(variant.id);
    if (!found) continue;
    variant.media = { nodes: (found.media?.nodes ?? []).slice(0, LIMITS.variantMedia) };
    variant.inventoryItem = { ...variant.inventoryItem, inventoryLevels: { nodes: levelsOfExportedVariant(found) } };
    changed = true;
  }
  return changed;
}

/** Every variant has its image and stock: the snapshot can stand in for a read. */
export function isCompleteSnapshot(snapshot: ShopifyProduct): boolean {
  return snapshot.variants.nodes.every((v) => v.media && v.inventoryItem?.inventoryLevels);
}

/**
 * The snapshot as a read would return it now: per variant, the ledger's levels (a location the snapshot
 * named keeps its name). Null when the ledger cannot say for sure (a level whose order it could not
 * judge), so the caller reads Shopify instead.
 */
export function withLedgerStock(snapshot: ShopifyProduct, ledger: readonly LedgerLevel[]): ShopifyProduct | null {
  if (ledger.some((l) => l.uncertain)) return null;
  const byItem = new Map<string, LedgerLevel[]>();
  for (const level of ledger) byItem.set(level.inventoryItemId, [...(byItem.get(level.inventoryItemId) ?? []), level]);
  return {
    ...snapshot,
    variants: {
      nodes: snapshot.variants.nodes.map((variant) => {
        const names = new Map(variant.inventoryItem.inventoryLevels.nodes.map((l) => [l.location.id, l.location.name]));
        const levels: ShopifyInventoryLevel[] = (byItem.get(variant.inventoryItem.id) ?? []).map((l) => ({
          updatedAt: l.shopifyUpdatedAt.toISOString().replace(".000Z", "Z"), // as Shopify writes it
          location: { id: l.locationId, name: names.get(l.locationId) ?? l.locationId },
          quantities: [{ name: "available", quantity: l.available }],
        }));
        return {
          ...variant,
          inventoryQuantity: levels.reduce((n, l) => n + availableQuantity(l), 0),
          inventoryItem: { ...variant.inventoryItem, inventoryLevels: { nodes: levels } },
        };
      }),
    },
  };
}
