import { createAnalyticsApi } from "./analytics";
import { createCatalogApi } from "./catalog";
import { createEventsApi } from "./events";
import { createFinanceApi } from "./finance";
import { createFulfillmentApi } from "./fulfillment";
import { createInventoryApi } from "./inventory";
import { createLogisticsApi } from "./logistics";
import { createOrdersApi } from "./orders";
import { createProductsApi } from "./products";
import { createReturnsApi } from "./returns";
import { createSellerApi } from "./seller";
import type { TikTokClientConfig } from "./tiktok-client-config";
import { TikTokApiError } from "./tiktok-errors";
import { createOAuthApi } from "./tiktok-oauth";
import type { ShopCall } from "./tiktok-shop-call";
import { TikTokTransport, type TikTokRequest } from "./tiktok-transport";

export interface TikTokShopContext {
  accessToken: string;
  /** From Get Authorized Shops; required for shop-scoped endpoints. */
  shopCipher: string;
  /** For logs and the rate-limit key only. */
  shopId?: string;
  /**
   * Optional hook: called once when TikTok says the access token expired (105002). It should refresh the token
   * (and persist the new pair) and return the new access token; the failed call is then retried once with it.
   * Without the hook the `auth_expired` error goes to the caller.
   */
  onAccessTokenExpired?: () => Promise<string>;
}

/** The seller-level context (before a shop is chosen): token only. */
export interface TikTokSellerContext {
  accessToken: string;
  onAccessTokenExpired?: () => Promise<string>;
}

function bindCall(transport: TikTokTransport, ctx: { accessToken: string; shopCipher?: string; shopId?: string;
  onAccessTokenExpired?: () => Promise<string> }): ShopCall {
  let accessToken = ctx.accessToken;
  let refreshing: Promise<string> | undefined;
  return async <T>(request: TikTokRequest<T>) => {
    const tokenForThisCall = accessToken;
    try {
      return await transport.send(request, { accessToken: tokenForThisCall, shopCipher: ctx.shopCipher, shopId: ctx.shopId });
    } catch (error) {
      if (!(error instanceof TikTokApiError) || error.kind !== "auth_expired" || !ctx.onAccessTokenExpired) throw error;
      // Calls that hit the expiry together share one refresh; a call that failed with an already-replaced token
      // just retries with the new one.
      if (accessToken === tokenForThisCall) {
        refreshing ??= ctx.onAccessTokenExpired().finally(() => { refreshing = undefined; });
        accessToken = await refreshing;
      }
      return transport.send(request, { accessToken, shopCipher: ctx.shopCipher, shopId: ctx.shopId });
    }
  };
}

function shopApis(call: ShopCall) {
  return {
    products: createProductsApi(call),
    inventory: createInventoryApi(call),
    catalog: createCatalogApi(call),
    logistics: createLogisticsApi(call),
    fulfillment: createFulfillmentApi(call),
    orders: createOrdersApi(call),
    returns: createReturnsApi(call),
    events: createEventsApi(call),
    analytics: createAnalyticsApi(call),
    finance: createFinanceApi(call),
    seller: createSellerApi(call),
  };
}

export type TikTokShopClient = ReturnType<typeof shopApis>;

/**
 * The TikTok Shop Open API client. `oauth` works without a token; `forSeller` lists authorized shops;
 * `forShop` returns every shop-scoped API bound to one shop's token and cipher.
 */
export function createTikTokClient(config: TikTokClientConfig) {
  for (const key of ["appKey", "appSecret", "apiBaseUrl", "authBaseUrl", "authorizeUrl"] as const) {
    if (!config[key]) throw new TypeError(`createTikTokClient: config.${key} is required`);
  }
  const transport = new TikTokTransport(config);
  return {
    oauth: createOAuthApi(transport),
    forSeller(ctx: TikTokSellerContext) {
      const seller = createSellerApi(bindCall(transport, ctx));
      return { getAuthorizedShops: seller.getAuthorizedShops, getActiveShops: seller.getActiveShops, getPermissions: seller.getPermissions };
    },
    forShop(ctx: TikTokShopContext): TikTokShopClient {
      if (!ctx.shopCipher) throw new TypeError("forShop: shopCipher is required");
      return shopApis(bindCall(transport, ctx));
    },
  };
}

export type TikTokClient = ReturnType<typeof createTikTokClient>;
