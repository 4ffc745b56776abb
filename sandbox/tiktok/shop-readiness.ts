import type { Shop } from "./model";

export interface CheckResult {
  check_item: string;
  is_failed: boolean;
  fail_reasons: string[];
}

/** The listing prerequisites (§4.6) computed from the shop's modelled setup. */
export function listingPrerequisites(shop: Shop, listedToday: number, dailyQuota: number): CheckResult[] {
  const has = (type: string) => shop.warehouses.some((w) => w.type === type && w.effect_status === "ENABLED");
  const item = (check_item: string, ok: boolean, reason: string): CheckResult => ({ check_item, is_failed: !ok, fail_reasons: ok ? [] : [reason] });
  return [
    item("SHOP_STATUS", shop.status === "ACTIVE", "The shop is not active."),
    item("SHOP_TAX", shop.hasTaxInfo, "Tax information is missing."),
    item("PICKUP_WAREHOUSE", has("SALES_WAREHOUSE"), "No pickup (sales) warehouse is set."),
    item("RETURN_WAREHOUSE", has("RETURN_WAREHOUSE"), "No return warehouse is set. Add one in Seller Center."),
    item("DELIVERY_OPTION", shop.deliveryOptions.length > 0, "No delivery option is enabled."),
    item("SHIPPING_TEMPLATE", shop.hasShippingTemplate, "No shipping template is set."),
    item("PRODUCT_QUANTITY_LIMIT", listedToday < dailyQuota, `The daily listing limit (${dailyQuota}) has been reached.`),
    item("EXTENDED_PRODUCER_RESPONSIBILITY", true, ""),
    item("BANk_ACCOUNT", shop.hasBankAccount, "No bank account is linked for payouts."),
    item("CONTACT_INFO", shop.hasContactInfo, "Contact information is missing."),
  ];
}
