// Benchmark "oversell": one SKU with `--units` units (all at one location), live on TikTok with the app's default
// inventory rules (stock buffer 0). Over `--seconds`, buyers try to buy `--demand` units on TikTok (simulator
// orders, TikTok's usual one-hour hold) and as many on the Shopify store's checkout (POST /sandbox/storefront-orders,
// which obeys the variant's DENY policy), one unit an order, alternating — together more than there is. Each side
// refuses what its own stock does not cover: TikTok its stock (what the app pushed, less what TikTok sold since),
// the storefront Shopify's available (less what the app reserved for TikTok orders). Oversold units are accepted
// units beyond the physical stock. Then every TikTok hold is ended, the orders are imported, and both sides must
// show the same stock.
import { busyJobs, postJson, shopifyQuantity, watchReservations, watchShopifyOrders, watchTikTokStatuses } from "./order-watch";
import { log, percentile, processMemoryMb, setShopifyStock, sleep, startLiveStore, stockTargets, tiktokSkuIndex, totalStock } from "./synced-store";

export async function runOversellBench(args: Record<string, string>) {
  const units = Number(args.units ?? 200);
  const seconds = Number(args.seconds ?? 30);
  const demand = Number(args.demand ?? Math.round(units * 0.75)); // per side
  const store = await startLiveStore({ products: 1, variantsPerProduct: 1 });
  const { h } = store;
  try {
    const [target] = stockTargets(h, store.productIds);
    const item = h.shopify.store.inventoryItems.get(target!.inventoryItemId)!;
    const [first, ...others] = [...item.levels.keys()];
    for (const locationId of others) setShopifyStock(h, item.id, locationId, 0);
    setShopifyStock(h, item.id, first!, units);
    const sku = tiktokSkuIndex(h).get(target!.variantId)!.sku;
    const tiktokStock = () => totalStock(sku.inventory);
    const available = () => shopifyQuantity(h, item.id, "available");
    for (const deadline = Date.now() + 60_000; ; await sleep(250)) {
      if (tiktokStock() === units && Object.keys(await busyJobs(h)).length === 0) break;
      if (Date.now() > deadline) throw new Error(`TikTok shows ${tiktokStock()} units, expected ${units}`);
    }
    log(`SKU ${sku.id} (${target!.variantId}): ${units} units in Shopify and on TikTok; ${demand} units wanted on each side over ${seconds} s`);

    const statuses = watchTikTokStatuses(h);
    const shopifyOrders = watchShopifyOrders(h);
    const reservations = watchReservations(h);
    let peakRss = 0;
    const sampler = setInterval(() => {
      const mem = processMemoryMb(h.app.pid);
      if (mem) peakRss = Math.max(peakRss, mem.hwm, mem.rss);
    }, 250);

    interface Sale { side: "tiktok" | "shopify"; at: number; orderId?: string; shopifyAvailable: number; tiktokStock: number }
    const sales: Sale[] = [];
    const refusals = { tiktok: 0, shopify: 0 };
    const unexpected: string[] = [];
    const inflight = new Set<Promise<void>>();
    const attempts = demand * 2;
    const started = performance.now();
    for (let i = 0; i < attempts; i++) {
      const due = started + (i * seconds * 1000) / attempts;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const side = i % 2 === 0 ? "tiktok" : "shopify";
      const request = (side === "tiktok"
        ? postJson(`${h.tiktok.url}/sandbox/orders`, { shop_id: h.tiktokShopId, items: [{ sku_id: sku.id, quantity: 1 }] })
        : postJson(`${h.shopify.url}/sandbox/storefront-orders`, { items: [{ variantId: target!.variantId, quantity: 1 }] })
      ).then((r) => {
        const at = performance.now();
        const accepted = side === "tiktok" ? r.status === 200 : r.status === 201;
        const soldOut = side === "tiktok" ? /Insufficient stock/.test(JSON.stringify(r.body)) : r.status === 409;
        if (accepted) sales.push({ side, at, orderId: side === "tiktok" ? String(r.body.order_id) : undefined, shopifyAvailable: available(), tiktokStock: tiktokStock() });
        else if (soldOut) refusals[side]++;
        else unexpected.push(`${side} ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      });
      inflight.add(request);
      void request.finally(() => inflight.delete(request));
      if (i % 50 === 49) log(`${((performance.now() - started) / 1000).toFixed(0)} s: ${sales.filter((s) => s.side === "tiktok").length} sold on TikTok, ${sales.filter((s) => s.side === "shopify").length} on Shopify; Shopify available ${available()} (reserved ${shopifyQuantity(h, item.id, "reserved")}), TikTok ${tiktokStock()}`);
    }
    await Promise.all(inflight);
    const raceS = (performance.now() - started) / 1000;
    if (unexpected.length) log(`unexpected answers: ${unexpected.slice(0, 3).join(" | ")}`);
    const tiktokOrders = sales.filter((s) => s.side === "tiktok").map((s) => s.orderId!);
    const soldTikTok = tiktokOrders.length;
    const soldShopify = sales.filter((s) => s.side === "shopify").length;
    log(`race over in ${raceS.toFixed(1)} s: ${soldTikTok} sold on TikTok, ${soldShopify} on Shopify (refused: ${refusals.tiktok} / ${refusals.shopify})`);

    // Every accepted TikTok order reaches ON_HOLD a second after it is placed; its reservation follows.
    const reservedAt = (id: string) => reservations.at("reservation_created", id);
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) {
      if (tiktokOrders.every((id) => reservedAt(id) !== undefined)) break;
      if (tiktokOrders.every((id) => statuses.at(id, "ON_HOLD") !== undefined) && Object.keys(await busyJobs(h)).length === 0) {
        await sleep(2000);
        break;
      }
    }
    const latencies: number[] = [];
    let notReserved = 0;
    for (const id of tiktokOrders) {
      const paid = statuses.at(id, "ON_HOLD");
      const reserved = reservedAt(id);
      if (paid === undefined || reserved === undefined) notReserved++;
      else latencies.push(reserved - paid);
    }
    latencies.sort((a, b) => a - b);
    // During the holds: once the app has caught up, TikTok shows Shopify's available.
    const settle = async (what: string, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const busy = await busyJobs(h);
        if (Object.keys(busy).length === 0 && tiktokStock() === Math.max(0, available())) return true;
        if (Date.now() > deadline) {
          log(`${what}: not settled after ${timeoutMs / 1000} s (Shopify available ${available()}, TikTok ${tiktokStock()}, jobs ${JSON.stringify(busy)})`);
          return false;
        }
        await sleep(500);
      }
    };
    await settle("during the holds", 30_000);
    const duringHolds = { shopify_available: available(), shopify_reserved: shopifyQuantity(h, item.id, "reserved"), tiktok_stock: tiktokStock() };
    log(`during the holds: ${JSON.stringify(duringHolds)}`);

    // The holds end: each TikTok order is imported once, its reservation released into the order's commitment.
    for (const id of tiktokOrders) {
      const r = await postJson(`${h.tiktok.url}/sandbox/orders/${id}/advance`, {});
      if (r.status !== 200) unexpected.push(`advance ${id}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
      if (tiktokOrders.every((id) => shopifyOrders.count(id) > 0)) break;
    }
    await settle("after the imports", 60_000);
    await sleep(3000);
    clearInterval(sampler);
    const final = {
      shopify_available: available(),
      shopify_reserved: shopifyQuantity(h, item.id, "reserved"),
      shopify_committed: shopifyQuantity(h, item.id, "committed"),
      tiktok_stock: tiktokStock(),
    };
    log(`after the imports: ${JSON.stringify(final)}`);

    // Which side sold each unit beyond the stock: sales in the order they were accepted, counted against `units`.
    const bySide = { tiktok: 0, shopify: 0 };
    sales.sort((a, b) => a.at - b.at).forEach((s, i) => {
      if (i >= units) bySide[s.side]++;
    });
    // How long each TikTok sale stayed invisible to the storefront: placed on TikTok (its stock taken) → reserved in Shopify.
    const unprotected = tiktokOrders.flatMap((id) => {
      const placed = statuses.at(id, "UNPAID");
      const reserved = reservedAt(id);
      return placed !== undefined && reserved !== undefined ? [reserved - placed] : [];
    }).sort((a, b) => a - b);
    const states = await h.db.tikTokOrder.groupBy({ by: ["state"], _count: { _all: true } });
    const events = await h.db.orderEvent.groupBy({ by: ["action", "outcome"], _count: { _all: true } });
    log(`app order states: ${JSON.stringify(states.map((s) => [s.state, s._count._all]))}; events ${JSON.stringify(events.map((e) => [e.action, e.outcome, e._count._all]))}`);
    const refusedMoves = await h.db.orderEvent.findMany({ where: { action: "reserve", outcome: { in: ["failed", "skipped"] } }, select: { outcome: true, summary: true }, take: 2000 });
    const reasons = new Map<string, number>();
    for (const e of refusedMoves) {
      const reason = `${e.outcome}: ${e.summary.replace(/\d+/g, "N").slice(0, 160)}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    log(`reservations refused or skipped: ${JSON.stringify([...reasons])}`);
    return {
      benchmark: "oversell",
      units,
      wanted_per_side: demand,
      race_s: Math.round(raceS * 10) / 10,
      sold_tiktok: soldTikTok,
      sold_shopify: soldShopify,
      refused_tiktok: refusals.tiktok,
      refused_shopify: refusals.shopify,
      oversold_units: Math.max(0, soldTikTok + soldShopify - units),
      oversold_by_side: bySide,
      unsold_units: Math.max(0, units - soldTikTok - soldShopify),
      final_stock_equal: final.shopify_available === final.tiktok_stock,
      during_holds: duringHolds,
      final,
      shopify_orders_per_tiktok_order_max: Math.max(0, ...tiktokOrders.map((id) => shopifyOrders.count(id))),
      reservation_p50_ms: Math.round(percentile(latencies, 50)),
      reservation_p99_ms: Math.round(percentile(latencies, 99)),
      reservation_max_ms: Math.round(latencies[latencies.length - 1] ?? NaN),
      placed_to_reserved_p50_ms: Math.round(percentile(unprotected, 50)),
      placed_to_reserved_p99_ms: Math.round(percentile(unprotected, 99)),
      not_reserved: notReserved,
      reservation_events: Object.fromEntries(events.filter((e) => e.action === "reserve").map((e) => [e.outcome, e._count._all])),
      unexpected_answers: unexpected.length,
      peak_rss_mb: Math.round(peakRss),
    };
  } finally {
    await store.close();
  }
}
