// Deliveries that arrive together are recorded in one transaction with one job, and processed as a batch:
// same outcomes as one by one, a bad delivery isolated, a failed job harmless to run again. Both databases.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../../app/db.server";
import { createDeliveryIntakeStore } from "../../../app/db/delivery-intake-store";
import { createCatalogRepository } from "../../../app/modules/catalog/catalog-repository";
import { createCatalogBatchProcessors, type ProductChange } from "../../../app/modules/catalog/catalog-webhook-processors";
import { createStockLedgerRepository, type IncomingLevel } from "../../../app/modules/catalog/stock-ledger-repository";
import { processWebhookDeliveries, type WebhookBatchProcessor } from "../../../app/modules/webhooks/process-webhook-delivery";
import { createWebhookDeliveryRepository, type NewWebhookDelivery, type WebhookDeliveryRepository } from "../../../app/modules/webhooks/webhook-delivery-repository";
import { createDirectWebhookIntake, type WebhookIntake } from "../../../app/modules/webhooks/webhook-intake";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const at = (second: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, second));

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  let db: Database;
  let deliveries: WebhookDeliveryRepository;
  let intake: WebhookIntake;
  beforeAll(() => {
    db = database();
    deliveries = createWebhookDeliveryRepository(db);
    intake = createDirectWebhookIntake(createDeliveryIntakeStore(database.url()));
  });
  afterAll(() => intake?.close()); // before the database is dropped (after-hooks run last-registered first)

  /** Records deliveries arriving together (one transaction) and returns their stored ids, in order. */
  const recordTogether = async (list: NewWebhookDelivery[]) => {
    await Promise.all(list.map((d) => intake.accept(d, { jobType: "webhook.process" })));
    const rows = await db.webhookDelivery.findMany({ where: { deliveryId: { in: list.map((d) => d.deliveryId) } }, select: { id: true, deliveryId: true } });
    return list.map((d) => rows.find((r) => r.deliveryId === d.deliveryId)!.id);
  };

  it("judges a burst of stock levels as a batch exactly as one by one, and ends on the same ledger", async () => {
    const ledger = createStockLedgerRepository(db);
    const burst: Array<Omit<IncomingLevel, "shopifyUpdatedAt"> & { s: number }> = [
      { inventoryItemId: "i1", locationId: "l1", available: 5, s: 1 }, // apply (new)
      { inventoryItemId: "i1", locationId: "l1", available: 7, s: 2 }, // apply (newer)
      { inventoryItemId: "i1", locationId: "l1", available: 6, s: 1 }, // stale
      { inventoryItemId: "i1", locationId: "l1", available: 7, s: 2 }, // duplicate
      { inventoryItemId: "i1", locationId: "l1", available: 9, s: 2 }, // tie → uncertain
      { inventoryItemId: "i1", locationId: "l2", available: 3, s: 4 }, // apply (other location)
      { inventoryItemId: "i2", locationId: "l1", available: 0, s: 3 }, // apply (other item)
      { inventoryItemId: "i2", locationId: "l1", available: 4, s: 5 }, // apply, clears nothing uncertain
    ];
    const levels = burst.map(({ s, ...l }) => ({ ...l, shopifyUpdatedAt: at(s) }));
    // A level already held for one key, as a product sync would have left it.
    for (const shop of ["batch.myshopify.com", "single.myshopify.com"]) await ledger.recordReads(shop, [{ inventoryItemId: "i2", levels: [{ locationId: "l1", available: 1, shopifyUpdatedAt: at(0) }] }]);

    const batched = await ledger.applyWebhookLevels("batch.myshopify.com", levels);
    const single = [];
    for (const level of levels) single.push(await ledger.applyWebhookLevel("single.myshopify.com", level));

    expect(batched).toEqual(["apply", "apply", "stale", "duplicate", "tie", "apply", "apply", "apply"]);
    expect(batched).toEqual(single);
    const state = async (shop: string) => (await ledger.levelsFor(shop, ["i1", "i2"])).sort((a, b) => `${a.inventoryItemId}${a.locationId}`.localeCompare(`${b.inventoryItemId}${b.locationId}`));
    expect(await state("batch.myshopify.com")).toEqual(await state("single.myshopify.com"));
    expect((await state("batch.myshopify.com")).map((l) => [l.inventoryItemId, l.locationId, l.available, l.uncertain])).toEqual([
      ["i1", "l1", 9, true], ["i1", "l2", 3, false], ["i2", "l1", 4, false],
    ]);
  });

  it("keeps the newest level when batches for the same location race each other", async () => {
    const ledger = createStockLedgerRepository(db);
    const shop = "race.myshopify.com";
    const level = (s: number): IncomingLevel => ({ inventoryItemId: "r1", locationId: "l1", available: s, shopifyUpdatedAt: at(s) });
    await Promise.all([
      ledger.applyWebhookLevels(shop, [level(1), level(4), level(2)]),
      ledger.applyWebhookLevels(shop, [level(3), level(5)]),
      ledger.applyWebhookLevels(shop, [level(6), level(0)]),
      ledger.applyWebhookLevel(shop, level(2)),
    ]);
    expect((await ledger.levelsFor(shop, ["r1"])).map((l) => l.available)).toEqual([6]);
  });

  it("applies only each product's newest products/update of a burst; the others are marked superseded", async () => {
    const shop = `edits-${randomUUID().slice(0, 6)}.myshopify.com`;
    const payload = (id: number, title: string, s: number) =>
      JSON.stringify({ id, admin_graphql_api_id: `gid://shopify/Product/${id}`, title, handle: `p-${id}`, vendor: "V", product_type: "T", status: "active", tags: "", updated_at: at(s).toISOString(), variants: [] });
    const burst = [payload(1, "A v1", 1), payload(1, "A v3", 3), payload(2, "B", 1), payload(1, "A v2", 2)];
    const ids = await recordTogether(burst.map((p) => ({ source: "shopify", deliveryId: randomUUID(), shop, topic: "products/update", payload: p })));
    const changes: ProductChange[] = [];
    const batchProcessors = createCatalogBatchProcessors({ catalog: createCatalogRepository(db), onProductChanged: async (c) => void changes.push(c) });
    await processWebhookDeliveries({ deliveries, processors: {}, batchProcessors }, ids);

    const rows = await db.webhookDelivery.findMany({ where: { id: { in: ids } } });
    expect(ids.map((id) => rows.find((r) => r.id === id)!.status)).toEqual(["ignored", "processed", "processed", "ignored"]);
    expect(rows.find((r) => r.id === ids[0])!.error).toBe("superseded by a newer delivery of this product in the same batch");
    expect(changes.map((c) => c.productId).sort()).toEqual(["gid://shopify/Product/1", "gid://shopify/Product/2"]);
    expect((await db.catalogProduct.findFirst({ where: { shop, productId: "gid://shopify/Product/1" } }))?.title).toBe("A v3");
  });

  it("records deliveries arriving together with one job, processes them as a batch, and isolates a bad one", async () => {
    const shop = `burst-${randomUUID().slice(0, 6)}.myshopify.com`;
    const topic = "inventory_levels/update";
    const payloads = ['{"n":1}', '{"n":2}', '{"n":"not a number"}', '{"n":4}'];
    const recorded = await recordTogether(payloads.map((payload) => ({ source: "shopify", deliveryId: randomUUID(), shop, topic, payload })));
    const jobs = await db.job.findMany({ where: { shop } });
    expect(jobs).toHaveLength(1); // one transaction, one job for the burst
    const ids = (JSON.parse(jobs[0]!.payload) as { deliveryIds: string[] }).deliveryIds;
    expect(ids).toEqual(recorded);

    const calls: number[] = [];
    const shape = z.object({ n: z.number() });
    const batch: WebhookBatchProcessor = async (ds) => {
      calls.push(ds.length);
      return ds.map((d) => (shape.parse(JSON.parse(d.payload)).n % 2 === 0 ? { ignored: "even" } : undefined));
    };
    const run = () => processWebhookDeliveries({ deliveries, processors: {}, batchProcessors: { [`shopify:${topic}`]: batch } }, ids);
    await expect(run()).rejects.toMatchObject({ retryable: false, message: expect.stringContaining("payload is not in the expected shape") });
    expect(calls).toEqual([4, 1, 1, 1, 1]); // the batch failed as a whole, then one by one to find the bad one
    const rows = await db.webhookDelivery.findMany({ where: { id: { in: ids } } });
    const statusOf = (id: string) => rows.find((r) => r.id === id)!.status;
    expect(ids.map(statusOf)).toEqual(["processed", "ignored", "failed", "ignored"]);
    expect(rows.find((r) => r.id === ids[1])!.error).toBe("even");

    // Replayed (a dead letter put back): only the failed delivery is processed again.
    calls.length = 0;
    await expect(run()).rejects.toMatchObject({ retryable: false });
    expect(calls).toEqual([1, 1]);
  });

  it("retries after a passing failure without processing the finished deliveries twice", async () => {
    const shop = `flaky-${randomUUID().slice(0, 6)}.myshopify.com`;
    const ids = await recordTogether(["a", "b", "c"].map((n) => ({ source: "shopify", deliveryId: randomUUID(), shop, topic: "products/update", payload: `{"n":"${n}"}` })));
    const seen: string[] = [];
    let failOnce = true;
    const processors = {
      "shopify:products/update": async (d: { payload: string }) => {
        const n = (JSON.parse(d.payload) as { n: string }).n;
        if (n === "b" && failOnce) {
          failOnce = false;
          throw new Error("TikTok timed out");
        }
        seen.push(n);
      },
    };
    await expect(processWebhookDeliveries({ deliveries, processors }, ids)).rejects.toThrow("TikTok timed out");
    expect(seen).toEqual(["a", "c"]);
    await processWebhookDeliveries({ deliveries, processors }, ids);
    expect(seen).toEqual(["a", "c", "b"]);
    expect((await db.webhookDelivery.findMany({ where: { id: { in: ids } } })).every((r) => r.status === "processed")).toBe(true);
  });
});
