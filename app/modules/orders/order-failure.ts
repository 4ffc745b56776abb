// A step that failed on Shopify's or TikTok's side is written on the order's timeline, with TikTok's request id
// and what to do, so the merchant sees it where they look (waiting is not failing: deferrals are not written).
import { ShopifyAdminError } from "../../integrations/shopify/shopify-admin-error";
import { TikTokApiError } from "../../integrations/tiktok/tiktok-errors";
import type { OrderEventInput } from "./tiktok-order-repository";

export function describeOrderFailure(error: unknown): OrderEventInput | null {
  const e = error as Error & { deferred?: boolean; retryable?: boolean };
  if (e.deferred) return null;
  const retry =
    e.retryable === false
      ? "It is not retried by itself: fix the cause, then press Retry."
      : "The app tries again by itself.";
  if (error instanceof TikTokApiError) {
    const entry = error.catalogEntry;
    const why = entry ? `${entry.explanation} ${entry.action}` : error.message;
    return {
      action: "error",
      outcome: "failed",
      requestId: error.requestId,
      summary: `TikTok refused a request for this order (${error.code}): ${why} ${retry}`,
    };
  }
  if (error instanceof ShopifyAdminError) {
    const fix =
      error.kind === "unauthorized" ? "Open the app once from the Shopify admin so it can renew its access." : retry;
    return {
      action: "error",
      outcome: "failed",
      summary: `Shopify did not complete a request for this order: ${error.message}. ${fix}`,
    };
  }
  return {
    action: "error",
    outcome: "failed",
    summary: `Something went wrong with this order: ${e.message}. ${retry}`,
  };
}
