// What a merchant does before the sample store can sell on TikTok: the sample CSVs have no weights and
// do not track stock, so every variant gets a weight and tracked stock (through the Admin API, as an
// edit in the Shopify admin would), and the store gets default package dimensions in the app's settings
// (sampleStoreSettings, handed to the harness so it is written before the app starts).
import type { ShopifySandbox } from "../../sandbox/shopify/server";

export async function adminGraphql<T>(shopify: ShopifySandbox, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${shopify.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": shopify.issueAccessToken() },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data: T; errors?: unknown };
  if (json.errors) throw new Error(`Admin GraphQL error: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

export function sampleStoreSettings(settings: { listing?: object; price?: object; inventory?: object } = {}) {
  return {
    listing: { defaultPackageDimensionsByProductType: { "*": { length: "20", width: "15", height: "5", unit: "CENTIMETER" } }, ...settings.listing },
    price: settings.price ?? {},
    inventory: settings.inventory ?? {},
  };
}

export async function prepareSampleStoreForTikTok(shopify: ShopifySandbox): Promise<void> {
  for (const productId of shopify.store.products.keys()) {
    const { product } = await adminGraphql<{ product: { variants: { nodes: Array<{ id: string }> } } }>(
      shopify,
      `query($id: ID!) { product(id: $id) { variants(first: 100) { nodes { id } } } }`,
      { id: productId },
    );
    await adminGraphql(shopify, `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { field message } } }`, {
      productId,
      variants: product.variants.nodes.map((v) => ({ id: v.id, inventoryItem: { tracked: true, measurement: { weight: { unit: "GRAMS", value: 250 } } } })),
    });
  }
}
