// A buyer checking out on the online store: paid at once, inventory claimed obeying each variant's policy — a
// variant that denies overselling cannot be bought past what one location has available (the storefront's
// side of an oversell race). Webstore orders carry the Online Store's app id and source "web".
import type { OrderDraft } from "./order-placement";
import { placeOrder } from "./order-placement";
import type { StoredOrder } from "./order-model";
import { ONLINE_STORE_APP_ID } from "./shop-defaults";
import type { ShopifyStore } from "./store";

export interface CheckoutItem {
  variantId: string;
  quantity: number;
}

export type CheckoutResult = { order: StoredOrder } | { status: number; error: string };

function storefrontDraft(store: ShopifyStore, items: CheckoutItem[]): OrderDraft {
  const now = store.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  const lineItems = items.map((i) => {
    const variant = store.variants.get(i.variantId)!;
    const product = store.products.get(variant.productId)!;
    const item = store.inventoryItems.get(variant.inventoryItemId);
    return {
      variantId: variant.id, productId: product.id, inventoryItemId: item?.id ?? null, title: product.title,
      variantTitle: variant.title === "Default Title" ? null : variant.title, sku: variant.sku, vendor: product.vendor,
      quantity: i.quantity, priceCents: Math.round(Number(variant.price) * 100), taxable: variant.taxable,
      requiresShipping: item?.requiresShipping ?? true, giftCard: false, taxLines: [], discountCents: 0, properties: [],
    };
  });
  const total = lineItems.reduce((n, l) => n + l.priceCents * l.quantity, 0);
  return {
    name: null, shippingLines: [], metafields: [], lineItems,
    transactions: [{ kind: "SALE", status: "SUCCESS", gateway: "shopify_payments", amountCents: total, parentId: null, test: false, processedAt: null }],
    fields: {
      processedAt: now, appId: ONLINE_STORE_APP_ID, sourceName: "web", sourceIdentifier: null, sourceUrl: null, tags: [], customAttributes: [],
      note: null, email: "buyer@example.com", phone: null, poNumber: null, test: false, buyerAcceptsMarketing: false,
      currency: store.shop.currencyCode, taxesIncluded: false, inventoryBehaviour: "DECREMENT_OBEYING_POLICY", discountCode: null,
      financialStatusOverride: null, shippingAddress: null, billingAddress: null,
    },
  };
}

export function storefrontCheckout(store: ShopifyStore, items: CheckoutItem[]): CheckoutResult {
  if (items.length === 0) return { status: 400, error: "The cart is empty" };
  for (const i of items) {
    if (!store.variants.has(i.variantId)) return { status: 404, error: `No variant ${i.variantId}` };
    if (!Number.isInteger(i.quantity) || i.quantity < 1) return { status: 400, error: `Quantity of ${i.variantId} must be a whole number ≥ 1` };
  }
  const placed = placeOrder(store, storefrontDraft(store, items));
  if ("order" in placed) return placed;
  const item = items[placed.claimFailed]!;
  const variant = store.variants.get(item.variantId)!;
  const available = [...store.inventoryItems.get(variant.inventoryItemId)!.levels.values()].map((l) => l.quantities.available);
  return { status: 409, error: `Not enough stock for ${variant.sku ?? variant.id}: ${item.quantity} requested, ${Math.max(0, ...available)} available at the best location` };
}
