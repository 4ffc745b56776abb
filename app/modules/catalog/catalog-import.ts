// Loading the store's catalog into the app (the products page and the sync engine read it): two bulk
// operations export every product and then every variant's image and stock; each JSONL is streamed into
// the catalog mirror one product (or a batch of variants) at a time — constant memory whatever the catalog
// size — with progress counted on a SyncRun. Afterwards each product has a complete snapshot and the stock
// ledger is seeded, so the first sync of the catalog needs no Admin API read per product.
import type { RefreshPlannerStatistics } from "../../db/planner-statistics";
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { readBulkJsonl } from "../../integrations/shopify/bulk-jsonl-reader";
import {
  BULK_OPERATION_QUERY,
  CATALOG_EXPORT_CHILD_FIELDS,
  CATALOG_PRODUCTS_BULK_QUERY,
  CATALOG_VARIANTS_BULK_QUERY,
  RUN_BULK_QUERY_MUTATION,
  VARIANT_EXPORT_CHILD_FIELDS,
  type BulkOperationResult,
  type RunBulkQueryResult,
} from "../../integrations/shopify/catalog-bulk.graphql";
import type { Database } from "../../db.server";
import { indexFieldsFromProduct } from "./catalog-index-fields";
import type { CatalogRepository } from "./catalog-repository";
import { levelsOfExportedVariant, snapshotFromProductExport, type ExportedProduct, type ExportedVariantExtras } from "./catalog-snapshot";
import { readLevelsOf, type StockLedgerRepository } from "./stock-ledger-repository";

export const CATALOG_IMPORT_JOB = "catalog.import";
/** The products export's run (what the products page shows); the variants export has its own. */
export const CATALOG_IMPORT_RUN = "catalog-import";
export const CATALOG_VARIANTS_RUN = "catalog-variants-import";
const VARIANT_BATCH = 250;

export interface CatalogImportDeps {
  db: Database;
  catalog: CatalogRepository;
  ledger: StockLedgerRepository;
  shopifyFor: (shop: string) => Promise<ShopifyAdminGateway>;
  fetchResult?: (url: string) => Promise<Response>;
  /** After a catalog is imported: the database's planner learns its new size (PostgreSQL). */
  refreshStatistics?: RefreshPlannerStatistics;
  /** Imports an export even if Shopify's bulk_operations/finish webhook never comes. */
  scheduleFinish?: (shop: string, bulkOperationId: string) => Promise<unknown>;
}

/** Starts an export unless one is running; returns the SyncRun id that tracks it. */
export async function startCatalogImport(deps: CatalogImportDeps, shop: string): Promise<{ runId: string; bulkOperationId: string; alreadyRunning: boolean }> {
  const running = await deps.db.syncRun.findFirst({ where: { shop, kind: { in: [CATALOG_IMPORT_RUN, CATALOG_VARIANTS_RUN] }, status: "running" }, orderBy: { startedAt: "desc" } });
  if (running?.detail) return { runId: running.id, bulkOperationId: running.detail, alreadyRunning: true };
  const started = await startExport(deps, shop, CATALOG_IMPORT_RUN);
  return { ...started, alreadyRunning: false };
}

async function startExport(deps: CatalogImportDeps, shop: string, kind: string): Promise<{ runId: string; bulkOperationId: string }> {
  const shopify = await deps.shopifyFor(shop);
  const query = kind === CATALOG_IMPORT_RUN ? CATALOG_PRODUCTS_BULK_QUERY : CATALOG_VARIANTS_BULK_QUERY;
  const { bulkOperationRunQuery } = await shopify.request<RunBulkQueryResult>(RUN_BULK_QUERY_MUTATION, { query });
  const operation = bulkOperationRunQuery.bulkOperation;
  if (!operation) {
    const message = bulkOperationRunQuery.userErrors.map((e) => e.message).join("; ");
    throw Object.assign(new Error(`Shopify did not start the catalog export: ${message}`), { retryable: bulkOperationRunQuery.userErrors.some((e) => e.code === "OPERATION_IN_PROGRESS") });
  }
  const run = await deps.db.syncRun.create({ data: { shop, kind, status: "running", detail: operation.id } });
  await deps.scheduleFinish?.(shop, operation.id);
  return { runId: run.id, bulkOperationId: operation.id };
}

/** Job: when the export is complete, stream it into the catalog. Safe to run twice (upserts are stale-safe). */
export async function finishCatalogImport(deps: CatalogImportDeps, shop: string, bulkOperationId: string): Promise<"imported" | "already_done" | "failed"> {
  const run = await deps.db.syncRun.findFirst({ where: { shop, detail: bulkOperationId } });
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
  const lines = async function* <T>(fields: Record<string, string>) {
    if (!bulkOperation.url) return;
    const response = await (deps.fetchResult ?? fetch)(bulkOperation.url);
    if (!response.ok || !response.body) throw new Error(`Could not download the catalog export (HTTP ${response.status})`);
    // Any web stream is async-iterable (Readable.fromWeb would reject Remix's polyfilled one).
    yield* readBulkJsonl<T>(response.body as unknown as AsyncIterable<Uint8Array>, fields);
  };
  if (run?.kind === CATALOG_VARIANTS_RUN) {
    const imported = await importVariants(deps, shop, lines<ExportedVariantExtras>(VARIANT_EXPORT_CHILD_FIELDS), run.id);
    await finish(deps, run.id, "done", undefined, imported);
    return "imported";
  }
  let imported = 0;
  for await (const exported of lines<ExportedProduct>(CATALOG_EXPORT_CHILD_FIELDS)) {
    const snapshot = snapshotFromProductExport(exported);
    // The index lists every collection and counts every variant (the snapshot keeps what a read would).
    const fields = { ...indexFieldsFromProduct(snapshot), collections: (exported.collections?.nodes ?? []).map((c) => c.id), variantCount: exported.variantsCount?.count ?? snapshot.variants.nodes.length };
    await deps.catalog.upsert(shop, fields, JSON.stringify(snapshot));
    imported++;
    if (run && imported % 500 === 0) await deps.db.syncRun.update({ where: { id: run.id }, data: { succeeded: imported } });
  }
  // A retried job (it crashed after this) must not start a second variants export.
  const variantsRunning = await deps.db.syncRun.findFirst({ where: { shop, kind: CATALOG_VARIANTS_RUN, status: "running", startedAt: { gte: run?.startedAt ?? new Date(0) } } });
  if (!variantsRunning) await startExport(deps, shop, CATALOG_VARIANTS_RUN);
  await deps.refreshStatistics?.(["CatalogProduct", "ProductSync"]);
  await finish(deps, run?.id, "done", undefined, imported);
  return "imported";
}

/** Variants export: stock into the ledger, images and stock into the snapshots, a batch at a time. */
async function importVariants(deps: CatalogImportDeps, shop: string, variants: AsyncIterable<ExportedVariantExtras>, runId: string): Promise<number> {
  let batch: ExportedVariantExtras[] = [];
  let imported = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await deps.ledger.recordReads(shop, batch.map((v) => ({ inventoryItemId: v.inventoryItem.id, levels: readLevelsOf(levelsOfExportedVariant(v).filter((l) => l.updatedAt))! })));
    await deps.catalog.addVariantExtras(shop, batch);
    imported += batch.length;
    batch = [];
    await deps.db.syncRun.update({ where: { id: runId }, data: { succeeded: imported } });
  };
  for await (const variant of variants) {
    batch.push(variant);
    if (batch.length >= VARIANT_BATCH) await flush();
  }
  await flush();
  return imported;
}

async function finish(deps: CatalogImportDeps, runId: string | undefined, status: "done" | "failed", message?: string, imported = 0) {
  if (!runId) return;
  await deps.db.syncRun.update({ where: { id: runId }, data: { status, succeeded: imported, total: imported, finishedAt: new Date(), ...(message ? { detail: message } : {}) } });
}

