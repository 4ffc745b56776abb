// The catalog import against the Shopify sandbox: two bulk exports (products, then variants with images and
// stock) streamed into the catalog mirror and the stock ledger. What it leaves must stand in for a read:
// each product's snapshot with the ledger's stock equals what the Admin API returns for it now.
import { beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminGateway, type ShopifyAdminGateway } from "../../../app/integrations/shopify/admin-graphql-gateway";
import type { Database } from "../../../app/db.server";
import { plannerStatisticsRefresher } from "../../../app/db/planner-statistics";
import { CATALOG_VARIANTS_RUN, finishCatalogImport, startCatalogImport, type CatalogImportDeps } from "../../../app/modules/catalog/catalog-import";
import { createCatalogRepository } from "../../../app/modules/catalog/catalog-repository";
import { isCompleteSnapshot, withLedgerStock } from "../../../app/modules/catalog/catalog-snapshot";
import { readProductForListing } from "../../../app/modules/catalog/read-product";
import { createStockLedgerRepository } from "../../../app/modules/catalog/stock-ledger-repository";
import type { ShopifyProduct } from "../../../app/modules/listing/shopify-product";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { startTestSandbox } from "../shopify-sandbox/sandbox-harness";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

describe.each(TEST_DATABASES)("catalog import on $name", (backend) => {
  let sandbox: ShopifySandbox;
  let db: Database;
  let deps: CatalogImportDeps;
  let shopify: ShopifyAdminGateway;
  const scheduled: string[] = [];
  const database = useMigratedDatabase(backend);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    db = database();
    shopify = createShopifyAdminGateway({ shop: sandbox.shopDomain, accessToken: sandbox.issueAccessToken(), apiVersion: "2026-10", adminOrigin: sandbox.url });
    deps = {
      db,
      catalog: createCatalogRepository(db),
      ledger: createStockLedgerRepository(db),
      shopifyFor: async () => shopify,
      refreshStatistics: plannerStatisticsRefresher(db, database.url()),
      scheduleFinish: async (_shop, id) => void scheduled.push(id),
    };
    return () => sandbox.close();
  });

  /** The import job, run as the queue would: again while Shopify still exports. */
  const finishWhenReady = async (bulkOperationId: string) => {
    for (let i = 0; i < 200; i++) {
      try {
        return await finishCatalogImport(deps, sandbox.shopDomain, bulkOperationId);
      } catch (error) {
        if (!(error as { deferred?: boolean }).deferred) throw error;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    throw new Error("the export never finished");
  };

  it("imports every product, then every variant's image and stock; each snapshot with the ledger's stock is what a read returns", { timeout: 60_000 }, async () => {
    const shop = sandbox.shopDomain;
    const started = await startCatalogImport(deps, shop);
    expect(scheduled).toEqual([started.bulkOperationId]); // a fallback import job for each export
    expect(await finishWhenReady(started.bulkOperationId)).toBe("imported");
    expect(await finishWhenReady(started.bulkOperationId)).toBe("already_done");

    const variantsRun = await db.syncRun.findFirstOrThrow({ where: { shop, kind: CATALOG_VARIANTS_RUN } });
    expect(scheduled).toEqual([started.bulkOperationId, variantsRun.detail]);
    expect(await finishWhenReady(variantsRun.detail!)).toBe("imported");
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: variantsRun.id } })).succeeded).toBe(sandbox.store.variants.size);

    const rows = await db.catalogProduct.findMany({ where: { shop } });
    expect(rows).toHaveLength(sandbox.store.products.size);
    let withVariantImages = 0;
    for (const row of rows) {
      const snapshot = JSON.parse(row.snapshot!) as ShopifyProduct;
      expect(isCompleteSnapshot(snapshot), row.handle).toBe(true);
      const levels = await deps.ledger.levelsFor(shop, snapshot.variants.nodes.map((v) => v.inventoryItem.id));
      const fromSnapshot = withLedgerStock(snapshot, levels);
      const read = await readProductForListing(shopify, row.productId, row.variantCount);
      expect(fromSnapshot, row.handle).toEqual(read);
      if (snapshot.variants.nodes.some((v) => v.media.nodes.length)) withVariantImages++;
    }
    expect(withVariantImages).toBeGreaterThan(0); // the comparison covered variant images

    if (backend.name === "PostgreSQL") {
      // The planner knows the imported catalog's size at once (not only after autovacuum's next round).
      const analyzed = await db.$queryRawUnsafe<Array<{ relname: string }>>(`SELECT relname::text AS relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname IN ('CatalogProduct', 'ProductSync') ORDER BY relname`);
      expect(analyzed.map((r) => r.relname)).toEqual(["CatalogProduct", "ProductSync"]);
    }
  });

  it("keeps a snapshot an edit made out of date from standing in for a read (the catalog has the newer version)", async () => {
    const shop = sandbox.shopDomain;
    const row = (await db.catalogProduct.findFirstOrThrow({ where: { shop } }))!;
    const snapshot = JSON.parse(row.snapshot!) as ShopifyProduct;
    expect(new Date(snapshot.updatedAt).getTime()).toBe(row.shopifyUpdatedAt.getTime());
    await deps.catalog.upsert(shop, { productId: row.productId, handle: row.handle, title: "Edited", vendor: row.vendor, productType: row.productType, status: row.status, tags: [], imageUrl: null, variantCount: row.variantCount, skus: [], shopifyUpdatedAt: new Date(row.shopifyUpdatedAt.getTime() + 1000) });
    const after = (await deps.catalog.find(shop, row.productId))!;
    expect(after.snapshot).toBe(row.snapshot); // kept, but now older than the catalog's version
    expect(after.shopifyUpdatedAt.getTime()).toBeGreaterThan(new Date(snapshot.updatedAt).getTime());
  });
});
