// Stock pushes through the real embedded queue, on a simulated clock: how many TikTok pushes a stream of
// stock changes to one product costs, and how soon a lone change goes out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { createEmbeddedJobQueue } from "../../../app/jobs/embedded-job-queue";
import { createStockPushScheduler, DEFAULT_STOCK_PUSH_TIMING } from "../../../app/modules/catalog/sync-jobs";
import { TEST_DATABASES } from "../../support/test-databases";

const [sqlite] = TEST_DATABASES;

describe("stock push scheduling", () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;
  let clock = 0;

  beforeAll(async () => {
    database = await sqlite!.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
  });
  beforeEach(async () => {
    await db.job.deleteMany({});
    clock = Date.parse("2026-12-03T10:00:00Z");
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  /**
   * Changes to product `p1` at the given offsets (ms); a worker looks for due pushes every 10 ms and each
   * push takes 20 ms. Returns the offsets at which pushes started.
   */
  async function simulate(changesAt: number[], untilMs: number) {
    const start = clock;
    const queue = createEmbeddedJobQueue(db, { now: () => new Date(clock) });
    const pushStock = createStockPushScheduler(queue, DEFAULT_STOCK_PUSH_TIMING, () => clock);
    const pushes: number[] = [];
    let running: { job: Awaited<ReturnType<typeof queue.lease>>[number]; doneAt: number } | null = null;
    const pending = [...changesAt].sort((a, b) => a - b);
    for (let t = 0; t <= untilMs; t += 5) {
      clock = start + t;
      while (pending.length && pending[0]! <= t) {
        pending.shift();
        await pushStock("shop", "p1", "test");
      }
      if (running && running.doneAt <= t) {
        await queue.complete(running.job, "w");
        running = null;
      }
      if (!running && t % 10 === 0) {
        const [job] = await queue.lease("w", 1);
        if (job) {
          pushes.push(t);
          running = { job, doneAt: t + 20 };
        }
      }
    }
    return pushes;
  }

  const every = (stepMs: number, fromMs: number, toMs: number) => Array.from({ length: Math.floor((toMs - fromMs) / stepMs) + 1 }, (_, i) => fromMs + i * stepMs);

  it("sends a lone change after 100 ms of quiet", async () => {
    expect(await simulate([0], 1500)).toEqual([100]);
  });

  it("pushes a burst within one second once, ending after it", async () => {
    const pushes = await simulate(every(5, 0, 990), 3000);
    expect(pushes).toEqual([1000]);
  });

  it("pushes a burst arriving over 2.5 s twice: once at a second, then every two seconds at most, and after the last change", async () => {
    const pushes = await simulate(every(5, 0, 2500), 4000);
    expect(pushes).toHaveLength(2);
    expect(pushes[0]).toBe(1000);
    expect(pushes[1]).toBeGreaterThan(2500); // the last change is sent
    expect(pushes[1]).toBeLessThanOrEqual(2610);
  });

  it("keeps a product that never stops changing at most two seconds behind", async () => {
    const pushes = await simulate(every(5, 0, 7000), 8000);
    const gaps = pushes.slice(1).map((t, i) => t - pushes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2040);
    expect(pushes.length).toBeLessThanOrEqual(5); // 1 s, then every 2 s, then after the last change
    expect(pushes.at(-1)).toBeGreaterThan(7000);
  });

  it("treats changes a second or more apart as separate bursts: each goes out 100 ms after it", async () => {
    expect(await simulate([0, 1000, 2200, 3300], 4000)).toEqual([100, 1100, 2300, 3400]);
  });
});
