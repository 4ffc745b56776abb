// Checks across products: TikTok maps SKUs back by seller SKU, so one SKU on two products is ambiguous.
import { warning, type Finding } from "./finding";
import type { TikTokListingBody } from "./tiktok-listing-body";

export function duplicateSellerSkuFindings(listings: ReadonlyArray<{ handle: string; body: TikTokListingBody }>): Map<string, Finding[]> {
  const owners = new Map<string, string[]>();
  for (const { handle, body } of listings) {
    for (const sku of body.skus) {
      if (!sku.seller_sku) continue;
      const list = owners.get(sku.seller_sku) ?? [];
      if (!list.includes(handle)) list.push(handle);
      owners.set(sku.seller_sku, list);
    }
  }
  const out = new Map<string, Finding[]>();
  for (const [sku, handles] of owners) {
    if (handles.length < 2) continue;
    for (const handle of handles) {
      const others = handles.filter((h) => h !== handle);
      const list = out.get(handle) ?? [];
      list.push(warning("SELLER_SKU_SHARED", "skus[].seller_sku", `The SKU ${sku} is also used by ${others.join(", ")}; orders and stock on TikTok could be matched to the wrong product.`, `Give each product its own SKU in Shopify, or sync only one of the duplicates (${[handle, ...others].join(", ")}).`));
      out.set(handle, list);
    }
  }
  return out;
}
