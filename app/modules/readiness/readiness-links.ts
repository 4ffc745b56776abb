// Where a merchant fixes things: pages of their Shopify admin and their market's TikTok Seller Center.
import type { ReadinessAction } from "./readiness-item";
import { regionRuleFor } from "./region-rules";

/** A page of the store's Shopify admin (admin.shopify.com, or the sandbox's admin origin when configured). */
export function shopifyAdminPage(adminOrigin: string | undefined, shop: string, page: string): string {
  const admin = adminOrigin ? new URL(adminOrigin).origin : "https://admin.shopify.com";
  return `${admin}/store/${shop.replace(/\.myshopify\.com$/, "")}/${page.replace(/^\//, "")}`;
}

export function shopifyGeneralSettings(adminOrigin: string | undefined, shop: string, label = "Open Shopify settings"): ReadinessAction {
  return { label, url: shopifyAdminPage(adminOrigin, shop, "settings/general"), external: true };
}

/** The market's Seller Center (US when the market is unknown). TikTok publishes no stable page paths, so steps name the menu. */
export function sellerCenter(region: string | null | undefined, label = "Open TikTok Seller Center"): ReadinessAction {
  return { label, url: regionRuleFor(region)?.sellerCenterUrl ?? "https://seller-us.tiktok.com", external: true };
}

export const CONNECT_ACTION: ReadinessAction = { label: "Connect", url: "/app", external: false, formIntent: "connect-tiktok" };
