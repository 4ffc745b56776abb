// The system under benchmark: both sandboxes and the built app (web + in-process worker) on a fresh
// SQLite database (tests/support/sync-harness.ts), a generated catalog in the Shopify sandbox, store
// settings that give every generated product a TikTok category, and helpers to import the catalog, choose
// the generated products and wait until TikTok has them.
import { readFileSync } from "node:fs";
import { embeddedClient } from "../tests/support/embedded-fetch";
import { sampleStoreSettings } from "../tests/support/merchant-setup";
import { startSyncHarness, type SyncHarness } from "../tests/support/sync-harness";
import type { RequestLogEntry } from "../sandbox/tiktok/model";
import type { ShopifySandboxOptions } from "../sandbox/shopify/server";

export const PRODUCTS_ROUTE = "routes/app.products._index";
/** Simulator leaf "Lighting" (sandbox/tiktok/catalog-data.ts): only sales properties, no required product attributes. */
export const BENCH_CATEGORY_ID = "600032";
/** TikTok's documented budget per API and shop (contract §2.2), the simulator's default and the app's client limiter. */
export const DEFAULT_RATE_LIMIT_QPS = 50;

export const log = (...parts: unknown[]) => process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${parts.map(String).join(" ")}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TimedRequest extends RequestLogEntry {
  /** Real time (performance.now()) when the simulator finished handling it. */
  t: number;
}

export interface BenchStore {
  h: SyncHarness;
  app: ReturnType<typeof embeddedClient>;
  /** Every TikTok API request since start, with real timestamps (the simulator's own log keeps whole sim-seconds). */
  onTikTokRequest(listener: (r: TimedRequest) => void): () => void;
  close(): Promise<void>;
}

export function benchSettings() {
  return sampleStoreSettings({
    listing: {
      categoryMapping: [{ match: { tag: "generated" }, categoryId: BENCH_CATEGORY_ID, categoryVersion: "v2" }],
      categoryRequirements: [{ categoryId: BENCH_CATEGORY_ID, requiredAttributes: [], packageDimensionsRequired: true, certificationsRequired: false }],
    },
  });
}

export async function startBenchStore(options: { rateLimitQps: number; reviewDelayMs?: number; appEnv?: Record<string, string>; shopify?: Partial<ShopifySandboxOptions> }): Promise<BenchStore> {
  log(`starting sandboxes and the built app (TikTok rate limit ${options.rateLimitQps} req/s per API and shop)`);
  const h = await startSyncHarness({
    tiktok: { rateLimitQps: options.rateLimitQps, dailyListingQuota: 1_000_000, reviewDelayMs: options.reviewDelayMs ?? 100, requestLogLimit: 1000 },
    settings: benchSettings(),
    shopify: options.shopify,
    // The app paces itself to the simulator's limit, as it does to TikTok's published one.
    appEnv: { LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? "warn", TIKTOK_RATE_LIMIT_QPS: String(options.rateLimitQps), ...options.appEnv },
  });
  const listeners = new Set<(r: TimedRequest) => void>();
  const requestLog = h.tiktok.simulator.requestLog;
  const add = requestLog.add.bind(requestLog);
  requestLog.add = (entry: RequestLogEntry) => {
    add(entry);
    const timed = { ...entry, t: performance.now() };
    for (const listener of listeners) listener(timed);
  };
  return {
    h,
    app: embeddedClient(h.app.url, h.shopify),
    onTikTokRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (process.env.BENCH_APP_LOG) (await import("node:fs")).writeFileSync(process.env.BENCH_APP_LOG, h.app.output());
      await h.close();
    },
  };
}

export async function generateCatalog(h: SyncHarness, count: number, variantsPerProduct: number): Promise<{ productIds: string[] }> {
  const before = new Set(h.shopify.store.products.keys());
  for (let done = 0; done < count; ) {
    const batch = Math.min(2000, count - done);
    const response = await fetch(`${h.shopify.url}/sandbox/generate-products`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: batch, variantsPerProduct, webhooks: false }),
    });
    if (response.status !== 201) throw new Error(`generate-products → HTTP ${response.status}: ${await response.text()}`);
    done += batch;
  }
  const productIds = [...h.shopify.store.products.keys()].filter((id) => !before.has(id));
  log(`generated ${productIds.length} products × ${variantsPerProduct} variants in the Shopify sandbox`);
  return { productIds };
}

/** First visit of the products page starts the bulk-operation import; waits until it is done. */
export async function importCatalog(store: BenchStore, expectedTotal: number, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = (await store.app.load("/app/products", PRODUCTS_ROUTE)) as { progress: { catalogImport: { status: string; imported: number } | null } };
    const run = data.progress.catalogImport;
    if (run?.status === "done") {
      if (run.imported < expectedTotal) throw new Error(`catalog import finished with ${run.imported} products, expected ${expectedTotal}`);
      const ms = performance.now() - started;
      log(`catalog import done: ${run.imported} products in ${(ms / 1000).toFixed(1)} s`);
      return ms;
    }
    if (run?.status === "failed") throw new Error("catalog import failed");
    if (Date.now() > deadline) throw new Error(`catalog import not done after ${timeoutMs / 1000} s (${JSON.stringify(run)})`);
    await sleep(1000);
  }
}

export async function selectGenerated(store: BenchStore): Promise<string> {
  const result = (await store.app.act("/app/products?index", PRODUCTS_ROUTE, { intent: "select-matching", selected: "true", search: "tag=generated" })) as { ok: boolean; message: string };
  if (!result.ok) throw new Error(`select-matching refused: ${result.message}`);
  return result.message;
}

/** TikTok products (not deleted) whose external product id is one of `productIds`, by status. */
export function tiktokListings(h: SyncHarness, productIds: ReadonlySet<string>) {
  const byStatus: Record<string, number> = {};
  let count = 0;
  for (const p of h.tiktok.state.products.values()) {
    if (p.status === "DELETED" || !productIds.has(p.content.external_product_id ?? "")) continue;
    count++;
    byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
  }
  return { count, byStatus };
}

/** Peak resident set (VmHWM) and current RSS of a process, in MB; undefined when it is gone. */
export function processMemoryMb(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { hwm: kb("VmHWM") / 1024, rss: kb("VmRSS") / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, every thread) a process has used so far, in ms; undefined when it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name (which may hold spaces).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_S = 100;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function machineInfo() {
  const os = await import("node:os");
  return { nproc: os.availableParallelism(), mem_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version };
}

/** A store whose generated products are all live on TikTok, with the app's queue quiet again. */
export async function startLiveStore(options: {
  products: number;
  variantsPerProduct: number;
  rateLimitQps?: number;
  timeoutS?: number;
  appEnv?: Record<string, string>;
  shopify?: Partial<ShopifySandboxOptions>;
}): Promise<BenchStore & { productIds: string[] }> {
  const store = await startBenchStore({ rateLimitQps: options.rateLimitQps ?? DEFAULT_RATE_LIMIT_QPS, appEnv: options.appEnv, shopify: options.shopify });
  try {
    const { h } = store;
    const { productIds } = await generateCatalog(h, options.products, options.variantsPerProduct);
    await importCatalog(store, h.shopify.store.products.size);
    log(await selectGenerated(store));
    const wanted = new Set(productIds);
    const deadline = Date.now() + (options.timeoutS ?? 900) * 1000;
    for (;;) {
      const { count, byStatus } = tiktokListings(h, wanted);
      const live = await h.db.productSync.count({ where: { productId: { in: productIds }, state: "live" } });
      const busy = await h.db.job.count({ where: { OR: [{ status: "running" }, { status: "pending", type: { in: ["webhook.process", "product.sync", "inventory.sync"] } }] } });
      log(`setup: ${count}/${wanted.size} on TikTok ${JSON.stringify(byStatus)}, ${live} live in the app, ${busy} jobs busy`);
      if (byStatus.ACTIVATE === wanted.size && live === wanted.size && busy === 0) break;
      if (Date.now() > deadline) throw new Error(`setup did not finish:\n${await h.diagnose()}`);
      await sleep(2000);
    }
    return { ...store, productIds };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The TikTok SKU that carries a Shopify variant, and its total stock over warehouses. */
export function tiktokSkuIndex(h: SyncHarness) {
  const byVariant = new Map<string, { productId: string; sku: { id: string; inventory: Map<string, number> } }>();
  for (const product of h.tiktok.state.products.values()) {
    if (product.status === "DELETED") continue;
    for (const sku of product.skus.values()) if (sku.external_sku_id) byVariant.set(sku.external_sku_id, { productId: product.id, sku });
  }
  return byVariant;
}

export const totalStock = (inventory: Map<string, number>) => [...inventory.values()].reduce((n, q) => n + q, 0);

/**
 * A stock change in the Shopify sandbox's store, as a merchant's edit in the admin makes it: the sandbox then sends
 * its inventory_levels/update webhook to the app. Made in-process rather than through the sandbox's HTTP form: the
 * bench process also hosts both sandboxes, and on a slow machine 1,000 such requests took ~3 s to send, so
 * "1,000 changes within 1 s" was not what the app received (and each latency included that hop).
 */
export function setShopifyStock(h: SyncHarness, inventoryItemId: string, locationId: string, available: number): void {
  h.shopify.store.setQuantity(inventoryItemId, locationId, "available", available);
}

/** Every tracked variant of the products with its inventory item, a location, and the stock at the other locations. */
export function stockTargets(h: SyncHarness, productIds: readonly string[]) {
  const targets: Array<{ variantId: string; inventoryItemId: string; locationId: string; otherLocations: number }> = [];
  for (const productId of productIds) {
    for (const variantId of h.shopify.store.products.get(productId)?.variantIds ?? []) {
      const variant = h.shopify.store.variants.get(variantId)!;
      const item = h.shopify.store.inventoryItems.get(variant.inventoryItemId)!;
      const [locationId, ...others] = [...item.levels.keys()];
      const otherLocations = others.reduce((n, l) => n + item.levels.get(l)!.quantities.available, 0);
      targets.push({ variantId, inventoryItemId: item.id, locationId: locationId!, otherLocations });
    }
  }
  return targets;
}
