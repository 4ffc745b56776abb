import type { Order, OrderStatus, Shop } from "./model";

/**
 * What the API shows of the buyer's address (orders-and-money §A, US since 2025-07-21):
 * - UNPAID / ON_HOLD: empty (not just masked), for every kind of order;
 * - seller-fulfilled orders: in full from AWAITING_SHIPMENT on; masked once CANCELLED and 30 days after COMPLETED;
 * - FULFILLMENT_BY_TIKTOK: always masked; district levels L0–L2 shown, L3 only AWAITING_SHIPMENT…COMPLETED.
 * Masked = name, phone, address lines and postal code starred; district levels past L2 starred.
 */
const EMPTY_STATUSES: ReadonlySet<OrderStatus> = new Set(["UNPAID", "ON_HOLD"]);
const MASK_AFTER_COMPLETED_S = 30 * 86_400;
const FULFILMENT_STATUSES: ReadonlySet<OrderStatus> = new Set([
  "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED",
]);

type District = { address_level: string; address_level_name: string; address_name: string };

export function defaultRecipientAddress(shop: Shop, override: Record<string, unknown> | undefined): Record<string, unknown> {
  const us = shop.region === "US";
  const district = (level: string, name: string, value: string): District => ({ address_level: level, address_level_name: name, address_name: value });
  return {
    name: "Jordan Buyer", first_name: "Jordan", last_name: "Buyer", phone_number: us ? "(+1)2135550123" : "(+44)2079460123",
    full_address: us ? "1 Market St, Apt 4, San Jose, CA 95110, United States" : "10 High St, Flat 2, London E1 6AN, United Kingdom",
    address_line1: us ? "1 Market St" : "10 High St", address_line2: us ? "Apt 4" : "Flat 2", address_line3: "", address_line4: "",
    postal_code: us ? "95110" : "E1 6AN", region_code: shop.region, delivery_preferences: { drop_off_location: "" },
    district_info: us
      ? [district("L0", "Country", "United States"), district("L1", "State", "California"), district("L2", "County", "Santa Clara"), district("L3", "City", "San Jose")]
      : [district("L0", "Country", "United Kingdom"), district("L1", "Country", "England"), district("L2", "County", "Greater London"), district("L3", "Post town", "London")],
    ...(override ?? {}),
  };
}

function emptyAddress(): Record<string, unknown> {
  return {
    name: "", first_name: "", last_name: "", phone_number: "", full_address: "", address_line1: "", address_line2: "",
    address_line3: "", address_line4: "", postal_code: "", region_code: "", delivery_preferences: { drop_off_location: "" }, district_info: [],
  };
}

const star = (v: unknown) => (typeof v === "string" && v !== "" ? `${v.slice(0, 1)}***` : "");
const starPhone = (v: unknown) => (typeof v === "string" ? v.replace(/\d(?=(?:\D*\d){4})/g, "*") : "");

function maskedAddress(full: Record<string, unknown>, showL3: boolean): Record<string, unknown> {
  const districts = Array.isArray(full.district_info) ? (full.district_info as District[]) : [];
  const shown = new Set(["L0", "L1", "L2", ...(showL3 ? ["L3"] : [])]);
  return {
    ...full,
    name: star(full.name), first_name: star(full.first_name), last_name: star(full.last_name), phone_number: starPhone(full.phone_number),
    full_address: "***", address_line1: star(full.address_line1), address_line2: star(full.address_line2), address_line3: star(full.address_line3),
    address_line4: star(full.address_line4), postal_code: star(full.postal_code), delivery_preferences: { drop_off_location: "" },
    district_info: districts.map((d) => (shown.has(d.address_level) ? d : { ...d, address_name: "***" })),
  };
}

export function recipientAddressView(order: Order, nowSeconds: number): Record<string, unknown> {
  if (EMPTY_STATUSES.has(order.status)) return emptyAddress();
  if (order.fulfillment_type === "FULFILLMENT_BY_TIKTOK") return maskedAddress(order.recipient_address, FULFILMENT_STATUSES.has(order.status));
  const completedLongAgo = order.status === "COMPLETED" && order.completedAt !== null && nowSeconds >= order.completedAt + MASK_AFTER_COMPLETED_S;
  if (order.status === "CANCELLED" || completedLongAgo) return maskedAddress(order.recipient_address, false);
  return order.recipient_address;
}
