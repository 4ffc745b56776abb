// Benchmark "sync": a large generated catalog imported and chosen at once, until every product is created
// on TikTok. Measures the TikTok create/edit throughput against the simulator's rate limit, the share of
// calls refused with 429, and the app process's peak memory (web + in-process worker).
import {
  DEFAULT_RATE_LIMIT_QPS,
  generateCatalog,
  importCatalog,
  log,
  processMemoryMb,
  selectGenerated,
  sleep,
  startBenchStore,
  tiktokListings,
  type TimedRequest,
} from "./synced-store";

export interface SyncBenchOptions {
  products: number;
  variantsPerProduct: number;
  rateLimitQps: number;
  timeoutS: number;
  /** 0: the worker runs in the web process (the default deployment); N: N `npm run worker` processes. */
  workers: number;
  /** With separate workers, every process paces TikTok calls through this Redis (one shared budget). */
  redisUrl: string;
}

export function syncOptions(args: Record<string, string>): SyncBenchOptions {
  return {
    products: Number(args.products ?? 10_000),
    variantsPerProduct: Number(args.variants ?? 3),
    rateLimitQps: Number(args.qps ?? DEFAULT_RATE_LIMIT_QPS),
    timeoutS: Number(args.timeout ?? 1800),
    workers: Number(args.workers ?? 0),
    redisUrl: args.redis ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  };
}

const isCreateOrEdit = (r: { method: string; path: string }) =>
  (r.method === "POST" && r.path === "/product/202309/products") || (r.method === "PUT" && /^\/product\/202309\/products\/[^/]+$/.test(r.path));

export async function runSyncBench(options: SyncBenchOptions) {
  const store = await startBenchStore({ rateLimitQps: options.rateLimitQps, appEnv: options.workers ? { WORKER_IN_PROCESS: "false", REDIS_URL: options.redisUrl } : {} });
  const { h } = store;
  try {
    const pids = [h.app.pid];
    for (let i = 0; i < options.workers; i++) pids.push((await h.startWorker()).pid);
    // Peak memory per process (web, then each worker): each has the same budget.
    const peaks = pids.map(() => 0);
    const sample = () =>
      pids.forEach((pid, i) => {
        const mem = processMemoryMb(pid);
        if (mem) peaks[i] = Math.max(peaks[i]!, mem.hwm, mem.rss);
      });
    const sampler = setInterval(sample, 250);

    const { productIds } = await generateCatalog(h, options.products, options.variantsPerProduct);
    const wanted = new Set(productIds);
    const skus = productIds.reduce((n, id) => n + (h.shopify.store.products.get(id)?.variantIds.length ?? 0), 0);

    const importMs = await importCatalog(store, h.shopify.store.products.size);

    const calls: { total: number; rateLimited: number; byPath: Record<string, number>; handlerMs: Record<string, number>; createOrEdit: number; firstWrite?: number; lastWrite?: number } = { total: 0, rateLimited: 0, byPath: {}, handlerMs: {}, createOrEdit: 0 };
    const stopListening = store.onTikTokRequest((r: TimedRequest) => {
      calls.total++;
      if (r.http_status === 429) calls.rateLimited++;
      const key = `${r.method} ${r.path.replace(/\/\d{6,}(?=\/|$)/g, "/{id}")} ${r.http_status}`;
      calls.byPath[key] = (calls.byPath[key] ?? 0) + 1;
      calls.handlerMs[key] = (calls.handlerMs[key] ?? 0) + r.duration_ms;
      if (isCreateOrEdit(r) && r.http_status === 200 && r.code === 0) {
        calls.createOrEdit++;
        calls.firstWrite ??= r.t;
        calls.lastWrite = r.t;
      }
    });

    const productReadsBefore = h.shopify.adminOperations.get("productForListing") ?? 0;
    const selectStarted = performance.now();
    log(await selectGenerated(store), `(the select action took ${((performance.now() - selectStarted) / 1000).toFixed(1)} s)`);

    const deadline = Date.now() + options.timeoutS * 1000;
    let createdAt: number | undefined;
    let lastCount = -1;
    let stalledSince = Date.now();
    for (;;) {
      const { count, byStatus } = tiktokListings(h, wanted);
      const now = performance.now();
      if (count !== lastCount) stalledSince = Date.now();
      lastCount = count;
      const elapsed = (now - selectStarted) / 1000;
      log(`${elapsed.toFixed(0)} s: ${count}/${wanted.size} on TikTok ${JSON.stringify(byStatus)}; TikTok calls ${calls.total} (429: ${calls.rateLimited}); creates/edits ${calls.createOrEdit}; peak MB per process ${peaks.map((p) => p.toFixed(0)).join("/")}`);
      if (count >= wanted.size) {
        createdAt = now;
        break;
      }
      if (Date.now() > deadline) break;
      if (Date.now() - stalledSince > 120_000) {
        log("no progress for 120 s:\n" + (await h.diagnose()));
        break;
      }
      await sleep(2000);
    }
    // What the merchant sees: the products page shows a listing live once TikTok's status webhook for it was
    // processed (background work, behind the creates).
    let allLiveInApp: number | undefined;
    for (const liveDeadline = Date.now() + 300_000; createdAt && Date.now() < liveDeadline; await sleep(2000)) {
      const live = await h.db.productSync.count({ where: { state: "live" } });
      log(`${((performance.now() - selectStarted) / 1000).toFixed(0)} s: ${live}/${wanted.size} live in the app`);
      if (live >= wanted.size) {
        allLiveInApp = performance.now();
        break;
      }
    }
    stopListening();
    clearInterval(sampler);
    sample();

    const writeWindowS = calls.firstWrite !== undefined && calls.lastWrite !== undefined ? (calls.lastWrite - calls.firstWrite) / 1000 : NaN;
    const achieved = calls.createOrEdit / writeWindowS;
    const created = tiktokListings(h, wanted);
    const jobs = await h.db.job.groupBy({ by: ["type", "status"], _count: { _all: true } });
    log(`calls by path: ${JSON.stringify(calls.byPath)}`);
    log(`simulator handler ms (mean) by path: ${JSON.stringify(Object.fromEntries(Object.entries(calls.handlerMs).map(([k, v]) => [k, Math.round((v / calls.byPath[k]!) * 10) / 10])))}`);
    log(`jobs: ${JSON.stringify(jobs.map((j) => [j.type, j.status, j._count._all]))}`);
    return {
      benchmark: "sync",
      products: wanted.size,
      skus,
      complete: created.count >= wanted.size,
      created_on_tiktok: created.count,
      tiktok_status: created.byStatus,
      rate_limit_qps: options.rateLimitQps,
      create_edit_calls: calls.createOrEdit,
      create_window_s: Math.round(writeWindowS * 10) / 10,
      create_edit_per_s: Math.round(achieved * 100) / 100,
      throughput_vs_limit: Math.round((achieved / options.rateLimitQps) * 1000) / 1000,
      tiktok_calls: calls.total,
      rate_limited: calls.rateLimited,
      rate_limited_share: calls.total ? Math.round((calls.rateLimited / calls.total) * 10000) / 10000 : 0,
      peak_rss_mb: Math.round(Math.max(...peaks)),
      peak_rss_mb_by_process: Object.fromEntries(peaks.map((p, i) => [i === 0 ? (options.workers ? "web" : "web+worker") : `worker${i}`, Math.round(p)])),
      shopify_product_reads: (h.shopify.adminOperations.get("productForListing") ?? 0) - productReadsBefore,
      import_s: Math.round(importMs / 100) / 10,
      select_to_all_created_s: createdAt ? Math.round((createdAt - selectStarted) / 100) / 10 : null,
      select_to_all_live_in_app_s: allLiveInApp ? Math.round((allLiveInApp - selectStarted) / 100) / 10 : null,
      worker_concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
      worker_processes: options.workers || "in the web process",
    };
  } finally {
    if (process.env.BENCH_APP_LOG) (await import("node:fs")).writeFileSync(process.env.BENCH_APP_LOG, h.app.output());
    await store.close();
  }
}
