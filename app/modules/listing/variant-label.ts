import type { ShopifyProduct, ShopifyVariant } from "./shopify-product";

/** How a merchant recognises a variant: "Blue / M", or "this product" when it has only the default variant. */
export function variantLabel(product: Pick<ShopifyProduct, "variants">, variant: ShopifyVariant): string {
  const real = variant.selectedOptions.filter((o) => !(o.name === "Title" && o.value === "Default Title"));
  if (product.variants.nodes.length <= 1 || real.length === 0) return "this product";
  return `variant ${real.map((o) => o.value).join(" / ")}`;
}
