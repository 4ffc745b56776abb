// Seller Center address for a TikTok Shop region. The addresses are data in the market rules
// (readiness/region-rules.ts, with their confidence); regions we do not know get TikTok's global Seller Center.
import { regionRuleFor } from "../readiness/region-rules";

const GLOBAL_SELLER_CENTER = "https://seller.tiktokglobalshop.com";

export function sellerCenterUrl(region: string | null | undefined): string {
  return regionRuleFor(region)?.sellerCenterUrl ?? GLOBAL_SELLER_CENTER;
}
