import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "./config.server";
import { db } from "./db.server";
import { createAdminOriginFetch } from "./integrations/shopify/admin-origin-fetch";

// After the node adapter has installed plain fetch: route Admin/OAuth calls to SHOPIFY_ADMIN_ORIGIN when set.
setAbstractFetchFunc(createAdminOriginFetch(config.SHOPIFY_ADMIN_ORIGIN));

export const SHOPIFY_API_VERSION = ApiVersion.October26;

export const sessionStorage = new PrismaSessionStorage(db);

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  appUrl: config.SHOPIFY_APP_URL,
  scopes: config.SCOPES ? config.SCOPES.split(",") : undefined,
  apiVersion: SHOPIFY_API_VERSION,
  authPathPrefix: "/auth",
  sessionStorage,
  distribution: AppDistribution.AppStore,
  // Webhook subscriptions are declared in shopify.app.toml (app-specific), not registered from code.
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = SHOPIFY_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
/** The App Bridge script the embedded pages load (Shopify's CDN unless configured). */
export const appBridgeUrl = config.APP_BRIDGE_URL ?? "https://cdn.shopify.com/shopifycloud/app-bridge.js";
