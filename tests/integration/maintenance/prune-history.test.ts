// Pruning on both databases: old processed deliveries and old finished jobs go, in chunks; what is not yet
// processed, the dead letters, and everything within the retention period stay; the next run is queued.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { timeOrderedIdFloor } from "../../../app/db/time-ordered-id";
import { createEmbeddedJobQueue } from "../../../app/jobs/embedded-job-queue";
import { PRUNE_HISTORY_JOB, pruneHistory, runPruneHistory } from "../../../app/modules/maintenance/prune-history";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-12-03T12:00:00Z");
const RETENTION = 14 * DAY;

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  beforeEach(async () => {
    await database().webhookDelivery.deleteMany({});
    await database().job.deleteMany({});
    await database().syncEvent.deleteMany({});
  });

  // An id as the intake makes it at that time (timeOrderedId itself never goes back in time).
  const idAt = (ms: number) => `${timeOrderedIdFloor(ms)}-7000-${randomUUID().slice(19)}`;
  const delivery = (ageMs: number, status: string) => ({
    id: idAt(NOW - ageMs), source: "shopify", deliveryId: randomUUID(), shop: "s.myshopify.com", topic: "products/update",
    payload: "{}", status, receivedAt: new Date(NOW - ageMs),
  });
  const job = (ageMs: number, status: string) => ({
    shop: "s.myshopify.com", type: "t", payload: "{}", status, createdAt: new Date(NOW - ageMs - 1000), finishedAt: status === "done" || status === "dead" ? new Date(NOW - ageMs) : null,
  });

  it("deletes processed deliveries and done jobs older than the retention, and keeps the rest", async () => {
    const db = database();
    const kept = [delivery(RETENTION + DAY, "enqueued"), delivery(RETENTION - DAY, "processed"), delivery(DAY, "failed")];
    const old = [delivery(RETENTION + DAY, "processed"), delivery(RETENTION + 2 * DAY, "ignored"), delivery(RETENTION + DAY, "failed"), delivery(RETENTION + DAY, "received")];
    await db.webhookDelivery.createMany({ data: [...kept, ...old] });
    await db.job.createMany({ data: [job(RETENTION + DAY, "done"), job(RETENTION + DAY, "dead"), job(RETENTION - DAY, "done"), job(RETENTION + DAY, "pending")] });

    expect(await pruneHistory({ db, now: () => NOW }, RETENTION)).toEqual({ deliveries: 4, jobs: 1, syncEvents: 0 });
    expect((await db.webhookDelivery.findMany({ select: { id: true } })).map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect((await db.job.findMany({ select: { status: true, finishedAt: true } })).map((j) => `${j.status}:${j.finishedAt ? (NOW - j.finishedAt.getTime()) / DAY : "-"}`).sort())
      .toEqual(["dead:15", "done:13", "pending:-"]);
  });

  it("deletes timeline events older than the retention, but never a create's pending intent", async () => {
    const db = database();
    const event = (ageMs: number, outcome: string, action = "inventory") => ({
      shop: "s.myshopify.com", productId: "gid://shopify/Product/1", trigger: "webhook:inventory_levels/update", action, outcome, summary: "…", createdAt: new Date(NOW - ageMs),
    });
    await db.syncEvent.createMany({
      data: [event(RETENTION + DAY, "ok"), event(RETENTION + 2 * DAY, "failed"), event(RETENTION + DAY, "pending", "create"), event(RETENTION - DAY, "ok"), event(DAY, "skipped")],
    });
    expect(await pruneHistory({ db, now: () => NOW }, RETENTION)).toEqual({ deliveries: 0, jobs: 0, syncEvents: 2 });
    expect((await db.syncEvent.findMany({ select: { outcome: true, createdAt: true } })).map((e) => `${e.outcome}:${(NOW - e.createdAt.getTime()) / DAY}`).sort())
      .toEqual(["ok:13", "pending:15", "skipped:1"]);
  });

  it("deletes more than one chunk (500 ids per statement)", async () => {
    const db = database();
    await db.webhookDelivery.createMany({ data: Array.from({ length: 1200 }, () => delivery(RETENTION + DAY, "processed")) });
    expect(await pruneHistory({ db, now: () => NOW }, RETENTION)).toEqual({ deliveries: 1200, jobs: 0, syncEvents: 0 });
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("queues its next run a day later, once", async () => {
    const db = database();
    const queue = createEmbeddedJobQueue(db);
    const before = Date.now();
    await runPruneHistory({ db, queue }, RETENTION);
    await runPruneHistory({ db, queue }, RETENTION);
    const next = await db.job.findMany({ where: { type: PRUNE_HISTORY_JOB } });
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThanOrEqual(before + DAY);
  });
});
