// Use case: reads what the shipping/returns/payments checks need — Shopify locations (with a stock
// sample), delivery profiles and refund policy over Admin GraphQL; the catalog shop's warehouses,
// delivery options and listing prerequisites from TikTok; the store's inventory rules. TikTok failures
// are reported in `tiktokError` (the Shopify side is still shown); Shopify failures throw.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { DELIVERY_PROFILES_QUERY, SHIPPING_LOCATIONS_QUERY, type DeliveryProfilesResult, type ShippingLocationsResult } from "../../integrations/shopify/shipping-setup.graphql";
import { htmlToText } from "../compliance/plain-text";
import type { ListingCheckSettings } from "../listing/listing-check-settings";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { PoliciesFacts, ShopifyLocationFact, TikTokShopFacts } from "./policies-facts";

export interface PoliciesFactsDeps {
  shop: string;
  shopify: ShopifyAdminGateway;
  /** The session of the TikTok shop the catalog syncs to; null when none is linked. May throw (paused link). */
  tiktok: () => Promise<TikTokShopSession | null>;
  /** The shop's listing-prerequisites check when the caller already reads it (the home page does); else read here. */
  prerequisites?: () => Promise<Array<{ check_item: string; is_failed: boolean; fail_reasons: string[] }>>;
  settings: { settings(shop: string): Promise<ListingCheckSettings> };
}

function hasStock(levels: ShippingLocationsResult["locations"]["nodes"][number]["inventoryLevels"]): boolean | null {
  if (levels.nodes.some((l) => l.quantities.some((q) => q.quantity > 0))) return true;
  return levels.pageInfo.hasNextPage ? null : false;
}

export async function loadShopifyShippingFacts(shopify: ShopifyAdminGateway): Promise<PoliciesFacts["shopify"]> {
  const [{ shop, locations }, { deliveryProfiles }] = await Promise.all([
    shopify.request<ShippingLocationsResult>(SHIPPING_LOCATIONS_QUERY),
    shopify.request<DeliveryProfilesResult>(DELIVERY_PROFILES_QUERY),
  ]);
  const refund = shop.shopPolicies.find((p) => p.type === "REFUND_POLICY");
  return {
    currency: shop.currencyCode,
    country: shop.shopAddress.countryCodeV2,
    locations: locations.nodes.map((l): ShopifyLocationFact => ({
      id: l.id, name: l.name, active: l.isActive, fulfillsOnlineOrders: l.fulfillsOnlineOrders, countryCode: l.address.countryCode, hasStock: hasStock(l.inventoryLevels),
    })),
    deliveryProfiles: deliveryProfiles.nodes.map((p) => ({
      id: p.id,
      name: p.name,
      isDefault: p.default,
      locationIds: p.profileLocationGroups.flatMap((g) => g.locationGroup.locations.nodes.map((l) => l.id)),
      zones: p.profileLocationGroups.flatMap((g) => g.locationGroupZones.nodes.map((z) => ({
        name: z.zone.name,
        countryCodes: z.zone.countries.flatMap((c) => (c.code.countryCode ? [c.code.countryCode] : [])),
        restOfWorld: z.zone.countries.some((c) => c.code.restOfWorld),
        methods: z.methodDefinitions.nodes.filter((m) => m.active).map((m) => ({ name: m.name, price: m.rateProvider?.price?.amount ?? null, currency: m.rateProvider?.price?.currencyCode ?? null })),
      }))),
    })),
    refundPolicy: refund ? { title: refund.title, text: htmlToText(refund.body), url: refund.url } : null,
  };
}

export async function loadTikTokShippingFacts(
  session: TikTokShopSession,
  readPrerequisites = async () => (await session.api.catalog.getListingPrerequisites()).data.check_results,
): Promise<TikTokShopFacts> {
  const { api, link } = session;
  const [{ data: warehouses }, prerequisites] = await Promise.all([api.logistics.getWarehouses(), readPrerequisites().catch(() => null)]);
  const facts = warehouses.warehouses.map((w) => ({
    id: w.id, name: w.name, type: w.type, enabled: (w.effect_status ?? "ENABLED") === "ENABLED", isDefault: w.is_default === true,
    regionCode: w.address?.region_code ?? null, address: w.address?.full_address ?? null,
  }));
  const deliveryOptions: TikTokShopFacts["deliveryOptions"] = {};
  for (const w of facts.filter((f) => f.type === "SALES_WAREHOUSE" && f.enabled)) {
    const { data } = await api.logistics.getDeliveryOptions(w.id, "WAREHOUSE");
    deliveryOptions[w.id] = data.delivery_options.map((o) => ({ id: o.id, name: o.name, type: o.type ?? null }));
  }
  return {
    shopName: link.tiktokShopName,
    region: link.region,
    warehouses: facts,
    deliveryOptions,
    prerequisites: prerequisites?.map((c) => ({ item: c.check_item, failed: c.is_failed, reasons: c.fail_reasons })) ?? null,
  };
}

export async function loadPoliciesFacts(deps: PoliciesFactsDeps): Promise<PoliciesFacts> {
  const [shopify, settings] = await Promise.all([loadShopifyShippingFacts(deps.shopify), deps.settings.settings(deps.shop)]);
  let tiktok: TikTokShopFacts | null = null;
  let tiktokError: string | null = null;
  try {
    const session = await deps.tiktok();
    if (session) tiktok = await loadTikTokShippingFacts(session, deps.prerequisites);
  } catch (error) {
    tiktokError = (error as Error).message;
  }
  let inventoryRules = settings.inventory;
  if (tiktok && !inventoryRules.defaultWarehouseId && inventoryRules.locationWarehouses.length === 0) {
    // Nothing chosen yet: the first sync will use TikTok's default sales warehouse (listing-context.ts
    // resolveListingInput), so show that rather than "not sent".
    const sales = tiktok.warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && w.enabled);
    inventoryRules = { ...inventoryRules, defaultWarehouseId: (sales.find((w) => w.isDefault) ?? sales[0])?.id ?? null };
  }
  return { shopify, tiktok, tiktokError, inventoryRules };
}
