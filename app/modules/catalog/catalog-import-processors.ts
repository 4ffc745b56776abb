// bulk_operations/finish: the catalog export is ready; import it in a job.
import { bulkOperationFinishWebhookPayload, parseShopifyJson } from "../../integrations/shopify/shopify-webhook-payloads";
import type { JobQueue } from "../../jobs/job-queue";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
import { CATALOG_IMPORT_JOB } from "./catalog-import";

export function enqueueCatalogImport(queue: JobQueue, shop: string, bulkOperationId: string, runAt?: Date) {
  return queue.enqueue({ shop, type: CATALOG_IMPORT_JOB, key: `catalog-import:${shop}:${bulkOperationId}`, payload: { bulkOperationId }, runAt });
}

export function createCatalogImportProcessors(deps: { queue: JobQueue }): Record<string, WebhookProcessor> {
  return {
    "shopify:bulk_operations/finish": async ({ shop, payload }) => {
      const finished = bulkOperationFinishWebhookPayload.parse(parseShopifyJson(payload));
      if (finished.type !== "query") return { ignored: "not a query export" };
      await enqueueCatalogImport(deps.queue, shop, finished.bulkOperationId);
    },
  };
}
