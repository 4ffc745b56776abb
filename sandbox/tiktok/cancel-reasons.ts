import { businessError } from "./api-error";
import type { OrderStatus } from "./model";

/**
 * Cancel reasons by market, initiator and order status (TikTok's "Cancel reasons" page, US and UK tables).
 * A reason that does not fit the order's status is refused with 25001021 "Reason not match order status".
 * Cancellation search shows the machine `cancel_reason` and `cancel_reason_text`; order detail shows the text.
 */
type Stage = "UNPAID" | "TO_SHIP";
type Role = "BUYER" | "SELLER";
type Table = Record<Role, Record<Stage, Record<string, string>>>;

const US: Table = {
  BUYER: {
    UNPAID: {
      ecom_order_unpaid_canceled_reason_payment_method_not_available: "Preferred payment method not available",
      ecom_order_unpaid_canceled_reason_created_by_mistakes: "Ordered by mistake",
      ecom_order_unpaid_canceled_reason_better_price: "Better price available",
      ecom_order_unpaid_canceled_reason_no_longer_needed: "No longer needed",
      ecom_order_unpaid_canceled_reason_other: "Other",
    },
    TO_SHIP: {
      ecom_order_to_ship_canceled_reason_change_payment_method: "Need to change payment method",
      ecom_order_to_ship_canceled_reason_discount_not_expected: "Discount not as expected",
      ecom_order_to_ship_canceled_reason_created_by_mistakes: "Bought by mistake",
      ecom_order_to_ship_canceled_reason_high_delivery_costs: "High shipping fee",
      ecom_order_to_ship_canceled_reason_better_price: "Better price available",
      ecom_order_to_ship_canceled_reason_wrong_delivery_info: "Incorrect shipping address",
      ecom_order_to_ship_canceled_reason_not_shipped_on_time: "Item wasn't shipped on time",
      ecom_order_to_ship_canceled_reason_no_longer_needed: "No longer needed",
      ecom_order_to_ship_canceled_reason_forgot_to_apply_coupons: "Forgot to apply coupons",
    },
  },
  SELLER: {
    UNPAID: {
      seller_cancel_unpaid_reason_out_of_stock: "Out of stock",
      seller_cancel_unpaid_reason_wrong_price: "Pricing error",
      seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed: "Buyer did not pay on time",
      seller_cancel_unpaid_reason_buyer_requested_cancellation: "Buyer requested cancellation",
    },
    TO_SHIP: {
      seller_cancel_reason_out_of_stock: "Out of stock",
      seller_cancel_reason_wrong_price: "Pricing error",
      seller_cancel_paid_reason_address_not_deliver: "Unable to deliver to buyer address",
      seller_cancel_paid_reason_buyer_requested_cancellation: "Buyer requested cancellation",
    },
  },
};

const GB: Table = {
  BUYER: {
    UNPAID: {
      ecom_order_unpaid_canceled_reason_payment_method_not_available_uk: "Desired payment method not available",
      ecom_order_unpaid_canceled_reason_wrong_delivery_info_uk: "Wrong delivery information",
      ecom_order_unpaid_canceled_reason_created_by_mistakes_uk: "Order created by mistake",
      ecom_order_unpaid_canceled_reason_better_price_uk: "Better price available",
      ecom_order_unpaid_canceled_reason_no_longer_needed_uk: "No longer needed",
      ecom_order_unpaid_canceled_reason_other_uk: "Other",
    },
    TO_SHIP: {
      ecom_order_to_ship_canceled_reason_no_longer_needed_uk: "No longer needed",
      ecom_order_to_ship_canceled_reason_change_payment_method_uk: "Need to change payment method",
      ecom_order_to_ship_canceled_reason_discount_not_expected_uk: "Discount not as expected",
      ecom_order_to_ship_canceled_reason_created_by_mistakes_uk: "Order created by mistake",
      ecom_order_to_ship_canceled_reason_high_delivery_costs_uk: "High delivery costs",
      ecom_order_to_ship_canceled_reason_better_price_uk: "Better price available",
      ecom_order_to_ship_canceled_reason_wrong_delivery_info_uk: "Wrong delivery information",
      buyer_cancel_late_shipment: "Late shipment",
    },
  },
  SELLER: {
    UNPAID: {
      seller_cancel_unpaid_reason_out_of_stock_uk: "Out of stock",
      seller_cancel_unpaid_reason_wrong_price_uk: "Pricing error",
      seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed_uk: "Buyer did not pay on time",
    },
    TO_SHIP: {
      seller_cancel_reason_wrong_price_uk: "Pricing error",
      seller_cancel_paid_reason_address_not_deliver_uk: "Unable to deliver to buyer address",
      seller_cancel_reason_out_of_stock_uk: "Out of stock",
    },
  },
};

export interface CancelReason {
  name: string;
  text: string;
}

function stageOf(status: OrderStatus): Stage | null {
  if (status === "UNPAID") return "UNPAID";
  return status === "ON_HOLD" || status === "AWAITING_SHIPMENT" ? "TO_SHIP" : null;
}

function reasonsFor(region: string, role: Role, status: OrderStatus): Record<string, string> {
  const stage = stageOf(status);
  return stage ? (region === "GB" ? GB : US)[role][stage] : {};
}

/** The reason if it fits the market, initiator and status; otherwise TikTok's 25001021. */
export function cancelReason(region: string, role: Role, status: OrderStatus, name: string): CancelReason {
  const text = reasonsFor(region, role, status)[name];
  if (text === undefined) {
    const allowed = Object.keys(reasonsFor(region, role, status)).join(", ");
    throw businessError(25001021, `Reason not match order status: '${name}' is not a ${role.toLowerCase()} cancel reason for a ${region} order in ${status} (allowed: ${allowed}).`);
  }
  return { name, text };
}

/** "No longer needed" for the order's market and status (the buyer's default in the admin endpoint). */
export function defaultBuyerReason(region: string, status: OrderStatus): string {
  const suffix = region === "GB" ? "_uk" : "";
  return status === "UNPAID" ? `ecom_order_unpaid_canceled_reason_no_longer_needed${suffix}` : `ecom_order_to_ship_canceled_reason_no_longer_needed${suffix}`;
}
