// The demo shop the sandbox serves: a US store in USD with its legal policies, two locations and a
// general delivery profile, as a freshly set-up Shopify store would have.
import { gid } from "./shopify-ids";
import type { StoredDeliveryProfile, StoredLocation, StoredPolicy, StoredShop } from "./store";

export const DEFAULT_SHOP_DOMAIN = "tiktok-sync-demo.myshopify.com";
/** The installed app's id (webhooks' app_id on the orders it creates). */
export const SANDBOX_APP_ID = 27_123_456_789;
/** Shopify's Online Store app: the app_id of webstore orders. */
export const ONLINE_STORE_APP_ID = 580_111;

export function demoShop(shopDomain: string, now: string): StoredShop {
  const address = {
    address1: "150 Elgin Street",
    address2: null,
    city: "Brooklyn",
    province: "New York",
    provinceCode: "NY",
    zip: "11201",
    country: "United States",
    countryCodeV2: "US",
    phone: "+12125550143",
    company: "TikTok Sync Demo LLC",
  };
  return {
    id: gid("Shop", "68012345678"),
    name: "TikTok Sync Demo",
    email: "owner@tiktok-sync-demo.example",
    contactEmail: "support@tiktok-sync-demo.example",
    myshopifyDomain: shopDomain,
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    weightUnit: "KILOGRAMS",
    planDisplayName: "Basic",
    plan: "standard",
    shopOwnerName: "Dana Rivera",
    address,
    createdAt: now,
    updatedAt: now,
  };
}

export function demoLocations(now: string): StoredLocation[] {
  return [
    {
      id: gid("Location", "71234567001"),
      name: "Brooklyn Warehouse",
      address: { address1: "150 Elgin Street", city: "Brooklyn", province: "New York", provinceCode: "NY", zip: "11201", country: "United States", countryCode: "US", phone: "+12125550143" },
      isActive: true,
      fulfillsOnlineOrders: true,
      shipsInventory: true,
      createdAt: now,
      updatedAt: now,
    },
    {
      id: gid("Location", "71234567002"),
      name: "Los Angeles Fulfillment",
      address: { address1: "2400 E 7th Street", city: "Los Angeles", province: "California", provinceCode: "CA", zip: "90023", country: "United States", countryCode: "US", phone: "+13235550187" },
      isActive: true,
      fulfillsOnlineOrders: true,
      shipsInventory: true,
      createdAt: now,
      updatedAt: now,
    },
  ];
}

export function demoPolicies(shopDomain: string, now: string): StoredPolicy[] {
  const url = (slug: string) => `https://${shopDomain}/policies/${slug}`;
  const policy = (n: string, type: StoredPolicy["type"], title: string, slug: string, body: string): StoredPolicy => ({
    id: gid("ShopPolicy", n),
    type,
    title,
    body,
    url: url(slug),
    createdAt: now,
    updatedAt: now,
  });
  return [
    policy("41000001", "REFUND_POLICY", "Refund policy", "refund-policy",
      "<p>We accept returns within 30 days of delivery. Items must be unused and in their original packaging. Refunds are issued to the original payment method within 10 business days of receiving the return.</p>"),
    policy("41000002", "SHIPPING_POLICY", "Shipping policy", "shipping-policy",
      "<p>Orders ship from Brooklyn, NY or Los Angeles, CA within 2 business days. Standard shipping (3–7 business days) is $4.99; express (1–2 business days) is $14.99. We ship within the United States only.</p>"),
    policy("41000003", "PRIVACY_POLICY", "Privacy policy", "privacy-policy",
      "<p>We collect the information needed to process your order and never sell personal data. Contact support@tiktok-sync-demo.example to access or delete your data.</p>"),
    policy("41000004", "TERMS_OF_SERVICE", "Terms of service", "terms-of-service",
      "<p>By purchasing from TikTok Sync Demo you agree to these terms. Prices are in USD and include no taxes unless stated.</p>"),
  ];
}

export function demoDeliveryProfile(locations: StoredLocation[]): StoredDeliveryProfile {
  return {
    id: gid("DeliveryProfile", "93000001"),
    name: "General profile",
    default: true,
    locationGroupId: gid("DeliveryLocationGroup", "93100001"),
    locationIds: locations.map((l) => l.id),
    zones: [
      {
        id: gid("DeliveryZone", "93200001"),
        name: "Domestic",
        countryCode: "US",
        provinceCodes: [],
        methods: [
          { id: gid("DeliveryMethodDefinition", "93300001"), name: "Standard", rateId: gid("DeliveryRateDefinition", "93400001"), price: "4.99", active: true },
          { id: gid("DeliveryMethodDefinition", "93300002"), name: "Express", rateId: gid("DeliveryRateDefinition", "93400002"), price: "14.99", active: true },
        ],
      },
    ],
  };
}
