// A ready US store and TikTok shop as plain facts; each test changes only what its rule looks at.
import { defaultInventoryRules } from "../../../app/modules/inventory/inventory-rules";
import type { PoliciesFacts } from "../../../app/modules/policies/policies-facts";

export function readyFacts(): PoliciesFacts {
  return {
    shopify: {
      currency: "USD",
      country: "US",
      locations: [
        { id: "gid://shopify/Location/1", name: "Brooklyn", active: true, fulfillsOnlineOrders: true, countryCode: "US", hasStock: true },
        { id: "gid://shopify/Location/2", name: "Los Angeles", active: true, fulfillsOnlineOrders: true, countryCode: "US", hasStock: true },
      ],
      deliveryProfiles: [
        { id: "p1", name: "General profile", isDefault: true, locationIds: ["gid://shopify/Location/1"], zones: [{ name: "Domestic", countryCodes: ["US"], restOfWorld: false, methods: [{ name: "Standard", price: "4.99", currency: "USD" }] }] },
      ],
      refundPolicy: { title: "Refund policy", text: "We accept returns within 30 days of delivery. Refunds are issued within 10 business days.", url: "https://x/policies/refund-policy" },
    },
    tiktok: {
      shopName: "Acme US",
      region: "US",
      warehouses: [
        { id: "W1", name: "LA Warehouse", type: "SALES_WAREHOUSE", enabled: true, isDefault: true, regionCode: "US", address: null },
        { id: "W2", name: "Reno Warehouse", type: "SALES_WAREHOUSE", enabled: true, isDefault: false, regionCode: "US", address: null },
        { id: "R1", name: "Returns LA", type: "RETURN_WAREHOUSE", enabled: true, isDefault: true, regionCode: "US", address: "102 Main St" },
      ],
      deliveryOptions: { W1: [{ id: "d1", name: "Standard shipping", type: "STANDARD" }], W2: [{ id: "d2", name: "Standard shipping", type: "STANDARD" }] },
      prerequisites: [
        { item: "RETURN_WAREHOUSE", failed: false, reasons: [] },
        { item: "SHIPPING_TEMPLATE", failed: false, reasons: [] },
        { item: "DELIVERY_OPTION", failed: false, reasons: [] },
        { item: "BANk_ACCOUNT", failed: false, reasons: [] },
      ],
    },
    tiktokError: null,
    inventoryRules: { ...defaultInventoryRules(), defaultWarehouseId: "W1" },
  };
}

export function withPrerequisite(facts: PoliciesFacts, item: string, failed: boolean, reasons: string[] = []): PoliciesFacts {
  const list = (facts.tiktok!.prerequisites ?? []).filter((p) => p.item !== item);
  return { ...facts, tiktok: { ...facts.tiktok!, prerequisites: [...list, { item, failed, reasons }] } };
}
