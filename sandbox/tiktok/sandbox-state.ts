import type {
  AuthCode, Authorization, Cancellation, Order, Product, ReturnRecord, Seller, Shop, TokenRecord, UploadedImage, WebhookDelivery,
} from "./model";
import type { KnownSalesAttribute } from "./listing-rules";
import { buildSeedWorld } from "./seed-data";

/** Everything the simulator knows, indexed by id so no request scans a whole collection. */
export class SandboxState {
  sellers = new Map<string, Seller>();
  shops = new Map<string, Shop>();
  shopsByCipher = new Map<string, Shop>();
  authorizations = new Map<string, Authorization>();
  authCodes = new Map<string, AuthCode>();
  accessTokens = new Map<string, TokenRecord>();
  refreshTokens = new Map<string, TokenRecord>();
  images = new Map<string, UploadedImage>();
  /** image hash (last uri segment) → uri, used to serve and to recognise description <img src>. */
  imagesByHash = new Map<string, string>();
  products = new Map<string, Product>();
  /** shop id → product ids in creation order (search pages walk this list). */
  productsByShop = new Map<string, string[]>();
  /** sku id → product id */
  skuToProduct = new Map<string, string>();
  /** `${shopId}\u0000${seller_sku}` → sku id */
  sellerSkuIndex = new Map<string, string>();
  /** `${shopId}\u0000${idempotency_key}` → product id */
  idempotency = new Map<string, string>();
  /** shop id → sales attributes stored on its products (attribute id → name, value ids), incl. generated custom ids */
  salesAttributesByShop = new Map<string, Map<string, KnownSalesAttribute>>();
  /** `${shopId}\u0000${utc day}` → products listed that day */
  listingsPerDay = new Map<string, number>();
  orders = new Map<string, Order>();
  ordersByShop = new Map<string, string[]>();
  packageToOrder = new Map<string, string>();
  /** `${shopId}\u0000${platform}\u0000${external order id}` → TikTok order ids (Add External Order References) */
  externalOrderIndex = new Map<string, Set<string>>();
  cancellations = new Map<string, Cancellation>();
  returns = new Map<string, ReturnRecord>();
  /** `${shopId}\u0000${event_type}` → address registered through the Event API */
  webhookSubscriptions = new Map<string, { address: string; create_time: number; update_time: number }>();
  webhooks: WebhookDelivery[] = [];
  webhooksById = new Map<string, WebhookDelivery>();

  constructor(nowSeconds: number) {
    const world = buildSeedWorld(nowSeconds);
    for (const seller of world.sellers) this.sellers.set(seller.openId, seller);
    for (const shop of world.shops) {
      this.shops.set(shop.id, shop);
      this.shopsByCipher.set(shop.cipher, shop);
      this.productsByShop.set(shop.id, []);
      this.ordersByShop.set(shop.id, []);
    }
  }
}
