// Consumer-protection checks that are not about a single field: buyers must see shipping and return terms.
import { blocking, warning, type Finding } from "../listing/finding";
import type { ListingSettings } from "../listing/listing-settings";

export function checkShippingAndReturns(policies: ListingSettings["policies"]): Finding[] {
  const findings: Finding[] = [];
  if (policies.shippingTemplateConfigured === false) {
    findings.push(blocking("SHIPPING_INFO_MISSING", "shop.shipping_template", "Your TikTok shop has no shipping template, so buyers cannot see delivery costs or times and TikTok refuses the listing.", "Create a shipping template in TikTok Seller Center (Shipping → Shipping templates), or map your Shopify delivery profile in the app.", { tiktokErrorCode: "12052402", source: "TikTok Shop Partner Center: Create product errors (12052402)" }));
  } else if (policies.shippingTemplateConfigured === null) {
    findings.push(warning("SHIPPING_INFO_UNVERIFIED", "shop.shipping_template", "We could not check yet that your TikTok shop has shipping information (the shop is not linked or not checked).", "Link your TikTok shop so the app can check its shipping template."));
  }
  if (policies.returnPolicyConfigured === false) {
    findings.push(blocking("RETURN_INFO_MISSING", "shop.return_warehouse", "Your TikTok shop has no return address/policy, so buyers cannot see how to return items and TikTok refuses the listing.", "Set a return warehouse in TikTok Seller Center (Shipping → Warehouses), matching your Shopify refund policy.", { tiktokErrorCode: "12052535", source: "TikTok Shop Partner Center: Create product errors (12052535)" }));
  } else if (policies.returnPolicyConfigured === null) {
    findings.push(warning("RETURN_INFO_UNVERIFIED", "shop.return_warehouse", "We could not check yet that your TikTok shop has return information (the shop is not linked or not checked).", "Link your TikTok shop so the app can check its return warehouse."));
  }
  return findings;
}
