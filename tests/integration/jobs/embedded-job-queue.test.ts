// The embedded queue's guarantees, on SQLite and PostgreSQL: durable, leased, retried, dead-lettered,
// coalesced, and never run twice at once by competing workers.
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { createEmbeddedJobQueue } from "../../../app/jobs/embedded-job-queue";
import { BACKGROUND_PRIORITY, type LeasedJob, type NewJob } from "../../../app/jobs/job-queue";
import { startJobWorker } from "../../../app/jobs/job-worker";
import { TEST_DATABASES } from "../../support/test-databases";

const silent = pino({ level: "silent" });
const backends = TEST_DATABASES;

describe.each(backends)("embedded job queue on $name", (backend) => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;
  let clock = new Date("2026-11-25T10:00:00Z");
  const now = () => clock;
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    database = await backend.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
  });
  beforeEach(async () => {
    await db.job.deleteMany({});
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("leases a job once, and completes it", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    await queue.enqueue({ shop: "s", type: "t", payload: { a: 1 } });
    const [job] = await queue.lease("w1", 5);
    expect(job).toMatchObject({ type: "t", payload: { a: 1 }, attempts: 1 });
    expect(await queue.lease("w2", 5)).toEqual([]);
    await queue.complete(job!, "w1");
    expect(await queue.counts()).toMatchObject({ done: 1, pending: 0, running: 0 });
  });

  it("coalesces a burst for one key into one pending job carrying the latest payload", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    const results = [];
    for (let i = 1; i <= 20; i++) results.push(await queue.enqueue({ shop: "s", type: "sync", key: "product:1", payload: { version: i } }));
    expect(results.filter((r) => !r.coalesced)).toHaveLength(1);
    const leased = await queue.lease("w", 10);
    expect(leased).toHaveLength(1);
    expect(leased[0]!.payload).toEqual({ version: 20 });
    // An event arriving while the job runs queues exactly one follow-up.
    await queue.enqueue({ shop: "s", type: "sync", key: "product:1", payload: { version: 21 } });
    await queue.enqueue({ shop: "s", type: "sync", key: "product:1", payload: { version: 22 } });
    expect(await queue.counts()).toMatchObject({ pending: 1, running: 1 });
  });

  it("enqueues many jobs at once with the same coalescing as one by one", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    await queue.enqueue({ shop: "s", type: "sync", key: "p:1", payload: { v: "running" } });
    expect((await queue.lease("w", 5))[0]?.key).toBe("p:1");
    await queue.enqueue({ shop: "s", type: "sync", key: "p:2", payload: { v: "old" } });
    const jobs: NewJob[] = Array.from({ length: 1_200 }, (_, i) => ({ shop: "s", type: "sync", key: `p:${i}`, payload: { v: i }, priority: BACKGROUND_PRIORITY }));
    jobs.push({ shop: "s", type: "sync", key: "p:7", payload: { v: 7 }, priority: BACKGROUND_PRIORITY }); // twice in one call
    expect(await queue.enqueueMany(jobs)).toEqual({ created: 1_199, coalesced: 2 });
    const pending = await db.job.findMany({ where: { status: "pending" }, select: { key: true, payload: true, priority: true } });
    expect(pending).toHaveLength(1_200); // p:1 is running, so a new one waits behind it; p:2 joined its pending job
    expect(new Set(pending.map((j) => j.key)).size).toBe(1_200);
    expect(JSON.parse(pending.find((j) => j.key === "p:2")!.payload)).toEqual({ v: 2 });
    expect(pending.every((j) => j.priority === BACKGROUND_PRIORITY || j.key === "p:2")).toBe(true);
  });

  it("enqueues many at once safely while another caller queues the same keys", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    const jobs = Array.from({ length: 600 }, (_, i) => ({ shop: "s", type: "sync", key: `k:${i}`, payload: { i } }));
    const [a, b] = await Promise.all([queue.enqueueMany(jobs), createEmbeddedJobQueue(db, { now }).enqueueMany(jobs)]);
    expect(a.created + b.created).toBe(600);
    expect(a.coalesced + b.coalesced).toBe(600);
    expect(await queue.counts()).toMatchObject({ pending: 600 });
  });

  it("makes a job runnable again when its worker dies (lease expires) — survives restarts", async () => {
    const first = createEmbeddedJobQueue(db, { now, visibilityTimeoutMs: 30_000 });
    await first.enqueue({ shop: "s", type: "t", payload: null });
    expect(await first.lease("crashed-worker", 1)).toHaveLength(1);
    const restarted = createEmbeddedJobQueue(db, { now, visibilityTimeoutMs: 30_000 });
    expect(await restarted.lease("new-worker", 1)).toEqual([]);
    advance(31_000);
    const [again] = await restarted.lease("new-worker", 1);
    expect(again?.attempts).toBe(2);
    await restarted.complete(again!, "new-worker");
    // The crashed worker's late completion cannot overwrite the new owner's.
    await first.complete(again!, "crashed-worker");
    expect(await restarted.counts()).toMatchObject({ done: 1 });
  });

  it("looks for expired leases at most once per scan interval, and dead-letters a job whose worker kept dying", async () => {
    const queue = createEmbeddedJobQueue(db, { now, visibilityTimeoutMs: 10_000, expiredLeaseScanMs: 1_000 });
    await queue.enqueue({ shop: "s", type: "t", payload: null, maxAttempts: 2 });
    expect(await queue.lease("dies-1", 1)).toHaveLength(1);
    advance(10_500); // expired; this lease scans
    expect((await queue.lease("dies-2", 1))[0]?.attempts).toBe(2);
    advance(10_500); // expired again, and its attempts are used up
    expect(await queue.lease("w", 1)).toEqual([]);
    expect(await queue.counts()).toMatchObject({ dead: 1, running: 0 });
    expect((await db.job.findFirst())?.lastError).toMatch(/stopped responding 2 times/);

    const quick = createEmbeddedJobQueue(db, { now, visibilityTimeoutMs: 100, expiredLeaseScanMs: 1_000 });
    await quick.enqueue({ shop: "s", type: "t", payload: null });
    expect(await quick.lease("dies-3", 1)).toHaveLength(1); // this lease scanned
    advance(500); // expired, but the last scan was 0.5 s ago
    expect(await quick.lease("w", 1)).toEqual([]);
    advance(500);
    expect((await quick.lease("w", 1))[0]?.attempts).toBe(2);
  });

  it("retries with backoff, then dead-letters with the reason, and replays", async () => {
    const queue = createEmbeddedJobQueue(db, { now, backoff: () => 5_000 });
    const { id } = await queue.enqueue({ shop: "s", type: "t", payload: null, maxAttempts: 2 });
    let [job] = await queue.lease("w", 1);
    expect(await queue.fail(job!, "w", { error: new Error("TikTok answered 503"), retryable: true })).toBe("retrying");
    expect(await queue.lease("w", 1)).toEqual([]); // not before the backoff
    advance(5_001);
    [job] = await queue.lease("w", 1);
    expect(await queue.fail(job!, "w", { error: new Error("TikTok answered 503 again"), retryable: true })).toBe("dead");
    expect(await db.job.findUnique({ where: { id } })).toMatchObject({ status: "dead", lastError: "TikTok answered 503 again", attempts: 2 });
    await queue.replay(id);
    const [replayed] = await queue.lease("w", 1);
    expect(replayed).toMatchObject({ id, attempts: 1 });
  });

  it("defers a job that waits for something outside it without spending its attempts", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    const { id } = await queue.enqueue({ shop: "s", type: "t", payload: null, maxAttempts: 1 });
    for (let i = 0; i < 3; i++) {
      const [job] = await queue.lease("w", 1);
      expect(await queue.fail(job!, "w", { error: new Error("sync paused"), retryable: true, deferred: true, retryAt: new Date(clock.getTime() + 1000) })).toBe("retrying");
      advance(1001);
    }
    expect(await db.job.findUnique({ where: { id } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("dead-letters non-retryable failures at once", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    await queue.enqueue({ shop: "s", type: "t", payload: null });
    const [job] = await queue.lease("w", 1);
    expect(await queue.fail(job!, "w", { error: new Error("title too long"), retryable: false })).toBe("dead");
  });

  it("runs jobs with the same key one at a time: the newer one waits until the running one is done", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    const key = "product:s:1";
    await queue.enqueue({ shop: "s", type: "t", key, payload: { n: 1 } });
    const [first] = await queue.lease("w1", 10);
    expect(first?.payload).toEqual({ n: 1 });
    await queue.enqueue({ shop: "s", type: "t", key, payload: { n: 2 } }); // a change while the first runs
    expect((await queue.lease("w2", 10)).filter((j) => j.key === key)).toEqual([]);
    await queue.complete(first!, "w1");
    const [second] = (await queue.lease("w2", 10)).filter((j) => j.key === key);
    expect(second?.payload).toEqual({ n: 2 });
    await queue.complete(second!, "w2");
  });

  it("runs due webhook work before background work queued earlier (a big initial sync does not hold back stock)", async () => {
    const queue = createEmbeddedJobQueue(db, { now });
    for (let i = 0; i < 5; i++) await queue.enqueue({ shop: "s", type: "product.sync", payload: { i }, key: `product:${i}`, priority: BACKGROUND_PRIORITY });
    advance(1000);
    await queue.enqueue({ shop: "s", type: "webhook.process", payload: { urgent: true } });
    const [first] = await queue.lease("w1", 1);
    expect(first).toMatchObject({ type: "webhook.process" });
    const rest = await queue.lease("w1", 5);
    expect(rest.map((j) => (j.payload as { i: number }).i)).toEqual([0, 1, 2, 3, 4]); // then oldest first
  });

  it("runs every job exactly once with competing workers", async () => {
    const queue = createEmbeddedJobQueue(db);
    const total = 60;
    for (let i = 0; i < total; i++) await queue.enqueue({ shop: "s", type: "count", payload: { i } });
    const seen: number[] = [];
    const handlers = {
      count: async (job: LeasedJob) => {
        seen.push((job.payload as { i: number }).i);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    const workers = ["a", "b", "c"].map((id) => startJobWorker({ queue: createEmbeddedJobQueue(db), handlers, workerId: id, concurrency: 3, idlePollMs: 20, logger: silent }));
    for (let i = 0; i < 200 && (await queue.counts()).done < total; i++) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(workers.map((w) => w.stop()));
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(await queue.counts()).toMatchObject({ done: total, pending: 0, running: 0, dead: 0 });
  });

  it("leases for several free slots at once while jobs run, not once per finished job", async () => {
    const inner = createEmbeddedJobQueue(db);
    const total = 64;
    for (let i = 0; i < total; i++) await inner.enqueue({ shop: "s", type: "work", payload: { i } });
    const leases: number[] = [];
    const nonEmpty: number[] = [];
    const queue = {
      ...inner,
      lease: async (workerId: string, limit: number) => {
        leases.push(limit);
        const leased = await inner.lease(workerId, limit);
        if (leased.length) nonEmpty.push(leased.length);
        return leased;
      },
    };
    let done = 0;
    // Jobs of uneven length, so they end one by one.
    const handlers = { work: async (job: LeasedJob) => void (await new Promise((r) => setTimeout(r, 5 + ((job.payload as { i: number }).i % 8) * 3)), done++) };
    const worker = startJobWorker({ queue, handlers, workerId: "w", concurrency: 8, idlePollMs: 20, logger: silent });
    for (let i = 0; i < 200 && done < total; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(done).toBe(total);
    expect(await inner.counts()).toMatchObject({ done: total, pending: 0, running: 0 });
    // The first lease fills the slots; after that each lease waits for at least two free slots.
    expect(leases[0]).toBe(8);
    expect(leases.filter((limit) => limit < 2)).toEqual([]);
    expect(nonEmpty.length).toBeLessThanOrEqual(total / 2 + 1);
  });

  it("runs a job that outlasts the visibility timeout once: its worker renews the lease while it runs", async () => {
    const queue = createEmbeddedJobQueue(db, { visibilityTimeoutMs: 300 });
    await queue.enqueue({ shop: "s", type: "long", payload: null });
    let runs = 0;
    const handlers = { long: async () => void (runs++, await new Promise((r) => setTimeout(r, 1200))) };
    const workers = ["a", "b"].map((id) => startJobWorker({ queue: createEmbeddedJobQueue(db, { visibilityTimeoutMs: 300 }), handlers, workerId: id, concurrency: 2, idlePollMs: 20, logger: silent }));
    for (let i = 0; i < 100 && (await queue.counts()).done < 1; i++) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs).toBe(1);
    expect(await queue.counts()).toMatchObject({ done: 1, running: 0, dead: 0 });
  });
});
