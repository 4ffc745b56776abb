// The composition root: builds the app's repositories, queue, webhook processors and job handlers once,
// from the real database and services. Routes and the worker take what they need from here; tests build
// their own from the same factories.
import { db } from "./db.server";
import { shopAdminGateways } from "./integrations/shopify/shop-admin-gateways.server";
import { createEmbeddedJobQueue } from "./jobs/embedded-job-queue";
import type { JobHandlers } from "./jobs/job-worker";
import { describeRule, matchingAutoIncludeRule, parseAutoIncludeRules } from "./modules/catalog/auto-include";
import { CATALOG_IMPORT_JOB, finishCatalogImport, startCatalogImport } from "./modules/catalog/catalog-import";
import { createCatalogImportProcessors, enqueueCatalogImport } from "./modules/catalog/catalog-import-processors";
import { createCatalogRepository } from "./modules/catalog/catalog-repository";
import { createCatalogWebhookProcessors } from "./modules/catalog/catalog-webhook-processors";
import { createImageUploader } from "./modules/catalog/image-upload-cache";
import { createInventoryWebhookProcessors } from "./modules/catalog/inventory-webhook-processors";
import { RECONCILE_SCHEDULER_JOB, runReconcileScheduler } from "./modules/catalog/reconcile";
import { selectProducts } from "./modules/catalog/select-products";
import { createStoreSettingsRepository } from "./modules/catalog/store-settings-repository";
import { enqueueProductSync, INVENTORY_SYNC_JOB, PRODUCT_SYNC_JOB, REVIEW_CHECK_JOB, scheduleReviewCheck, type InventorySyncPayload, type ProductSyncPayload } from "./modules/catalog/sync-jobs";
import { syncInventoryItem } from "./modules/catalog/sync-inventory";
import { syncProduct } from "./modules/catalog/sync-product";
import { createSyncStateRepository } from "./modules/catalog/sync-state-repository";
import { checkReview, createTikTokReviewProcessors } from "./modules/catalog/tiktok-review-processors";
import { createSessionWebhookProcessors } from "./modules/shop-lifecycle/session-webhooks";
import { processWebhookDelivery, type WebhookProcessor } from "./modules/webhooks/process-webhook-delivery";
import { createWebhookDeliveryRepository, PROCESS_WEBHOOK_JOB } from "./modules/webhooks/webhook-delivery-repository";
import { createAuthorizationWebhookProcessors } from "./modules/linking/authorization-webhooks";
import { tiktokShopLinks, tiktokShopSessions } from "./tiktok.server";

// How long a job is leased to a worker before another may take it (a crashed worker's jobs wait this long).
export const queue = createEmbeddedJobQueue(db, { visibilityTimeoutMs: Number(process.env.JOB_VISIBILITY_TIMEOUT_MS ?? 60_000) });
export const webhookDeliveries = createWebhookDeliveryRepository(db);
export const catalog = createCatalogRepository(db);
export const syncState = createSyncStateRepository(db);
export const storeSettings = createStoreSettingsRepository(db);

const tiktokFor = (shop: string) => tiktokShopSessions().forShop(shop);
/** How soon (and how often) a listing in review is checked with TikTok when no webhook has told us. */
const reviewCheckMs = Number(process.env.REVIEW_CHECK_INTERVAL_MS ?? 120_000);
/** How often every synced product is compared with TikTok and repaired. */
export const reconcileIntervalMs = Number(process.env.RECONCILE_INTERVAL_MS ?? 6 * 60 * 60 * 1000);

export const syncDeps = {
  shopifyFor: shopAdminGateways,
  tiktokFor,
  catalog,
  state: syncState,
  settings: storeSettings,
  uploadImage: createImageUploader({ db }),
  onSentToReview: (shop: string, productId: string) => scheduleReviewCheck(queue, shop, productId, reviewCheckMs),
  quotaRetryMs: Number(process.env.QUOTA_RETRY_INTERVAL_MS ?? 60 * 60 * 1000),
};

export const catalogImportDeps = { db, catalog, shopifyFor: shopAdminGateways };

/** Starts the catalog export and a fallback job that imports it even if Shopify's webhook never comes. */
export async function importCatalog(shop: string) {
  const started = await startCatalogImport(catalogImportDeps, shop);
  if (!started.alreadyRunning) await enqueueCatalogImport(queue, shop, started.bulkOperationId, new Date(Date.now() + 3000));
  return started;
}

export const webhookProcessors: Readonly<Record<string, WebhookProcessor>> = {
  ...createSessionWebhookProcessors(db),
  ...createCatalogWebhookProcessors({
    catalog,
    onProductChanged: async ({ shop, productId, trigger, created }) => {
      const record = await syncState.get(shop, productId);
      if (record?.selected || record?.tiktokProductId) return void (await enqueueProductSync(queue, shop, productId, trigger));
      if (!created) return;
      const rules = parseAutoIncludeRules((await db.storeSettings.findUnique({ where: { shop } }))?.autoInclude ?? "[]");
      const rule = matchingAutoIncludeRule(rules, created);
      if (rule) await selectProducts({ state: syncState, queue }, shop, [productId], true, `rule:${describeRule(rule)}`);
    },
  }),
  ...createInventoryWebhookProcessors({ state: syncState, queue }),
  ...createCatalogImportProcessors({ queue }),
  ...createTikTokReviewProcessors({ state: syncState, queue, tiktokFor }),
  ...createAuthorizationWebhookProcessors(tiktokShopLinks),
};

/** `${source}:${topic}` of the webhooks that have a processor (others are recorded only). */
export const processedWebhookTopics: ReadonlySet<string> = new Set(Object.keys(webhookProcessors));

export const jobHandlers: JobHandlers = {
  [PROCESS_WEBHOOK_JOB]: (job) =>
    processWebhookDelivery({ deliveries: webhookDeliveries, processors: webhookProcessors }, (job.payload as { deliveryId: string }).deliveryId),
  [PRODUCT_SYNC_JOB]: async (job) => {
    const { productId, trigger } = job.payload as ProductSyncPayload;
    await syncProduct(syncDeps, { shop: job.shop, productId, trigger });
  },
  [CATALOG_IMPORT_JOB]: async (job) => {
    await finishCatalogImport(catalogImportDeps, job.shop, (job.payload as { bulkOperationId: string }).bulkOperationId);
  },
  [RECONCILE_SCHEDULER_JOB]: async () => {
    await runReconcileScheduler({ db, queue }, reconcileIntervalMs);
  },
  [REVIEW_CHECK_JOB]: async (job) => {
    await checkReview({ state: syncState, queue, tiktokFor }, job.shop, (job.payload as { productId: string }).productId, reviewCheckMs);
  },
  [INVENTORY_SYNC_JOB]: async (job) => {
    const { inventoryItemId, trigger } = job.payload as InventorySyncPayload;
    await syncInventoryItem(syncDeps, { shop: job.shop, inventoryItemId, trigger });
  },
};
