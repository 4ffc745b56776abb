import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import { activeShopsResultSchema, authorizedShopsResultSchema, permissionsResultSchema } from "./types/seller";
import { emptyDataSchema } from "./types/tiktok-primitives";

/** Seller-level reads (no shop_cipher, contract §1.1) and developer-initiated deauthorization. */
export function createSellerApi(call: ShopCall) {
  return {
    /** Shops this token may act for, with the `cipher` every shop-scoped call needs. */
    getAuthorizedShops() {
      return call({ method: "GET", path: "/authorization/202309/shops", schema: authorizedShopsResultSchema, shopScoped: false, idempotent: true });
    },
    getActiveShops() {
      return call({ method: "GET", path: "/seller/202309/shops", schema: activeShopsResultSchema, shopScoped: false, idempotent: true });
    },
    getPermissions(): Promise<TikTokResult<{ permissions: string[] }>> {
      return call({ method: "GET", path: "/seller/202309/permissions", schema: permissionsResultSchema, shopScoped: false, idempotent: true });
    },
    /** Revokes the app's authorization for this shop (TikTok emails the seller). */
    deauthorizeShop() {
      return call({ method: "DELETE", path: "/authorization/202403/shops", schema: emptyDataSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokSellerApi = ReturnType<typeof createSellerApi>;
