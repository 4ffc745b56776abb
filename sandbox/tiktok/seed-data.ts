import type { DeliveryOption, Seller, Shop, Warehouse } from "./model";

/**
 * Seeded sellers (deterministic ids):
 *  A  "Acme Home Goods": one US shop, Standard probation tier, fully ready.
 *  B  "Brit & Co": two shops (US + GB) to exercise shop choice.
 *  C  "Not Ready Crafts": a US shop missing its return warehouse, shipping template and bank account.
 */
export const SEED_SELLER_IDS = { ready: "7494049642642441001", twoShops: "7494049642642441002", notReady: "7494049642642441003" } as const;
export const SEED_SHOP_IDS = {
  readyUs: "7494726673780148001",
  twoShopsUs: "7494726673780148002",
  twoShopsGb: "7494726673780148003",
  notReadyUs: "7494726673780148004",
} as const;

const ALL_SCOPES = [
  "seller.authorization.info",
  "seller.shop.info",
  "seller.product.basic",
  "seller.product.write",
  "seller.product.delete",
  "seller.logistics",
  "seller.order.info",
  "seller.order.ext_ref.read",
  "seller.order.ext_ref.write",
  "seller.fulfillment.basic",
  "seller.return_refund.basic",
  "seller.data.analytics",
  "seller.finance.info",
];

function usAddress(city: string, line1: string, contact: string): Record<string, string> {
  return {
    region: "United States", region_code: "US", state: "California", city, distict: "", town: "",
    postal_code: "90012", full_address: `${line1}, ${city}, CA 90012, US`, address_line1: line1, address_line2: "",
    address_line3: "", address_line4: "", contact_person: contact, phone_number: "(+1)213-555-0100",
  };
}

function gbAddress(line1: string, contact: string): Record<string, string> {
  return {
    region: "United Kingdom", region_code: "GB", state: "England", city: "London", distict: "", town: "",
    postal_code: "E1 6AN", full_address: `${line1}, London E1 6AN, GB`, address_line1: line1, address_line2: "",
    address_line3: "", address_line4: "", contact_person: contact, phone_number: "(+44)20-7946-0000",
  };
}

function warehouse(id: string, name: string, type: Warehouse["type"], isDefault: boolean, address: Record<string, string>): Warehouse {
  return { id, name, type, sub_type: "DOMESTIC_WAREHOUSE", is_default: isDefault, effect_status: "ENABLED", address };
}

function usDeliveryOptions(prefix: string): DeliveryOption[] {
  return [
    { id: `${prefix}01`, name: "Standard shipping", type: "STANDARD", description: "3-8 business days",
      weight_limit: { min_weight: 1, max_weight: 30000, unit: "GRAM" }, dimension_limit: { max_length: 100, max_width: 100, max_height: 100, unit: "CM" }, platform: ["TIKTOK_SHOP"] },
    { id: `${prefix}02`, name: "Shipped by seller", type: "SEND_BY_SELLER", description: "Seller ships with own carrier",
      weight_limit: { min_weight: 1, max_weight: 68000, unit: "GRAM" }, dimension_limit: { max_length: 274, max_width: 274, max_height: 274, unit: "CM" }, platform: ["TIKTOK_SHOP"] },
  ];
}

export const SHIPPING_PROVIDERS: Record<string, Array<{ id: string; name: string }>> = {
  US: [
    { id: "6617675021119438849", name: "USPS" },
    { id: "6617675021119438850", name: "UPS" },
    { id: "6617675021119438851", name: "FedEx" },
  ],
  GB: [
    { id: "6617675021119438860", name: "Royal Mail" },
    { id: "6617675021119438861", name: "Evri" },
  ],
};

export interface SeedWorld {
  sellers: Seller[];
  shops: Shop[];
}

/** Builds a fresh copy of the seeded world; `t` is the simulator's current Unix time in seconds. */
export function buildSeedWorld(t: number): SeedWorld {
  const day = 86_400;
  const sellers: Seller[] = [
    { openId: SEED_SELLER_IDS.ready, name: "Acme Home Goods", baseRegion: "US", userType: 0, grantedScopes: ALL_SCOPES, shopIds: [SEED_SHOP_IDS.readyUs] },
    { openId: SEED_SELLER_IDS.twoShops, name: "Brit & Co", baseRegion: "GB", userType: 0, grantedScopes: ALL_SCOPES, shopIds: [SEED_SHOP_IDS.twoShopsUs, SEED_SHOP_IDS.twoShopsGb] },
    { openId: SEED_SELLER_IDS.notReady, name: "Not Ready Crafts", baseRegion: "US", userType: 0, grantedScopes: ALL_SCOPES, shopIds: [SEED_SHOP_IDS.notReadyUs] },
  ];
  const approved = (item: Shop["businessVerification"]["items"][number]["item"]) => ({ item, status: "APPROVED" as const, reject_reason: "", update_time: t - 30 * day });
  const shops: Shop[] = [
    {
      id: SEED_SHOP_IDS.readyUs, name: "Acme Home Goods US", code: "USLCACME01", region: "US", seller_type: "LOCAL",
      cipher: "ROW_AcmeUsAAAeVAQra0eZWebFQq5aIK", sellerOpenId: SEED_SELLER_IDS.ready, status: "ACTIVE", probationTier: "STANDARD",
      warehouses: [
        warehouse("7068517275539719942", "Acme LA Warehouse", "SALES_WAREHOUSE", true, usAddress("Los Angeles", "100 Main St", "Ana Ames")),
        warehouse("7068517275539719943", "Acme Returns LA", "RETURN_WAREHOUSE", true, usAddress("Los Angeles", "102 Main St", "Ana Ames")),
      ],
      deliveryOptions: usDeliveryOptions("70685172755397200"), hasShippingTemplate: true, hasBankAccount: true, hasTaxInfo: true, hasContactInfo: true,
      businessVerification: {
        seller_entity_type: "BUSINESS", legal_name: "Acme Home Goods LLC", registered_address: usAddress("Los Angeles", "100 Main St", "Ana Ames"),
        contact_email: "ops@acme-home.example", contact_phone: "(+1)213-555-0100",
        items: [approved("LEGAL_DOCUMENTS"), approved("KEY_PERSON_IDENTITY"), approved("BANK_ACCOUNT"), approved("BUSINESS_ADDRESS"), approved("TAX_INFORMATION")],
      },
      linkedAccounts: [
        { user_id: "7021436810468230001", username: "acmehomegoods", display_name: "Acme Home Goods", account_type: "OFFICIAL", follower_count: 48_210,
          is_age_verified_18_plus: true, restrictions: [], bind_time: t - 60 * day },
      ],
    },
    {
      id: SEED_SHOP_IDS.twoShopsUs, name: "Brit & Co US", code: "USLCBRIT01", region: "US", seller_type: "LOCAL",
      cipher: "ROW_BritUsAAAfJkLm1eZWebFQq5aZZ", sellerOpenId: SEED_SELLER_IDS.twoShops, status: "ACTIVE", probationTier: "PRO",
      warehouses: [
        warehouse("7068517275539719950", "Brit NJ Warehouse", "SALES_WAREHOUSE", true, usAddress("Newark", "5 Dock Rd", "Bea Brit")),
        warehouse("7068517275539719951", "Brit Second Warehouse", "SALES_WAREHOUSE", false, usAddress("Reno", "9 Desert Way", "Bea Brit")),
        warehouse("7068517275539719952", "Brit Returns NJ", "RETURN_WAREHOUSE", true, usAddress("Newark", "7 Dock Rd", "Bea Brit")),
      ],
      deliveryOptions: usDeliveryOptions("70685172755397201"), hasShippingTemplate: true, hasBankAccount: true, hasTaxInfo: true, hasContactInfo: true,
      businessVerification: {
        seller_entity_type: "BUSINESS", legal_name: "Brit and Co Ltd", registered_address: gbAddress("1 Brick Lane", "Bea Brit"),
        contact_email: "hello@britco.example", contact_phone: "(+44)20-7946-0000",
        items: [approved("LEGAL_DOCUMENTS"), approved("KEY_PERSON_IDENTITY"), approved("BANK_ACCOUNT"), approved("BUSINESS_ADDRESS"), approved("TAX_INFORMATION")],
      },
      linkedAccounts: [
        { user_id: "7021436810468230002", username: "britandco", display_name: "Brit & Co", account_type: "OFFICIAL", follower_count: 12_004,
          is_age_verified_18_plus: true, restrictions: [], bind_time: t - 200 * day },
        { user_id: "7021436810468230003", username: "bea.styles", display_name: "Bea Styles", account_type: "MARKETING", follower_count: 3_150,
          is_age_verified_18_plus: true, restrictions: [], bind_time: t - 100 * day },
      ],
    },
    {
      id: SEED_SHOP_IDS.twoShopsGb, name: "Brit & Co UK", code: "GBLCBRIT01", region: "GB", seller_type: "LOCAL",
      cipher: "ROW_BritGbAAAfJkLm1eZWebFQq5aYY", sellerOpenId: SEED_SELLER_IDS.twoShops, status: "ACTIVE", probationTier: "PRO",
      warehouses: [
        warehouse("7068517275539719960", "Brit London Warehouse", "SALES_WAREHOUSE", true, gbAddress("1 Brick Lane", "Bea Brit")),
        warehouse("7068517275539719961", "Brit Returns London", "RETURN_WAREHOUSE", true, gbAddress("3 Brick Lane", "Bea Brit")),
      ],
      deliveryOptions: [
        { id: "7068517275539720201", name: "Standard shipping", type: "STANDARD", description: "2-4 business days",
          weight_limit: { min_weight: 1, max_weight: 20000, unit: "GRAM" }, dimension_limit: { max_length: 100, max_width: 100, max_height: 100, unit: "CM" }, platform: ["TIKTOK_SHOP"] },
      ],
      hasShippingTemplate: true, hasBankAccount: true, hasTaxInfo: true, hasContactInfo: true,
      businessVerification: {
        seller_entity_type: "BUSINESS", legal_name: "Brit and Co Ltd", registered_address: gbAddress("1 Brick Lane", "Bea Brit"),
        contact_email: "hello@britco.example", contact_phone: "(+44)20-7946-0000",
        items: [approved("LEGAL_DOCUMENTS"), approved("KEY_PERSON_IDENTITY"), approved("BANK_ACCOUNT"), approved("BUSINESS_ADDRESS"), approved("TAX_INFORMATION")],
      },
      linkedAccounts: [
        { user_id: "7021436810468230002", username: "britandco", display_name: "Brit & Co", account_type: "OFFICIAL", follower_count: 12_004,
          is_age_verified_18_plus: true, restrictions: [], bind_time: t - 200 * day },
      ],
    },
    {
      id: SEED_SHOP_IDS.notReadyUs, name: "Not Ready Crafts", code: "USLCNRDY01", region: "US", seller_type: "LOCAL",
      cipher: "ROW_NotRdyAAAq8Zp2eZWebFQq5aXX", sellerOpenId: SEED_SELLER_IDS.notReady, status: "ACTIVE", probationTier: "BEGINNER",
      warehouses: [warehouse("7068517275539719970", "Garage Studio", "SALES_WAREHOUSE", true, usAddress("Fresno", "44 Elm Ave", "Cal Crafts"))],
      deliveryOptions: usDeliveryOptions("70685172755397203"), hasShippingTemplate: false, hasBankAccount: false, hasTaxInfo: true, hasContactInfo: true,
      businessVerification: {
        seller_entity_type: "INDIVIDUAL", legal_name: "Cal Crafts", registered_address: usAddress("Fresno", "44 Elm Ave", "Cal Crafts"),
        contact_email: "cal@notready.example", contact_phone: "(+1)559-555-0199",
        items: [
          approved("KEY_PERSON_IDENTITY"),
          { item: "LEGAL_DOCUMENTS", status: "PENDING", reject_reason: "", update_time: t - 2 * day },
          { item: "BANK_ACCOUNT", status: "NOT_SUBMITTED", reject_reason: "", update_time: t - 2 * day },
          { item: "BUSINESS_ADDRESS", status: "REJECTED", reject_reason: "The address on the utility bill does not match the registered address.", update_time: t - day },
          { item: "TAX_INFORMATION", status: "PENDING", reject_reason: "", update_time: t - day },
        ],
      },
      linkedAccounts: [
        { user_id: "7021436810468230004", username: "cal.crafts", display_name: "Cal Crafts", account_type: "AFFILIATE", follower_count: 640,
          is_age_verified_18_plus: true,
          restrictions: [{ type: "COMMUNITY_GUIDELINES_STRIKE", reason: "Unoriginal content strike; shoppable videos disabled for 7 days.", start_time: t - 2 * day, end_time: t + 5 * day }],
          bind_time: t - 10 * day },
      ],
    },
  ];
  return { sellers, shops };
}
