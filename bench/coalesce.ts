// Benchmark "coalesce": 1,000 stock changes to one SKU within one second. Each change is a webhook; the
// app must collapse them into a few TikTok inventory calls for that product and end on the last value.
import { log, setShopifyStock, sleep, startLiveStore, stockTargets, tiktokSkuIndex, totalStock } from "./synced-store";

export async function runCoalesceBench(args: Record<string, string>) {
  const updates = Number(args.updates ?? 1000);
  const windowMs = Number(args.window ?? 1000);
  const store = await startLiveStore({ products: Number(args.products ?? 5), variantsPerProduct: 3 });
  const { h } = store;
  try {
    const [target] = stockTargets(h, store.productIds);
    const sku = tiktokSkuIndex(h).get(target!.variantId)!;
    const path = `/product/202309/products/${sku.productId}/inventory/update`;
    const calls: number[] = [];
    const stop = store.onTikTokRequest((r) => {
      if (r.path === path) calls.push(r.t);
    });

    log(`sending ${updates} stock changes to one SKU within ${windowMs} ms`);
    const started = performance.now();
    for (let i = 1; i <= updates; i++) {
      const due = started + ((i - 1) * windowMs) / updates;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      setShopifyStock(h, target!.inventoryItemId, target!.locationId, i);
    }
    const sentMs = performance.now() - started;
    // The final value is what Shopify holds now.
    const item = h.shopify.store.inventoryItems.get(target!.inventoryItemId)!;
    const finalExpected = [...item.levels.values()].reduce((n, l) => n + l.quantities.available, 0);
    log(`changed in ${sentMs.toFixed(0)} ms; waiting for the queue to settle`);

    // Settled: every delivery recorded, no webhook or inventory job left, and nothing new for 2 s.
    const deadline = Date.now() + 120_000;
    let quietSince = Date.now();
    let lastCalls = 0;
    for (;;) {
      const recorded = await h.db.webhookDelivery.count({ where: { topic: "inventory_levels/update" } });
      const busy = await h.db.job.count({ where: { type: { in: ["webhook.process", "inventory.sync"] }, status: { in: ["pending", "running"] } } });
      if (calls.length !== lastCalls || busy > 0 || recorded < updates) quietSince = Date.now();
      lastCalls = calls.length;
      if (Date.now() - quietSince > 2000) break;
      if (Date.now() > deadline) {
        log(`not settled after 120 s: ${recorded} deliveries recorded, ${busy} jobs busy`);
        break;
      }
      await sleep(200);
    }
    stop();
    const finalOnTikTok = totalStock(sku.sku.inventory);
    const recorded = await h.db.webhookDelivery.count({ where: { topic: "inventory_levels/update" } });
    const lastCallAfterMs = calls.length ? calls[calls.length - 1]! - started : null;
    return {
      benchmark: "coalesce",
      updates,
      sent_within_ms: Math.round(sentMs),
      webhooks_recorded: recorded,
      tiktok_calls: calls.length,
      final_value_correct: finalOnTikTok === finalExpected,
      final_value: finalOnTikTok,
      expected_value: finalExpected,
      last_call_after_ms: lastCallAfterMs === null ? null : Math.round(lastCallAfterMs),
    };
  } finally {
    await store.close();
  }
}
