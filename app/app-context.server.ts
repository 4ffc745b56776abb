// The composition root: builds the app's repositories, queue, webhook processors and job handlers once,
// from the real database and services. Routes and the worker take what they need from here; tests build
// their own from the same factories.
import { db } from "./db.server";
import { createWebhookIntake } from "./db/delivery-intake-store";
import { plannerStatisticsRefresher } from "./db/planner-statistics";
import { shopAdminGateways } from "./integrations/shopify/shop-admin-gateways.server";
import { createEmbeddedJobQueue } from "./jobs/embedded-job-queue";
import type { JobHandlers } from "./jobs/job-worker";
import { parseAutoIncludeRules } from "./modules/catalog/auto-include";
import { autoIncludeNewProduct, type AutoIncludeDeps } from "./modules/catalog/auto-include-new-product";
import {
  PRODUCT_COLLECTIONS_QUERY,
  type ProductCollectionsResult,
} from "./integrations/shopify/product-collections.graphql";
import {
  CATALOG_IMPORT_JOB,
  finishCatalogImport,
  startCatalogImport,
  type CatalogImportDeps,
} from "./modules/catalog/catalog-import";
import { createCatalogImportProcessors, enqueueCatalogImport } from "./modules/catalog/catalog-import-processors";
import { createCatalogRepository } from "./modules/catalog/catalog-repository";
import {
  createCatalogBatchProcessors,
  createCatalogWebhookProcessors,
  type CatalogWebhookDeps,
} from "./modules/catalog/catalog-webhook-processors";
import { createImageUploader } from "./modules/catalog/image-upload-cache";
import {
  createInventoryItemProcessors,
  createInventoryLevelBatchProcessors,
} from "./modules/catalog/inventory-webhook-processors";
import { RECONCILE_SCHEDULER_JOB, runReconcileScheduler, scheduleReconcile } from "./modules/catalog/reconcile";
import { createStoreSettingsRepository } from "./modules/catalog/store-settings-repository";
import {
  DEFAULT_STOCK_PUSH_TIMING,
  enqueueProductSync,
  INVENTORY_SYNC_JOB,
  PRODUCT_SYNC_JOB,
  REVIEW_CHECK_JOB,
  createReviewSweepScheduler,
  createStockPushScheduler,
  type InventorySyncPayload,
  type ProductSyncPayload,
} from "./modules/catalog/sync-jobs";
import { syncProductStock } from "./modules/catalog/sync-inventory";
import { createStockLedgerRepository } from "./modules/catalog/stock-ledger-repository";
import { syncProduct } from "./modules/catalog/sync-product";
import { createSyncStateRepository } from "./modules/catalog/sync-state-repository";
import { createTikTokReviewBatchProcessors, sweepReviews } from "./modules/catalog/tiktok-review-processors";
import {
  DEFAULT_HISTORY_RETENTION_MS,
  PRUNE_HISTORY_JOB,
  runPruneHistory,
  schedulePruneHistory,
} from "./modules/maintenance/prune-history";
import { createSessionWebhookProcessors } from "./modules/shop-lifecycle/session-webhooks";
import {
  processWebhookDeliveries,
  type WebhookBatchProcessor,
  type WebhookProcessor,
} from "./modules/webhooks/process-webhook-delivery";
import type { ReceiveWebhookDeps } from "./modules/webhooks/receive-webhook";
import {
  createWebhookDeliveryRepository,
  PROCESS_WEBHOOK_JOB,
  type ProcessWebhookPayload,
} from "./modules/webhooks/webhook-delivery-repository";
import { createAuthorizationWebhookProcessors } from "./modules/linking/authorization-webhooks";
import { settingsForNewCatalogShop } from "./modules/linking/catalog-shop-choice";
import type { ChooseCatalogShopDeps } from "./modules/linking/choose-catalog-shop";
import { loadPoliciesReadiness } from "./modules/readiness/policies-readiness";
import { tiktokShopLinks, tiktokShopSessions } from "./tiktok.server";
import { config } from "./config.server";
import { SHOP_CURRENCY_QUERY, type ShopCurrencyResult } from "./integrations/shopify/shop-currency.graphql";
import {
  CANCEL_ON_TIKTOK_JOB,
  TIKTOK_RETURN_JOB,
  enqueueLaterOrderSync,
  ORDER_POLL_JOB,
  ORDER_POLL_SCHEDULER_JOB,
  ORDER_SYNC_JOB,
  PUSH_TRACKING_JOB,
  scheduleOrderPolls,
  type OrderSyncPayload,
} from "./modules/orders/order-jobs";
import type { OrderSyncDeps } from "./modules/orders/order-sync-deps";
import {
  createFulfillmentWebhookProcessors,
  createOrderWebhookProcessors,
} from "./modules/orders/order-webhook-processors";
import { pollOrders, runOrderPollScheduler } from "./modules/orders/poll-orders";
import { applyTikTokReturn } from "./modules/orders/apply-tiktok-return";
import { cancelOnTikTok } from "./modules/orders/cancel-on-tiktok";
import { pushTracking } from "./modules/orders/push-tracking";
import { syncTikTokOrder } from "./modules/orders/sync-tiktok-order";
import type { FulfillmentWebhook } from "./integrations/shopify/shopify-webhook-payloads";
import { createTikTokOrderRepository } from "./modules/orders/tiktok-order-repository";
import {
  FINANCE_IMPORT_JOB,
  FINANCE_SCHEDULER_JOB,
  runFinanceScheduler,
  startFinanceImports,
  type FinanceImportPayload,
} from "./modules/money/finance-jobs";
import { importStatements } from "./modules/money/import-statements";
import { logger } from "./logger.server";
import type { ShopifyAdminGateway } from "./integrations/shopify/admin-graphql-gateway";
import { createSellerProfileExtensionSource } from "./integrations/tiktok/seller-profile-extension";
import { createAttestationRepository } from "./modules/readiness/attestation-repository";
import type { ReadinessChecklistDeps } from "./modules/readiness/load-readiness-checklist";
import { countChosenProducts } from "./modules/readiness/product-readiness-counts";
import type { TikTokShopLink } from "./modules/linking/tiktok-shop-link-repository";
import type { TikTokShopSession } from "./modules/linking/tiktok-shop-sessions";
import type { PrerequisiteCheck } from "./modules/readiness/shop-setup-readiness";

// How long a job is leased to a worker before another may take it (a crashed worker's jobs wait this long).
export const queue = createEmbeddedJobQueue(db, {
  visibilityTimeoutMs: Number(process.env.JOB_VISIBILITY_TIMEOUT_MS ?? 60_000),
});
export const webhookDeliveries = createWebhookDeliveryRepository(db);
export const catalog = createCatalogRepository(db);
export const syncState = createSyncStateRepository(db);
export const storeSettings = createStoreSettingsRepository(db);
export const stockLedger = createStockLedgerRepository(db);
/** Debounce of stock pushes per product (milliseconds). */
const pushStock = createStockPushScheduler(queue, {
  delayMs: Number(process.env.STOCK_PUSH_DELAY_MS ?? DEFAULT_STOCK_PUSH_TIMING.delayMs),
  maxWaitMs: Number(process.env.STOCK_PUSH_MAX_WAIT_MS ?? DEFAULT_STOCK_PUSH_TIMING.maxWaitMs),
  sustainedMaxWaitMs: Number(
    process.env.STOCK_PUSH_SUSTAINED_MAX_WAIT_MS ?? DEFAULT_STOCK_PUSH_TIMING.sustainedMaxWaitMs
  ),
});

const tiktokFor = (shop: string) => tiktokShopSessions().forShop(shop);
/** How soon (and how often) a listing in review is checked with TikTok when no webhook has told us. */
const reviewCheckMs = Number(process.env.REVIEW_CHECK_INTERVAL_MS ?? 120_000);
/** How often every synced product is compared with TikTok and repaired. */
const reconcileIntervalMs = Number(process.env.RECONCILE_INTERVAL_MS ?? 6 * 60 * 60 * 1000);
/** How long processed webhook deliveries and finished jobs are kept (troubleshooting reads them). */
const historyRetentionMs = Number(process.env.HISTORY_RETENTION_MS ?? DEFAULT_HISTORY_RETENTION_MS);

export const tiktokOrders = createTikTokOrderRepository(db);

export const syncDeps = {
  shopifyFor: shopAdminGateways,
  tiktokFor,
  catalog,
  state: syncState,
  settings: storeSettings,
  ledger: stockLedger,
  uploadImage: createImageUploader({ db }),
  onSentToReview: createReviewSweepScheduler(queue, reviewCheckMs),
  resyncProduct: (shop: string, productId: string, trigger: string) =>
    enqueueProductSync(queue, shop, productId, trigger),
  quotaRetryMs: Number(process.env.QUOTA_RETRY_INTERVAL_MS ?? 60 * 60 * 1000),
  unitsSoldNotInShopify: (shop: string) => tiktokOrders.unreservedUnits(shop),
};

/** A store's session with one of its linked TikTok shops (an order belongs to the shop it was sold in). */
async function tiktokForShop(shop: string, tiktokShopId: string): Promise<TikTokShopSession> {
  const link = (await tiktokShopLinks().byTikTokShopId(tiktokShopId)).find((l) => l.shop === shop);
  if (!link)
    throw Object.assign(new Error(`TikTok shop ${tiktokShopId} is no longer linked to ${shop}`), { retryable: false });
  return tiktokShopSessions().forLink(link);
}

/** The store's currency, read at most every 10 minutes per shop: every order import checks it. */
const shopCurrencies = new Map<string, { currency: string; readAt: number }>();
async function shopCurrencyOf(shop: string): Promise<string> {
  const held = shopCurrencies.get(shop);
  if (held && Date.now() - held.readAt < 10 * 60_000) return held.currency;
  const currency = (await (await shopAdminGateways(shop)).request<ShopCurrencyResult>(SHOP_CURRENCY_QUERY)).shop
    .currencyCode;
  shopCurrencies.set(shop, { currency, readAt: Date.now() });
  return currency;
}

export const orderSyncDeps: OrderSyncDeps = {
  orders: tiktokOrders,
  ledger: stockLedger,
  variantsByTikTokSku: (shop, skuIds) => syncState.variantsByTikTokSku(shop, skuIds),
  shopifyFor: shopAdminGateways,
  tiktokFor: tiktokForShop,
  mappedCarriers: async (shop) => (await storeSettings.document(shop)).carriers ?? {},
  shopCurrency: shopCurrencyOf,
  syncLater: (shop, tiktokShopId, tiktokOrderId, at) =>
    enqueueLaterOrderSync(queue, shop, { tiktokShopId, tiktokOrderId, trigger: "remorse-hour-over" }, at),
  lookupGraceMs: config.ORDER_CREATE_LOOKUP_GRACE_MS,
  now: () => new Date(),
};
const pollDeps = { db, queue, orders: tiktokOrders, tiktokFor: tiktokForShop, now: () => new Date() };
const financeImportDeps = { db, tiktokFor: tiktokForShop, now: () => new Date() };

/** Choosing which linked TikTok shop the catalog syncs to (home page and shipping page). */
export function catalogShopChoiceDeps(): ChooseCatalogShopDeps {
  return {
    links: tiktokShopLinks(),
    countListedProducts: (shop) => syncState.countListed(shop),
    forgetShopSpecificSettings: async (shop) => void (await storeSettings.update(shop, settingsForNewCatalogShop)),
  };
}

export const catalogImportDeps: CatalogImportDeps = {
  db,
  catalog,
  ledger: stockLedger,
  shopifyFor: shopAdminGateways,
  refreshStatistics: plannerStatisticsRefresher(db),
  // A fallback job imports each export even if Shopify's webhook never comes.
  scheduleFinish: (shop, bulkOperationId) =>
    enqueueCatalogImport(queue, shop, bulkOperationId, new Date(Date.now() + 3000)),
};

export function importCatalog(shop: string) {
  return startCatalogImport(catalogImportDeps, shop);
}

const autoIncludeDeps: AutoIncludeDeps = {
  state: syncState,
  queue,
  rulesFor: async (shop) =>
    parseAutoIncludeRules((await db.storeSettings.findUnique({ where: { shop } }))?.autoInclude ?? "[]"),
  collectionsOf: async (shop, productId) =>
    (
      await (
        await shopAdminGateways(shop)
      ).request<ProductCollectionsResult>(PRODUCT_COLLECTIONS_QUERY, { id: productId })
    ).product?.collections.nodes ?? [],
};
const inventoryWebhookDeps = { state: syncState, ledger: stockLedger, pushStock };
const catalogWebhookDeps: CatalogWebhookDeps = {
  catalog,
  onProductChanged: async ({ shop, productId, trigger, facts }) => {
    const record = await syncState.get(shop, productId);
    if (record?.selected || record?.tiktokProductId)
      return void (await enqueueProductSync(queue, shop, productId, trigger));
    if (facts && !record) await autoIncludeNewProduct(autoIncludeDeps, shop, productId, facts);
  },
};
/** Topics whose deliveries are processed together when they arrive in a burst. */
export const webhookBatchProcessors: Readonly<Record<string, WebhookBatchProcessor>> = {
  ...createInventoryLevelBatchProcessors(inventoryWebhookDeps),
  ...createCatalogBatchProcessors(catalogWebhookDeps),
  ...createTikTokReviewBatchProcessors({ state: syncState, queue, tiktokFor }),
};

export const webhookProcessors: Readonly<Record<string, WebhookProcessor>> = {
  ...createSessionWebhookProcessors(db, (shop, report) =>
    logger.info({ shop, report }, "customers/data_request answered")
  ),
  ...createCatalogWebhookProcessors(catalogWebhookDeps),
  ...createInventoryItemProcessors(inventoryWebhookDeps),
  ...createCatalogImportProcessors({ queue }),
  ...createAuthorizationWebhookProcessors(tiktokShopLinks),
  ...createOrderWebhookProcessors({ links: tiktokShopLinks, queue }),
  ...createFulfillmentWebhookProcessors({ queue, orders: tiktokOrders }),
};

/** `${source}:${topic}` of the webhooks that have a processor (others are recorded only). */
export const processedWebhookTopics: ReadonlySet<string> = new Set([
  ...Object.keys(webhookProcessors),
  ...Object.keys(webhookBatchProcessors),
]);

/** What the webhook intake paths (Shopify and TikTok) need to record a delivery and wake the worker. */
export const webhookIntake: ReceiveWebhookDeps = {
  intake: createWebhookIntake(undefined, {
    onJobsRecorded: () => queue.notify(),
    logger: logger.child({ component: "webhook-intake" }),
    // SQLite: under a burst, deliveries go from the journal into the database at most this often (20 ms by default).
    importIntervalMs: process.env.WEBHOOK_IMPORT_INTERVAL_MS
      ? Number(process.env.WEBHOOK_IMPORT_INTERVAL_MS)
      : undefined,
  }),
  processedTopics: processedWebhookTopics,
};

export const jobHandlers: JobHandlers = {
  [PROCESS_WEBHOOK_JOB]: (job) => {
    const { deliveryIds, deliveryId } = job.payload as ProcessWebhookPayload;
    return processWebhookDeliveries(
      { deliveries: webhookDeliveries, processors: webhookProcessors, batchProcessors: webhookBatchProcessors },
      deliveryIds ?? (deliveryId ? [deliveryId] : [])
    );
  },
  [PRODUCT_SYNC_JOB]: async (job) => {
    const { productId, trigger } = job.payload as ProductSyncPayload;
    await syncProduct(syncDeps, { shop: job.shop, productId, trigger });
  },
  [CATALOG_IMPORT_JOB]: async (job) => {
    await finishCatalogImport(
      catalogImportDeps,
      job.shop,
      (job.payload as { bulkOperationId: string }).bulkOperationId
    );
  },
  [RECONCILE_SCHEDULER_JOB]: async () => {
    await runReconcileScheduler({ db, queue }, reconcileIntervalMs);
  },
  [PRUNE_HISTORY_JOB]: async () => {
    await runPruneHistory({ db, queue }, historyRetentionMs);
  },
  [REVIEW_CHECK_JOB]: async (job) => {
    // Also runs the per-listing checks queued before sweeps (their payload names a product): a sweep of its shop covers it.
    await sweepReviews({ state: syncState, queue, tiktokFor }, job.shop, reviewCheckMs);
  },
  [ORDER_SYNC_JOB]: async (job) => {
    const { tiktokShopId, tiktokOrderId, trigger } = job.payload as OrderSyncPayload;
    await syncTikTokOrder(orderSyncDeps, { shop: job.shop, tiktokShopId, tiktokOrderId, trigger });
  },
  [TIKTOK_RETURN_JOB]: async (job) => {
    await applyTikTokReturn(orderSyncDeps, job.shop, job.payload as { tiktokOrderId: string; returnId: string });
  },
  [CANCEL_ON_TIKTOK_JOB]: async (job) => {
    await cancelOnTikTok(orderSyncDeps, job.shop, job.payload as { shopifyOrderId: string; reason: string });
  },
  [PUSH_TRACKING_JOB]: async (job) => {
    await pushTracking(orderSyncDeps, job.shop, job.payload as FulfillmentWebhook);
  },
  [ORDER_POLL_JOB]: async (job) => {
    await pollOrders(pollDeps, job.shop, (job.payload as { tiktokShopId: string }).tiktokShopId);
  },
  [ORDER_POLL_SCHEDULER_JOB]: async () => {
    await runOrderPollScheduler({ db, queue }, config.ORDER_POLL_INTERVAL_MS);
  },
  [FINANCE_IMPORT_JOB]: async (job) => {
    await importStatements(financeImportDeps, job.shop, (job.payload as FinanceImportPayload).tiktokShopId);
  },
  [FINANCE_SCHEDULER_JOB]: async () => {
    await runFinanceScheduler({ db, queue }, config.FINANCE_SYNC_INTERVAL_MS);
  },
  [INVENTORY_SYNC_JOB]: async (job) => {
    const { productId, inventoryItemId, trigger } = job.payload as InventorySyncPayload;
    const forProduct =
      productId ??
      (inventoryItemId ? (await syncState.skuLinkByInventoryItem(job.shop, inventoryItemId))?.productId : undefined);
    if (forProduct) await syncProductStock(syncDeps, { shop: job.shop, productId: forProduct, trigger });
  },
};

/** The self-renewing jobs, queued by each worker as it starts (one already pending is left as it is). */
export async function scheduleRecurringJobs(): Promise<void> {
  await scheduleReconcile(queue, reconcileIntervalMs);
  await schedulePruneHistory(queue, 10 * 60 * 1000); // not at start-up, when a deploy is busiest
  await scheduleOrderPolls(queue, config.ORDER_POLL_INTERVAL_MS, new Date()); // at start-up: orders missed while down
  await startFinanceImports({ db, queue }, config.FINANCE_SYNC_INTERVAL_MS); // at start-up, then every interval
}

export const attestations = createAttestationRepository(db);
export const sellerProfiles = createSellerProfileExtensionSource({
  baseUrl: config.TIKTOK_SELLER_PROFILE_BASE_URL ?? config.TIKTOK_API_BASE_URL,
});

/** What the home checklist reads, for one store's Admin API gateway. */
export function readinessChecklistDeps(shopify: ShopifyAdminGateway, shop: string): ReadinessChecklistDeps {
  // One page load opens one TikTok session per shop and reads the listing-prerequisites check once, for the
  // checklist and the shipping items alike.
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  const sessions = new Map<string, Promise<TikTokShopSession>>();
  const prerequisitesOf = new Map<string, Promise<PrerequisiteCheck[]>>();
  const session = (link: TikTokShopLink) => once(sessions, link.id, () => tiktokShopSessions().forLink(link));
  const prerequisites = (link: TikTokShopLink) =>
    once(
      prerequisitesOf,
      link.id,
      async () => (await (await session(link)).api.catalog.getListingPrerequisites()).data.check_results
    );
  return {
    shopify,
    links: tiktokShopLinks(),
    prerequisites,
    sellerProfiles,
    attestations,
    productCounts: (shop) => countChosenProducts(db, shop),
    policiesItems: (link) =>
      loadPoliciesReadiness({
        shop,
        shopify,
        settings: storeSettings,
        tiktok: async () => (link ? session(link) : null),
        prerequisites: link ? () => prerequisites(link) : undefined,
      }),
    adminOrigin: config.SHOPIFY_ADMIN_ORIGIN,
  };
}
