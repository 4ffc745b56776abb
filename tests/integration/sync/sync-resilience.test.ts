// The sync engine when things go wrong: the worker process killed mid-sync, and TikTok rate-limiting
// and failing. It must finish with every product listed exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedClient } from "../../support/embedded-fetch";
import { prepareSampleStoreForTikTok, sampleStoreSettings } from "../../support/merchant-setup";
import { eventually, startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const PRODUCTS = "routes/app.products._index";

describe("sync engine under failure", () => {
  let h: SyncHarness;
  let productIds: string[];
  const client = () => embeddedClient(h.app.url, h.shopify);

  beforeAll(async () => {
    h = await startSyncHarness({ settings: sampleStoreSettings() });
    await prepareSampleStoreForTikTok(h.shopify);
    await eventually(async () => ((await client().load("/app/products", PRODUCTS)).page.total === 60 ? true : undefined), 30_000, "the catalog");
    productIds = (await h.db.catalogProduct.findMany({ where: { shop: h.shop }, orderBy: { title: "asc" }, select: { productId: true } })).map((p) => p.productId);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  const listedOnTikTok = () => [...h.tiktok.state.products.values()].filter((p) => p.status !== "DELETED");
  const allLive = (ids: string[]) => async () => {
    const live = await h.db.productSync.count({ where: { productId: { in: ids }, state: "live" } });
    return live === ids.length ? true : undefined;
  };
  const waitAllLive = (ids: string[], timeoutMs: number, what: string) =>
    eventually(allLive(ids), timeoutMs, what).catch(async (error) => {
      throw new Error(`${(error as Error).message}\n${await h.diagnose(ids)}`);
    });
  const expectListedOnce = (ids: string[]) => {
    const external = listedOnTikTok().map((p) => p.content.external_product_id);
    for (const id of ids) expect(external.filter((e) => e === id), `${id} listed once`).toHaveLength(1);
  };

  it("finishes with no duplicate and nothing missing when the worker is killed mid-sync", { timeout: 240_000 }, async () => {
    const batch = productIds.slice(0, 30);
    await client().act("/app/products?index", PRODUCTS, { intent: "select", productIds: batch.join(","), selected: "true" });
    await eventually(async () => (listedOnTikTok().length >= 3 ? true : undefined), 60_000, "the first creates");
    expect(listedOnTikTok().length).toBeLessThan(30); // really mid-sync
    await h.crashAndRestartApp();
    await waitAllLive(batch, 150_000, "all 30 live after the restart");
    expectListedOnce(batch);
    expect(listedOnTikTok()).toHaveLength(30);
  });

  it("waits for TikTok's daily listing limit instead of failing, and lists the rest when it resets", { timeout: 120_000 }, async () => {
    const batch = productIds.slice(30, 45);
    const listedBefore = listedOnTikTok().length;
    h.tiktok.simulator.options.dailyListingQuota = listedBefore + 5; // 5 more today
    await client().act("/app/products?index", PRODUCTS, { intent: "select", productIds: batch.join(","), selected: "true" });
    await eventually(async () => ((await h.db.syncEvent.count({ where: { summary: { contains: "daily listing limit" } } })) >= 10 ? true : undefined), 60_000, "products waiting for the limit");
    expect(listedOnTikTok().length).toBe(listedBefore + 5);
    expect(await h.db.job.count({ where: { status: "dead" } })).toBe(0);
    // The progress says why they wait and gives no ETA TikTok does not give.
    const { progress } = (await client().load("/app/products", PRODUCTS)) as unknown as { progress: { note: string | null; etaSeconds: number | null; remaining: number } };
    expect(progress.note).toMatch(/^TikTok's daily listing limit for this shop is reached: 10 products wait and are listed automatically when it resets/);
    expect(progress.etaSeconds).toBeNull();
    // The limit resets. (Advancing the simulator's clock a day would also put the app's signed timestamps
    // outside TikTok's window, which the simulator rightly refuses.)
    h.tiktok.simulator.options.dailyListingQuota = 1000;
    await waitAllLive(batch, 90_000, "all 15 live once the limit reset");
    expectListedOnce(batch);
  });

  it("retries rate-limited and failing TikTok calls and ends up right, also when TikTok made a change but its answer was lost", { timeout: 180_000 }, async () => {
    const batch = productIds.slice(45);
    const before = new Set(h.tiktok.simulator.requestLog.list().map((r) => r.request_id)); // its clock has whole seconds
    const faults = (settings: Record<string, number | string>) => fetch(`${h.tiktok.url}/sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
    const onTikTok = () => listedOnTikTok().filter((p) => batch.includes(p.content.external_product_id ?? "")).length;
    // First every create's answer is lost, until TikTok has made one of these listings and a run has given up
    // on its create (the client's own retries lost too), so the job's retry must send it again; then a mix of faults.
    const aRunGaveUp = async () => (await h.db.productSync.count({ where: { productId: { in: batch }, lastError: { not: null } } })) > 0;
    await faults({ lostAnswerRate: 1, lostAnswerPath: "/product/202309/products", rateLimitQps: 4 });
    try {
      await client().act("/app/products?index", PRODUCTS, { intent: "select", productIds: batch.join(","), selected: "true" });
      await eventually(async () => (onTikTok() > 0 && (await aRunGaveUp()) ? true : undefined), 30_000, "a listing made whose answers were all lost");
      await faults({ errorRate: 0.25, lostAnswerRate: 0.3, rateLimitQps: 4 });
      await waitAllLive(batch, 150_000, "all 15 live despite faults");
    } finally {
      await faults({ errorRate: 0, lostAnswerRate: 0, rateLimitQps: 50 });
    }
    expectListedOnce(batch);
    const answers = h.tiktok.simulator.requestLog.list().filter((r) => !before.has(r.request_id));
    expect(answers.some((r) => r.http_status >= 500)).toBe(true); // faults really happened…
    expect(await h.db.job.count({ where: { status: "dead" } })).toBe(0); // …and nothing was given up
    // A create whose answer was lost was sent again with its key (TikTok returned the same listing), not
    // adopted as a stranger's listing and edited: one finished create per product on the timeline.
    const creates = await h.db.syncEvent.findMany({ where: { productId: { in: batch }, action: { in: ["create", "adopt"] } }, select: { productId: true, action: true, outcome: true, summary: true } });
    const adopted = creates.filter((e) => e.action === "adopt");
    const timelines = await h.db.syncEvent.findMany({ where: { productId: { in: adopted.map((e) => e.productId) } }, orderBy: { createdAt: "asc" }, select: { productId: true, trigger: true, action: true, outcome: true, summary: true } });
    expect(adopted, JSON.stringify(timelines)).toEqual([]);
    expect(creates.filter((e) => e.outcome !== "ok")).toEqual([]);
    expect(creates.map((e) => e.productId).sort()).toEqual([...batch].sort());
    expect(creates.some((e) => e.summary.includes("sent again with the same request key"))).toBe(true);
  });
});
