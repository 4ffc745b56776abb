// A stable content hash of a listing, split by what TikTok does with a change: price and stock updates
// bypass review; anything else re-triggers it (contract §4.5). Images are hashed by their Shopify source,
// so uploading them (placeholder → TikTok uri) changes no hash.
import { createHash } from "node:crypto";
import type { ImageRef } from "./image-refs";
import type { TikTokListingBody } from "./tiktok-listing-body";

export interface ListingFingerprint {
  content: string;
  price: string;
  inventory: string;
  /** Hash of the three above: equal means "no API call needed". */
  all: string;
}

export type ListingChange =
  | { kind: "new" }
  | { kind: "unchanged" }
  | { kind: "price_only"; reReview: false }
  | { kind: "inventory_only"; reReview: false }
  | { kind: "price_and_inventory"; reReview: false }
  | { kind: "content"; reReview: true; alsoPrice: boolean; alsoInventory: boolean };

/** JSON with sorted keys and no undefined members: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function sourceOf(references: ReadonlyMap<string, string>, reference: string): string {
  return `source:${references.get(reference) ?? reference}`;
}

export function computeFingerprint(body: TikTokListingBody, imageRefs: readonly ImageRef[]): ListingFingerprint {
  const references = new Map(imageRefs.map((r) => [r.reference, r.sourceUrl]));
  let description = body.description;
  // Longest first so a reference that prefixes another is not replaced inside it.
  for (const ref of [...references.keys()].sort((a, b) => b.length - a.length)) description = description.split(ref).join(sourceOf(references, ref));
  const bySku = [...body.skus].sort((a, b) => ((a.external_sku_id ?? a.seller_sku ?? "") < (b.external_sku_id ?? b.seller_sku ?? "") ? -1 : 1));
  const content = {
    ...body,
    idempotency_key: undefined,
    description,
    main_images: body.main_images.map((i) => sourceOf(references, i.uri)),
    skus: bySku.map((s) => ({
      seller_sku: s.seller_sku,
      external_sku_id: s.external_sku_id,
      identifier_code: s.identifier_code,
      sales_attributes: s.sales_attributes?.map((a) => ({ ...a, sku_img: a.sku_img ? sourceOf(references, a.sku_img.uri) : undefined })),
      warehouses: s.inventory.map((i) => i.warehouse_id).sort(),
    })),
  };
  const price = bySku.map((s) => ({ sku: s.external_sku_id ?? s.seller_sku, price: s.price, list_price: s.list_price, external_list_prices: s.external_list_prices }));
  const inventory = bySku.map((s) => ({ sku: s.external_sku_id ?? s.seller_sku, inventory: [...s.inventory].sort((a, b) => (a.warehouse_id < b.warehouse_id ? -1 : 1)) }));
  const hashes = { content: sha256(canonicalJson(content)), price: sha256(canonicalJson(price)), inventory: sha256(canonicalJson(inventory)) };
  return { ...hashes, all: sha256(`${hashes.content}:${hashes.price}:${hashes.inventory}`) };
}

export function classifyChange(previous: ListingFingerprint | null, next: ListingFingerprint): ListingChange {
  if (!previous) return { kind: "new" };
  const content = previous.content !== next.content;
  const price = previous.price !== next.price;
  const inventory = previous.inventory !== next.inventory;
  if (content) return { kind: "content", reReview: true, alsoPrice: price, alsoInventory: inventory };
  if (price && inventory) return { kind: "price_and_inventory", reReview: false };
  if (price) return { kind: "price_only", reReview: false };
  if (inventory) return { kind: "inventory_only", reReview: false };
  return { kind: "unchanged" };
}
