// What the order use cases need, passed in by the composition root (and by tests, with real parts).
import { DeferredJobError } from "../../jobs/job-errors";
import type { ShopAdminGateways } from "../../integrations/shopify/shop-admin-gateways.server";
import type { StockLedgerRepository } from "../catalog/stock-ledger-repository";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { TikTokOrderRepository } from "./tiktok-order-repository";

export interface OrderSyncDeps {
  orders: TikTokOrderRepository;
  ledger: StockLedgerRepository;
  variantsByTikTokSku: (
    shop: string,
    tiktokSkuIds: string[]
  ) => Promise<Map<string, { variantId: string; inventoryItemId: string | null }>>;
  shopifyFor: ShopAdminGateways;
  tiktokFor: (shop: string, tiktokShopId: string) => Promise<TikTokShopSession>;
  shopCurrency: (shop: string) => Promise<string>;
  /** The merchant's carrier choices (Shopify tracking company → TikTok provider name). */
  mappedCarriers: (shop: string) => Promise<Record<string, string>>;
  /** Runs the order's sync again at `at` (the end of TikTok's cancellation hour). */
  syncLater: (shop: string, tiktokShopId: string, tiktokOrderId: string, at: Date) => Promise<unknown>;
  /** How long after a create whose answer was lost the app looks for the order before creating it again. */
  lookupGraceMs: number;
  now: () => Date;
}

/** The step must wait (Shopify's order limit, a create whose outcome is unknown): the job comes back without spending an attempt. */
export class OrderStepDeferred extends DeferredJobError {}
