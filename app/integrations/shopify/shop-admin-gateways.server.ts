// Admin GraphQL gateways for background work (no merchant request): the shop's offline session, kept
// valid (refreshed when it expires) by shopify-app-remix's unauthenticated.admin.
import { config } from "../../config.server";
import { apiVersion, unauthenticated } from "../../shopify.server";
import { createShopifyAdminGateway, type ShopifyAdminGateway } from "./admin-graphql-gateway";
import { ShopifyCostBudget } from "./shopify-cost-budget";

export type ShopAdminGateways = (shop: string) => Promise<ShopifyAdminGateway>;

/** Every job of this process spends from one estimate of each shop's Admin API bucket. */
const costBudget = new ShopifyCostBudget();

export const shopAdminGateways: ShopAdminGateways = async (shop) => {
  const { session } = await unauthenticated.admin(shop);
  if (!session.accessToken) throw Object.assign(new Error(`No Shopify access token for ${shop}: the app must be opened once from the Shopify admin`), { retryable: false });
  return createShopifyAdminGateway({ shop, accessToken: session.accessToken, apiVersion, adminOrigin: config.SHOPIFY_ADMIN_ORIGIN, budget: costBudget });
};
