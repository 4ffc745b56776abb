// Benchmark "products-page": what the products page's loader reads (a catalog page, the sync progress and the
// filter facets) for a store of 100,000 products, on a fresh database: the first page, paging on, every filter
// and the search, each timed over several loads; plus "all matching" (the ids of every product a filter selects).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "../app/db.server";
import { migrateDatabase } from "../app/db/migrations.server";
import { plannerStatisticsRefresher } from "../app/db/planner-statistics";
import { catalogFilterSchema, encodeList, type CatalogFilter } from "../app/modules/catalog/catalog-filter";
import { catalogSearchText, createCatalogRepository } from "../app/modules/catalog/catalog-repository";
import { loadSyncProgress } from "../app/modules/catalog/sync-progress";
import { createTemporaryPostgresDatabase } from "../tests/support/postgres-database";
import { log, percentile } from "./synced-store";

export const SHOP = "bench-catalog.myshopify.com";
const VENDORS = Array.from({ length: 40 }, (_, i) => `Vendor ${i + 1}`);
const TYPES = ["Shirts", "Pants", "Shoes", "Hats", "Bags", "Candles", "Mugs", "Posters", "Supplements", "Pet food"];
const TAGS = Array.from({ length: 200 }, (_, i) => `tag-${i + 1}`);
const WORDS = ["classic", "organic", "linen", "cotton", "vintage", "bamboo", "silver", "studio", "travel", "summer", "winter", "everyday"];
const SYNC_STATES = ["queued", "live", "live", "live", "in_review", "rejected", "error"];

export async function runProductsPageBench(args: Record<string, string>) {
  const products = Number(args.products ?? 100_000);
  const loads = Number(args.loads ?? 7);
  const postgres = args.database === "postgres" ? await createTemporaryPostgresDatabase() : undefined;
  const dir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), "products-page-"));
  const url = postgres?.url ?? `file:${path.join(dir!, "app.sqlite")}`;
  await migrateDatabase(url);
  const db = createDatabase(url);
  try {
    const seedStarted = performance.now();
    await seedCatalog(db, products);
    await plannerStatisticsRefresher(db, url)(["CatalogProduct", "ProductSync"]); // as the catalog import does
    log(`seeded ${products} products in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const catalog = createCatalogRepository(db);
    const filter = (f: Partial<CatalogFilter>) => catalogFilterSchema.parse(f);
    // What the loader awaits: the page and the progress together, then the facets.
    const loadPage = async (f: CatalogFilter, after?: string) => {
      const [page] = await Promise.all([catalog.page(SHOP, f, { after }), loadSyncProgress(db, SHOP)]);
      await catalog.facets(SHOP);
      return page;
    };
    const timed = async <T>(label: string, run: () => Promise<T>) => {
      const ms: number[] = [];
      let result: T | undefined;
      for (let i = 0; i < loads; i++) {
        const started = performance.now();
        result = await run();
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      const figures = { p50_ms: Math.round(percentile(ms, 50)), max_ms: Math.round(ms[ms.length - 1]!) };
      log(`${label}: ${JSON.stringify(figures)}`);
      return { figures, result: result! };
    };

    const first = await timed("first page", () => loadPage(filter({})));
    // Page 100 (rows 4,951–5,000): the cursor of page 99, reached by paging.
    let cursor: string | undefined;
    for (let i = 0; i < 99; i++) cursor = (await catalog.page(SHOP, filter({}), { after: cursor })).nextCursor ?? undefined;
    const deep = await timed("page 100", () => loadPage(filter({}), cursor));
    const cases = {
      search_word: filter({ query: "vintage" }),
      search_sku: filter({ query: "sku-077777" }),
      vendor: filter({ vendor: VENDORS[7] }),
      product_type: filter({ productType: "Candles" }),
      tag: filter({ tag: "tag-42" }),
      status_draft: filter({ status: ["DRAFT"] }),
      sync_state_rejected: filter({ syncState: ["rejected"] }),
      sync_state_not_synced: filter({ syncState: ["not_synced"] }),
      vendor_and_search: filter({ vendor: VENDORS[3], query: "linen" }),
    };
    const filtered: Record<string, { p50_ms: number; max_ms: number; matching: number }> = {};
    for (const [name, f] of Object.entries(cases)) {
      const { figures, result } = await timed(name, () => loadPage(f));
      filtered[name] = { ...figures, matching: result.total };
    }
    const allMatching = await timed("all matching (vendor)", () => catalog.matchingProductIds(SHOP, cases.vendor));
    const allProducts = await timed("all matching (every product)", () => catalog.matchingProductIds(SHOP, filter({})));
    const all = [first.figures, deep.figures, ...Object.values(filtered)];
    return {
      benchmark: "products-page",
      database: postgres ? "postgresql" : "sqlite",
      products,
      loads_per_case: loads,
      first_page_ms: first.figures.p50_ms,
      page_100_ms: deep.figures.p50_ms,
      filtered,
      slowest_page_p50_ms: Math.max(...all.map((f) => f.p50_ms)),
      slowest_page_max_ms: Math.max(...all.map((f) => f.max_ms)),
      all_matching_vendor_ms: allMatching.figures.p50_ms,
      all_matching_every_product_ms: allProducts.figures.p50_ms,
      total_reported: first.result.total,
    };
  } finally {
    await db.$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

/** Products as the catalog import writes them (index fields, no snapshot), ~30 % chosen for syncing. */
export async function seedCatalog(db: ReturnType<typeof createDatabase>, count: number) {
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => {
      const i = start + k;
      const title = `${cap(WORDS[i % WORDS.length]!)} ${cap(WORDS[(i * 7) % WORDS.length]!)} ${TYPES[i % TYPES.length]!.replace(/s$/, "")} ${i}`;
      const vendor = VENDORS[(i * 13) % VENDORS.length]!;
      const skus = [1, 2, 3].map((v) => `sku-${String(i).padStart(6, "0")}-${v}`);
      const handle = title.toLowerCase().replace(/\s+/g, "-");
      return {
        shop: SHOP,
        productId: `gid://shopify/Product/${1_000_000 + i}`,
        handle,
        title,
        vendor,
        productType: TYPES[i % TYPES.length]!,
        status: i % 10 === 0 ? "DRAFT" : i % 37 === 0 ? "ARCHIVED" : "ACTIVE",
        tags: encodeList([TAGS[i % TAGS.length]!, TAGS[(i * 3) % TAGS.length]!]),
        imageUrl: `https://cdn.example.com/${i}.jpg`,
        variantCount: 3,
        searchText: catalogSearchText({ title, handle, vendor, skus }),
        shopifyUpdatedAt: new Date(Date.UTC(2026, 10, 1) + i * 1000),
      };
    });
    await db.catalogProduct.createMany({ data: rows });
    const chosen = rows.filter((_, k) => (start + k) % 10 < 3);
    await db.productSync.createMany({
      data: chosen.map((r, k) => ({ id: randomUUID(), shop: SHOP, productId: r.productId, selected: true, state: SYNC_STATES[k % SYNC_STATES.length]! })),
    });
  }
}

function cap(word: string) {
  return word[0]!.toUpperCase() + word.slice(1);
}
