// Benchmark "inventory-latency": with products live on TikTok, stock changes are driven at a steady rate
// in the Shopify sandbox (each emits inventory_levels/update to the app). Latency runs from the moment the
// change is made in the sandbox's store until the simulator has applied a stock that includes it (each SKU's values
// only grow, so "TikTok's total ≥ the expected total" means this change or a later one is applied).
import { log, percentile, processMemoryMb, setShopifyStock, sleep, startLiveStore, stockTargets, tiktokSkuIndex, totalStock } from "./synced-store";

export async function runInventoryLatencyBench(args: Record<string, string>) {
  const rate = Number(args.rate ?? 100);
  const durationS = Number(args.duration ?? 30);
  const products = Number(args.products ?? 100);
  const variants = Number(args.variants ?? 3);
  const store = await startLiveStore({ products, variantsPerProduct: variants });
  const { h } = store;
  try {
    const targets = stockTargets(h, store.productIds);
    const skus = tiktokSkuIndex(h);
    // The app's inventory rules are the defaults (sum of locations, no buffer): TikTok shows Shopify's total.
    for (const t of targets) {
      const item = h.shopify.store.inventoryItems.get(t.inventoryItemId)!;
      const shopifyTotal = [...item.levels.values()].reduce((n, l) => n + l.quantities.available, 0);
      const onTikTok = totalStock(skus.get(t.variantId)!.sku.inventory);
      if (onTikTok !== shopifyTotal) throw new Error(`before the run, ${t.variantId} has ${onTikTok} on TikTok but ${shopifyTotal} in Shopify`);
    }
    log(`${targets.length} SKUs live; driving ${rate} stock changes/s for ${durationS} s`);

    interface Pending { sentAt: number; expected: number; variantId: string }
    const pendingByProduct = new Map<string, Set<Pending>>();
    const latencies: number[] = [];
    const lastValue = new Map<string, number>();
    const check = (tiktokProductId: string, at: number) => {
      const pending = pendingByProduct.get(tiktokProductId);
      if (!pending) return;
      for (const p of pending) {
        if (totalStock(skus.get(p.variantId)!.sku.inventory) >= p.expected) {
          latencies.push(at - p.sentAt);
          pending.delete(p);
        }
      }
    };
    let inventoryCalls = 0;
    let rateLimited = 0;
    const stop = store.onTikTokRequest((r) => {
      if (r.http_status === 429) rateLimited++;
      const m = /^\/product\/202309\/products\/(\d+)\/inventory\/update$/.exec(r.path);
      if (m) inventoryCalls++;
      if (m && r.http_status === 200) check(m[1]!, r.t);
    });

    const total = rate * durationS;
    const started = performance.now();
    let sendErrors = 0;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const t = targets[i % targets.length]!;
      const value = 1000 + i; // grows for every SKU
      const expected = t.otherLocations + value;
      const sku = skus.get(t.variantId)!;
      const entry: Pending = { sentAt: performance.now(), expected, variantId: t.variantId };
      const set = pendingByProduct.get(sku.productId) ?? new Set();
      pendingByProduct.set(sku.productId, set.add(entry));
      lastValue.set(t.variantId, expected);
      try {
        setShopifyStock(h, t.inventoryItemId, t.locationId, value);
      } catch {
        sendErrors++;
      }
      if (i % (rate * 5) === 0 && i > 0) log(`${(i / rate).toFixed(0)} s: ${i} sent, ${latencies.length} applied on TikTok`);
    }
    const driveS = (performance.now() - started) / 1000;
    log(`sent ${total} changes in ${driveS.toFixed(1)} s (${sendErrors} refused by the sandbox); waiting for the last ones`);

    const deadline = Date.now() + 60_000;
    const open = () => [...pendingByProduct.values()].reduce((n, s) => n + s.size, 0);
    while (open() > 0 && Date.now() < deadline) {
      for (const id of pendingByProduct.keys()) check(id, performance.now());
      await sleep(100);
    }
    stop();
    const neverApplied = open();
    let lost = 0;
    for (const [variantId, expected] of lastValue) if (totalStock(skus.get(variantId)!.sku.inventory) !== expected) lost++;
    latencies.sort((a, b) => a - b);
    const webhooks = await h.db.webhookDelivery.count({ where: { topic: "inventory_levels/update" } });
    const jobs = await h.db.job.groupBy({ by: ["type", "status"], _count: { _all: true } });
    log(`jobs: ${JSON.stringify(jobs.map((j) => [j.type, j.status, j._count._all]))}`);
    return {
      benchmark: "inventory-latency",
      skus: targets.length,
      changes: total,
      rate_per_s: Math.round((total / driveS) * 10) / 10,
      p50_ms: Math.round(percentile(latencies, 50)),
      p90_ms: Math.round(percentile(latencies, 90)),
      p99_ms: Math.round(percentile(latencies, 99)),
      max_ms: Math.round(latencies[latencies.length - 1] ?? NaN),
      measured: latencies.length,
      never_applied_within_60s: neverApplied,
      lost,
      webhooks_recorded: webhooks,
      tiktok_inventory_calls: inventoryCalls,
      tiktok_rate_limited: rateLimited,
      send_errors: sendErrors,
      app_peak_rss_mb: Math.round(processMemoryMb(h.app.pid)?.hwm ?? NaN),
    };
  } finally {
    await store.close();
  }
}
