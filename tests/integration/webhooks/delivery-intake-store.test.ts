// The webhook intake's own connection (no Prisma) on both databases: each delivery recorded once, its job in
// the same transaction in the form the job queue and Prisma read; on SQLite, a locked database is waited for
// without freezing the event loop.
import { randomUUID } from "node:crypto";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoalescedFileSync } from "../../../app/db/coalesced-file-sync";
import { createDeliveryIntakeStore } from "../../../app/db/delivery-intake-store";
import { createSqliteDeliveryIntake } from "../../../app/db/sqlite-delivery-intake";
import type { Database as AppDatabase } from "../../../app/db.server";
import { createEmbeddedJobQueue } from "../../../app/jobs/embedded-job-queue";
import { BACKGROUND_PRIORITY } from "../../../app/jobs/job-queue";
import type { DeliveryIntakeStore, DeliveryReceipt } from "../../../app/modules/webhooks/delivery-intake";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const PROCESS = { jobType: "webhook.process" };

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  let db: AppDatabase;
  let intake: DeliveryIntakeStore;
  beforeAll(() => {
    db = database();
    intake = createDeliveryIntakeStore(database.url());
  });
  afterAll(() => intake?.close());

  const receipt = (shop: string, source: "shopify" | "tiktok" = "shopify", deliveryId = randomUUID()): DeliveryReceipt => ({
    delivery: { source, deliveryId, shop, topic: "products/update", apiVersion: "2026-10", triggeredAt: new Date("2026-12-02T10:00:00.123Z"), eventId: `e-${deliveryId}`, payload: `{"id":${JSON.stringify(deliveryId)}}` },
    processWith: PROCESS,
  });

  it("records a batch once, with one job per shop naming its deliveries, readable by Prisma and runnable by the queue", async () => {
    const a = `a-${randomUUID().slice(0, 6)}.myshopify.com`;
    const b = `b-${randomUUID().slice(0, 6)}.myshopify.com`;
    const earlier = receipt(a);
    const [first] = await intake.recordBatch([earlier]);
    const again = receipt(a);
    const batch = [receipt(a), again, receipt(b), earlier, again, receipt(a, "tiktok"), { ...receipt(b), processWith: undefined }];
    const before = Date.now();
    const results = await intake.recordBatch(batch);

    expect(results.map((r) => r.duplicate)).toEqual([false, false, false, true, true, false, false]);
    expect(results[3]!.id).toBe(first!.id); // recorded by an earlier batch
    expect(results[4]!.id).toBe(results[1]!.id); // the same delivery twice in this batch
    const rows = await db.webhookDelivery.findMany({ where: { shop: { in: [a, b] } } });
    expect(rows).toHaveLength(6);
    const row = rows.find((r) => r.id === results[0]!.id)!;
    expect(row).toMatchObject({ source: "shopify", shop: a, topic: "products/update", apiVersion: "2026-10", status: "enqueued", payload: batch[0]!.delivery.payload, eventId: batch[0]!.delivery.eventId });
    expect(row.triggeredAt?.toISOString()).toBe("2026-12-02T10:00:00.123Z");
    expect(row.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows.find((r) => r.id === results[6]!.id)!.status).toBe("received"); // no processor: recorded only

    const jobs = await db.job.findMany({ where: { shop: { in: [a, b] } } });
    // The earlier batch's, and a's Shopify, a's TikTok and b's of this batch.
    expect(jobs.map((j) => [j.shop, j.priority, JSON.parse(j.payload)]).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual(
      [
        [a, 0, { deliveryIds: [first!.id] }],
        [a, 0, { deliveryIds: [results[0]!.id, results[1]!.id] }],
        [a, BACKGROUND_PRIORITY, { deliveryIds: [results[5]!.id] }],
        [b, 0, { deliveryIds: [results[2]!.id] }],
      ].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    );

    const leased = await createEmbeddedJobQueue(db).lease("test-worker", 100);
    expect(leased.filter((j) => j.shop === a || j.shop === b)).toHaveLength(4);
  });

  it("records a delivery sent by many callers at the same moment exactly once", async () => {
    const shop = `c-${randomUUID().slice(0, 6)}.myshopify.com`;
    const one = receipt(shop);
    const results = (await Promise.all(Array.from({ length: 6 }, () => intake.recordBatch([one])))).flat();
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.job.count({ where: { shop } })).toBe(1);
  });

  it.runIf(backend.name === "SQLite")("waits for a write lock held elsewhere without freezing the event loop, then records", async () => {
    const other = new Database(database.url().replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    const shop = `d-${randomUUID().slice(0, 6)}.myshopify.com`;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const recording = intake.recordBatch([receipt(shop)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.webhookDelivery.count({ where: { shop } })).toBe(0); // still waiting for the lock
    other.exec("COMMIT");
    const [result] = await recording;
    clearInterval(ticker);
    other.close();
    expect(result!.duplicate).toBe(false);
    expect(ticks).toBeGreaterThan(10); // timers kept firing while the batch waited
    expect(await db.webhookDelivery.count({ where: { shop } })).toBe(1);
  });

  it.runIf(backend.name === "SQLite")("answers a batch only once the WAL file holding its commit is synced", async () => {
    const synced: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = createSqliteDeliveryIntake(database.url(), {
      walSync: (walPath) => createCoalescedFileSync(walPath, async (file) => {
        await gate;
        await file.datasync();
        synced.push(walPath);
      }),
    });
    const shop = `e-${randomUUID().slice(0, 6)}.myshopify.com`;
    let answered = false;
    const recording = slow.recordBatch([receipt(shop)]).then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.webhookDelivery.count({ where: { shop } })).toBe(1); // committed…
    expect(answered).toBe(false); // …but not answered before the sync
    release();
    const [result] = await recording;
    expect(result!.duplicate).toBe(false);
    expect(synced).toEqual([`${database.url().replace(/^file:/, "")}-wal`]);
    await slow.close();
  });
});
