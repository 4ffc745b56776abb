// What a merchant does by hand in TikTok Seller Center, outside the app: list a product on their TikTok
// shop themselves. The simulator is driven through TikTok's own API (signed, with the seller's token) as
// Seller Center would, so the app learns of the listing only the way it would in production.
import type { TikTokSandbox } from "../../sandbox/tiktok/server";
import { makeCaller, pngBytes, uploadImage } from "../integration/tiktok-sandbox/signed-client";
import { eventually } from "./eventually";

export interface HandListing {
  title: string;
  sellerSku: string;
  /** USD, decimal string. */
  price: string;
  quantity: number;
  /** A leaf of the simulator's US v2 tree whose only required attributes are sales attributes (default: Tops & Blouses). */
  categoryId?: string;
}

/** Lists a one-SKU product on a seeded TikTok shop and waits until TikTok's review made it live. */
export async function listProductByHand(tiktok: TikTokSandbox, shopId: string, listing: HandListing): Promise<{ productId: string; skuId: string }> {
  const { appKey, appSecret } = tiktok.simulator.options;
  const tokenResponse = await fetch(`${tiktok.url}/sandbox/seller-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shop_id: shopId }) });
  const { access_token: token, shop_cipher: cipher } = (await tokenResponse.json()) as { access_token: string; shop_cipher: string };
  const call = makeCaller(tiktok.url, appKey, appSecret, () => tiktok.nowSeconds() * 1000);
  const image = await uploadImage(tiktok.url, appKey, appSecret, token, pngBytes(800, 800));
  if (image.code !== 0) throw new Error(`Image upload refused: ${image.code} ${image.message}`);
  const warehouse = tiktok.state.shops.get(shopId)?.warehouses.find((w) => w.type === "SALES_WAREHOUSE" && w.is_default);
  if (!warehouse) throw new Error(`TikTok shop ${shopId} has no default sales warehouse`);
  const created = await call("/product/202309/products", {
    token, cipher,
    body: {
      title: listing.title, description: `<p>${listing.title}.</p>`, category_id: listing.categoryId ?? "601166", category_version: "v2",
      main_images: [{ uri: image.data.uri }], package_weight: { value: "0.3", unit: "KILOGRAM" },
      package_dimensions: { length: "30", width: "20", height: "3", unit: "CENTIMETER" },
      skus: [{ seller_sku: listing.sellerSku, price: { amount: listing.price, currency: "USD" }, inventory: [{ warehouse_id: warehouse.id, quantity: listing.quantity }] }],
    },
  });
  if (created.code !== 0) throw new Error(`TikTok refused the listing: ${created.code} ${created.message}`);
  const productId = String(created.data.product_id);
  await eventually(async () => (tiktok.state.products.get(productId)?.status === "ACTIVATE" ? true : undefined), 15_000, "TikTok's review of the hand-made listing");
  return { productId, skuId: String(created.data.skus[0].id) };
}
