import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import {
  markShippedResultSchema, trackingResultSchema,
  type TikTokMarkShippedBody, type TikTokMarkShippedResult, type TikTokShipPackageBody, type TikTokShippingInfoBody,
  type TikTokTrackingResult,
} from "./types/order";
import { emptyDataSchema } from "./types/tiktok-primitives";

/** Shipping and tracking (contract §6). */
export function createFulfillmentApi(call: ShopCall) {
  return {
    /** TikTok shipping (handover + pickup slot) or SEND_BY_SELLER (`self_shipment`). Answers with empty `data`. */
    shipPackage(packageId: string, body: TikTokShipPackageBody) {
      // Shipping twice is refused by TikTok (already shipped) rather than duplicated, so retries are safe.
      return call({ method: "POST", path: "/fulfillment/202309/packages/{package_id}/ship", pathParams: { package_id: packageId },
        body, schema: emptyDataSchema, shopScoped: true, idempotent: true });
    },

    /** Seller-carrier orders (US/UK/EU/JP): creates a package. Not resent after an ambiguous failure (could split twice). */
    markPackageShipped(orderId: string, body: TikTokMarkShippedBody): Promise<TikTokResult<TikTokMarkShippedResult>> {
      return call({ method: "POST", path: "/fulfillment/202309/orders/{order_id}/packages", pathParams: { order_id: orderId },
        body, schema: markShippedResultSchema, shopScoped: true, idempotent: false });
    },

    /** Within 72 h of shipping, seller-shipped orders only. */
    updateOrderShippingInfo(orderId: string, body: TikTokShippingInfoBody) {
      return call({ method: "POST", path: "/fulfillment/202309/orders/{order_id}/shipping_info/update", pathParams: { order_id: orderId },
        body, schema: emptyDataSchema, shopScoped: true, idempotent: true });
    },

    updatePackageShippingInfo(packageId: string, body: TikTokShippingInfoBody) {
      return call({ method: "POST", path: "/fulfillment/202309/packages/{package_id}/shipping_info/update",
        pathParams: { package_id: packageId }, body, schema: emptyDataSchema, shopScoped: true, idempotent: true });
    },

    getTracking(orderId: string): Promise<TikTokResult<TikTokTrackingResult>> {
      return call({ method: "GET", path: "/fulfillment/202309/orders/{order_id}/tracking", pathParams: { order_id: orderId },
        schema: trackingResultSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokFulfillmentApi = ReturnType<typeof createFulfillmentApi>;
