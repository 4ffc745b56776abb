// Loading the store's catalog into the app (the products page and the sync engine read it): a bulk
// operation exports every product, and its JSONL is streamed into the catalog mirror one product at a
// time — constant memory whatever the catalog size — with progress counted on a SyncRun.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { readBulkJsonl } from "../../integrations/shopify/bulk-jsonl-reader";
import {
  BULK_OPERATION_QUERY,
  CATALOG_EXPORT_CHILD_FIELDS,
  CATALOG_PRODUCTS_BULK_QUERY,
  RUN_BULK_QUERY_MUTATION,
  type BulkOperationResult,
  type RunBulkQueryResult,
} from "../../integrations/shopify/catalog-bulk.graphql";
import type { Database } from "../../db.server";
import type { ShopifyProduct } from "../listing/shopify-product";
import { indexFieldsFromProduct } from "./catalog-index-fields";
import type { CatalogRepository } from "./catalog-repository";

export const CATALOG_IMPORT_JOB = "catalog.import";
const KIND = "catalog-import";

export interface CatalogImportDeps {
  db: Database;
  catalog: CatalogRepository;
  shopifyFor: (shop: string) => Promise<ShopifyAdminGateway>;
  fetchResult?: (url: string) => Promise<Response>;
}

/** Starts an export unless one is running; returns the SyncRun id that tracks it. */
export async function startCatalogImport(deps: CatalogImportDeps, shop: string): Promise<{ runId: string; bulkOperationId: string; alreadyRunning: boolean }> {
  const running = await deps.db.syncRun.findFirst({ where: { shop, kind: KIND, status: "running" }, orderBy: { startedAt: "desc" } });
  if (running?.detail) return { runId: running.id, bulkOperationId: running.detail, alreadyRunning: true };
  const shopify = await deps.shopifyFor(shop);
  const { bulkOperationRunQuery } = await shopify.request<RunBulkQueryResult>(RUN_BULK_QUERY_MUTATION, { query: CATALOG_PRODUCTS_BULK_QUERY });
  const operation = bulkOperationRunQuery.bulkOperation;
  if (!operation) {
    const message = bulkOperationRunQuery.userErrors.map((e) => e.message).join("; ");
    throw Object.assign(new Error(`Shopify did not start the catalog export: ${message}`), { retryable: bulkOperationRunQuery.userErrors.some((e) => e.code === "OPERATION_IN_PROGRESS") });
  }
  const run = await deps.db.syncRun.create({ data: { shop, kind: KIND, status: "running", detail: operation.id } });
  return { runId: run.id, bulkOperationId: operation.id, alreadyRunning: false };
}

/** Job: when the export is complete, stream it into the catalog. Safe to run twice (upserts are stale-safe). */
export async function finishCatalogImport(deps: CatalogImportDeps, shop: string, bulkOperationId: string): Promise<"imported" | "already_done" | "failed"> {
  const run = await deps.db.syncRun.findFirst({ where: { shop, kind: KIND, detail: bulkOperationId } });
  if (run && run.status !== "running") return "already_done";
  const shopify = await deps.shopifyFor(shop);
  const { bulkOperation } = await shopify.request<BulkOperationResult>(BULK_OPERATION_QUERY, { id: bulkOperationId });
  if (!bulkOperation) throw Object.assign(new Error(`Shopify no longer knows the export ${bulkOperationId}`), { retryable: false });
  if (bulkOperation.status === "CREATED" || bulkOperation.status === "RUNNING") {
    throw Object.assign(new Error("The catalog export is still running"), { retryable: true, deferred: true, retryAt: new Date(Date.now() + 2000) });
  }
  if (bulkOperation.status !== "COMPLETED") {
    await finish(deps, run?.id, "failed", `Shopify's export ended ${bulkOperation.status.toLowerCase()} (${bulkOperation.errorCode ?? "no code"}). Start it again from the products page.`);
    return "failed";
  }
  let imported = 0;
  if (bulkOperation.url) {
    const response = await (deps.fetchResult ?? fetch)(bulkOperation.url);
    if (!response.ok || !response.body) throw new Error(`Could not download the catalog export (HTTP ${response.status})`);
    // Any web stream is async-iterable (Readable.fromWeb would reject Remix's polyfilled one).
    for await (const product of readBulkJsonl<ShopifyProduct>(response.body as unknown as AsyncIterable<Uint8Array>, CATALOG_EXPORT_CHILD_FIELDS)) {
      await deps.catalog.upsert(shop, indexFieldsFromProduct(withEmptyConnections(product)));
      imported++;
      if (run && imported % 500 === 0) await deps.db.syncRun.update({ where: { id: run.id }, data: { succeeded: imported } });
    }
  }
  await finish(deps, run?.id, "done", undefined, imported);
  return "imported";
}

async function finish(deps: CatalogImportDeps, runId: string | undefined, status: "done" | "failed", message?: string, imported = 0) {
  if (!runId) return;
  await deps.db.syncRun.update({ where: { id: runId }, data: { status, succeeded: imported, total: imported, finishedAt: new Date(), ...(message ? { detail: message } : {}) } });
}

/** JSONL omits a connection that had no nodes. */
function withEmptyConnections(product: ShopifyProduct): ShopifyProduct {
  return {
    ...product,
    collections: product.collections ?? { nodes: [] },
    media: product.media ?? { nodes: [] },
    variants: product.variants ?? { nodes: [] },
  };
}
