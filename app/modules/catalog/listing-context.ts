// Everything the listing mapper needs about a store and its TikTok shop, completed from the live
// services the first time it is missing and then kept in the store's settings (where the merchant can
// change it): the Shopify currency, the TikTok warehouse that receives stock, shipping/return readiness
// (asked again while it fails, since it is fixed in Seller Center),
// and a TikTok category for each kind of product (TikTok's own recommendation, with its required
// attributes) when the merchant has not mapped one.
import { TikTokApiError } from "../../integrations/tiktok/tiktok-errors";
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { SHOP_CURRENCY_QUERY, type ShopCurrencyResult } from "../../integrations/shopify/shop-currency.graphql";
import type { TikTokShopClient } from "../../integrations/tiktok";
import type { ListingInput } from "../listing/product-to-listing";
import { TIKTOK_REGIONS, regionLimits, type TikTokRegion } from "../listing/listing-limits";
import { findCategoryRule } from "../listing/category-mapping";
import type { ShopifyProduct } from "../listing/shopify-product";
import type { StoreSettingsRepository } from "./store-settings-repository";


export interface ListingContextDeps {
  settings: StoreSettingsRepository;
  shopify: ShopifyAdminGateway;
  tiktok: TikTokShopClient;
  now?: () => Date;
}

/** A failing shipping/returns prerequisite is asked again after this long: the merchant fixes it in Seller Center. */
export const PREREQUISITES_RECHECK_MS = 5 * 60_000;

/**
 * Whether TikTok's listing prerequisites must be (re)read: never read, or something failed and it was read
 * long enough ago that the merchant may have fixed it. A passing check is kept (a later problem shows up as
 * TikTok refusing the listing, with its own message).
 */
export function prerequisitesNeedCheck(policies: ListingInput["settings"]["policies"] | undefined, now: Date): boolean {
  if (!policies) return true;
  const failing = policies.shippingTemplateConfigured !== true || policies.returnPolicyConfigured !== true;
  const checkedAt = policies.checkedAt ? Date.parse(policies.checkedAt) : Number.NaN;
  return failing && !(now.getTime() - checkedAt < PREREQUISITES_RECHECK_MS);
}

function asRegion(region: string): TikTokRegion {
  const normalized = region === "UK" ? "GB" : region;
  if (!(TIKTOK_REGIONS as readonly string[]).includes(normalized)) throw Object.assign(new Error(`TikTok region ${region} is not supported`), { retryable: false });
  return normalized as TikTokRegion;
}

/** The store's settings for this TikTok shop, with the facts the app can look up filled in once. */
export async function resolveListingInput(deps: ListingContextDeps, shop: string, tiktokRegion: string): Promise<ListingInput> {
  const region = asRegion(tiktokRegion);
  const loaded = await deps.settings.load(shop); // one read per sync: this is on every job's path
  let settings = loaded.settings;
  const doc = loaded.document;
  const listing = doc.listing ?? {};
  const inventory = doc.inventory ?? {};
  const missing: Record<string, unknown> = {};
  const missingInventory: Record<string, unknown> = {};

  if (listing.region !== region) {
    missing.region = region;
    missing.tiktokCurrency = regionLimits(region).currency;
    missing.skuLimit = regionLimits(region).skuMax;
    missing.weightUnit = region === "US" ? "POUND" : "KILOGRAM";
  }
  if (!listing.shopifyCurrency) {
    const { shop: s } = await deps.shopify.request<ShopCurrencyResult>(SHOP_CURRENCY_QUERY);
    missing.shopifyCurrency = s.currencyCode;
  }
  const now = deps.now?.() ?? new Date();
  if (prerequisitesNeedCheck(listing.policies as ListingInput["settings"]["policies"] | undefined, now)) {
    const { data } = await deps.tiktok.catalog.getListingPrerequisites();
    const failed = (item: string) => data.check_results.find((c) => c.check_item === item)?.is_failed;
    const known = (v: boolean | undefined) => (v === undefined ? null : !v);
    missing.policies = { shippingTemplateConfigured: known(failed("SHIPPING_TEMPLATE")), returnPolicyConfigured: known(failed("RETURN_WAREHOUSE")), checkedAt: now.toISOString() };
  }
  if (!inventory.defaultWarehouseId && !(Array.isArray(inventory.locationWarehouses) && inventory.locationWarehouses.length)) {
    const { data } = await deps.tiktok.logistics.getWarehouses();
    const sales = data.warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && w.effect_status !== "DISABLED");
    const chosen = sales.find((w) => w.is_default) ?? sales[0];
    if (chosen) missingInventory.defaultWarehouseId = chosen.id;
  }
  if (Object.keys(missing).length || Object.keys(missingInventory).length) {
    settings = await deps.settings.update(shop, (d) => ({
      ...d,
      listing: { ...(d.listing ?? {}), ...missing },
      inventory: { ...(d.inventory ?? {}), ...missingInventory },
    }));
  }
  return { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory };
}

/**
 * When no mapping rule covers the product, ask TikTok which category it recommends and remember it for
 * the product's type (or for this product alone when it has no type), with that category's required
 * attributes and rules. Returns the (possibly updated) input; unchanged when TikTok has no suggestion.
 */
export async function ensureCategoryFor(deps: ListingContextDeps, shop: string, product: ShopifyProduct, input: ListingInput): Promise<ListingInput> {
  if (findCategoryRule(product, input.settings.categoryMapping)) return input;
  const version = regionLimits(input.settings.region).categoryVersion;
  let leaf: string | undefined;
  try {
    const { data } = await deps.tiktok.catalog.recommendCategory({ product_title: product.title, category_version: version });
    leaf = data.leaf_category_id || undefined;
  } catch (error) {
    // TikTok did not answer (down, rate-limited, the answer lost): the job tries again. Refused outright:
    // no suggestion, and the mapper reports the product as unmapped, with the fix.
    if (error instanceof TikTokApiError && error.retryable) throw error;
    return input;
  }
  if (!leaf) return input;
  const [{ data: rules }, { data: attrs }] = await Promise.all([
    deps.tiktok.catalog.getCategoryRules(leaf, { categoryVersion: version }),
    deps.tiktok.catalog.getAttributes(leaf, { categoryVersion: version }),
  ]);
  const match = product.productType.trim() ? { productType: product.productType } : { productId: product.id };
  const requirement = {
    categoryId: leaf,
    requiredAttributes: attrs.attributes.filter((a) => a.type === "PRODUCT_PROPERTY" && a.is_requried).map((a) => ({ id: a.id, name: a.name })),
    packageDimensionsRequired: (rules as { package_dimension?: { is_required?: boolean } }).package_dimension?.is_required === true,
    certificationsRequired: rules.product_certifications.some((c) => c.is_required),
  };
  const settings = await deps.settings.update(shop, (d) => {
    const listing = d.listing ?? {};
    const mapping = Array.isArray(listing.categoryMapping) ? listing.categoryMapping : [];
    const requirements = (Array.isArray(listing.categoryRequirements) ? listing.categoryRequirements : []) as Array<{ categoryId: string }>;
    return {
      ...d,
      listing: {
        ...listing,
        categoryMapping: [...mapping, { match, categoryId: leaf, categoryVersion: version, suggestedBy: "tiktok" }],
        categoryRequirements: requirements.some((r) => r.categoryId === leaf) ? requirements : [...requirements, requirement],
      },
    };
  });
  return { ...input, settings: settings.listing };
}
