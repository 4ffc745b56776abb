// Everything the shipping, returns and payments checks look at, read once from Shopify and from the
// TikTok shop the catalog syncs to. Plain data: the judges (shipping-checks.ts, return-policy-check.ts,
// payout-check.ts) are pure functions over it.
import type { InventoryRules } from "../inventory/inventory-rules";

export interface ShopifyLocationFact {
  id: string;
  name: string;
  active: boolean;
  fulfillsOnlineOrders: boolean;
  countryCode: string | null;
  /** true: some item is in stock here; false: nothing is; null: the items we sampled have none, more exist. */
  hasStock: boolean | null;
}

export interface DeliveryProfileFact {
  id: string;
  name: string;
  isDefault: boolean;
  locationIds: string[];
  zones: Array<{ name: string; countryCodes: string[]; restOfWorld: boolean; methods: Array<{ name: string; price: string | null; currency: string | null }> }>;
}

export interface ShopPolicyFact {
  title: string;
  /** Plain text (HTML tags removed). */
  text: string;
  url: string;
}

export interface TikTokWarehouseFact {
  id: string;
  name: string;
  type: string; // SALES_WAREHOUSE | RETURN_WAREHOUSE
  enabled: boolean;
  isDefault: boolean;
  regionCode: string | null;
  address: string | null;
}

export interface DeliveryOptionFact {
  id: string;
  name: string;
  type: string | null; // STANDARD | EXPRESS | ECONOMY | SEND_BY_SELLER
}

export interface PrerequisiteFact {
  /** TikTok's check item, spelled as TikTok spells it (e.g. "BANk_ACCOUNT"). */
  item: string;
  failed: boolean;
  reasons: string[];
}

export interface TikTokShopFacts {
  shopName: string;
  region: string;
  warehouses: TikTokWarehouseFact[];
  /** Delivery options per enabled sales warehouse id. */
  deliveryOptions: Record<string, DeliveryOptionFact[]>;
  /** The listing prerequisites check (contract §4.6); null when TikTok did not answer. */
  prerequisites: PrerequisiteFact[] | null;
}

export interface PoliciesFacts {
  shopify: {
    currency: string;
    country: string | null;
    locations: ShopifyLocationFact[];
    deliveryProfiles: DeliveryProfileFact[];
    refundPolicy: ShopPolicyFact | null;
  };
  /** null when no TikTok shop is linked, or it could not be read (see `tiktokError`). */
  tiktok: TikTokShopFacts | null;
  tiktokError: string | null;
  inventoryRules: InventoryRules;
}

/** The result of one prerequisite check item, or undefined when TikTok did not report it. */
export function prerequisite(facts: PoliciesFacts, item: string): PrerequisiteFact | undefined {
  return facts.tiktok?.prerequisites?.find((p) => p.item.toUpperCase() === item.toUpperCase());
}
