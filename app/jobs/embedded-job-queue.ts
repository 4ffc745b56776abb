// The durable job queue on the app's own database (SQLite or PostgreSQL, through Prisma). Claims are
// optimistic (an UPDATE guarded by the state we read), so any number of worker processes can share it
// without database-specific locking SQL; a lease that expires makes the job runnable again. Jobs with the
// same key run one at a time.
import { EventEmitter } from "node:events";
import type { Database } from "../db.server";
import { JOB_PRIORITIES, WEBHOOK_PRIORITY, type JobFailure, type JobQueue, type LeasedJob, type NewJob } from "./job-queue";
import { retryDelayMs } from "./retry-backoff";

export interface EmbeddedJobQueueOptions {
  visibilityTimeoutMs?: number;
  now?: () => Date;
  backoff?: (attempt: number) => number;
  /** How often a lease also looks for jobs whose lease expired (default 1 s). */
  expiredLeaseScanMs?: number;
}

const UNIQUE_VIOLATION = "P2002";
/** Keys per lookup and insert in enqueueMany: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ENQUEUE_CHUNK = 500;
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === UNIQUE_VIOLATION;

export function createEmbeddedJobQueue(db: Database, options: EmbeddedJobQueueOptions = {}): JobQueue {
  const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? ((attempt: number) => retryDelayMs(attempt));
  const signal = new EventEmitter();
  signal.setMaxListeners(0);

  const toLeased = (row: { id: string; shop: string; type: string; payload: string; key: string | null; attempts: number; maxAttempts: number }): LeasedJob => ({
    id: row.id, shop: row.shop, type: row.type, payload: JSON.parse(row.payload), key: row.key, attempts: row.attempts, maxAttempts: row.maxAttempts,
  });

  /** Wakes local workers when a job becomes due soon (a debounced one), not only at the next idle poll. */
  function wakeAt(runAt: Date) {
    const wait = runAt.getTime() - now().getTime();
    if (wait <= 0) signal.emit("work");
    else if (wait < 60_000) setTimeout(() => signal.emit("work"), wait).unref();
  }

  async function enqueue(job: NewJob): Promise<{ id: string; coalesced: boolean }> {
    const payload = JSON.stringify(job.payload ?? null);
    const at = now();
    const runAt = job.runAt ?? new Date(at.getTime() + (job.debounce?.delayMs ?? 0));
    const data = { shop: job.shop, type: job.type, payload, key: job.key ?? null, pendingKey: job.key ?? null, runAt, maxAttempts: job.maxAttempts ?? 8, priority: job.priority ?? WEBHOOK_PRIORITY };
    for (let tries = 0; tries < 5; tries++) {
      if (job.key) {
        // A pending job with this key will read the latest state: give it the newest payload (and, when
        // debounced, not yet tried and not yet due, push its start back within its maximum wait: a due job
        // only waits for a worker, and a longer maximum wait asked for later must not delay it).
        const pending = await db.job.findUnique({ where: { pendingKey: job.key }, select: { id: true, createdAt: true, attempts: true, runAt: true } });
        if (pending) {
          const debounced = job.debounce && pending.attempts === 0 && pending.runAt > at
            ? { runAt: new Date(Math.min(pending.createdAt.getTime() + job.debounce.maxWaitMs, at.getTime() + job.debounce.delayMs)) }
            : {};
          const updated = await db.job.updateMany({ where: { id: pending.id, status: "pending" }, data: { payload, ...debounced } });
          if (updated.count === 1) {
            if (debounced.runAt) wakeAt(debounced.runAt);
            return { id: pending.id, coalesced: true };
          }
          continue; // leased in between
        }
      }
      try {
        const row = await db.job.create({ data: { ...data, createdAt: at }, select: { id: true } });
        wakeAt(runAt);
        return { id: row.id, coalesced: false };
      } catch (error) {
        if (!job.key || !isUniqueViolation(error)) throw error;
      }
    }
    throw new Error(`Could not enqueue ${job.type} for key ${job.key}: the pending job kept changing`);
  }

  async function enqueueMany(jobs: readonly NewJob[]): Promise<{ created: number; coalesced: number }> {
    let created = 0;
    let coalesced = 0;
    const one = async (job: NewJob) => ((await enqueue(job)).coalesced ? coalesced++ : created++);
    // Debounced and keyless jobs are rare in bulk: they take the one-by-one path.
    const bulk = jobs.filter((j) => j.key && !j.debounce);
    for (const job of jobs) if (job.debounce || !job.key) await one(job);
    const keyed = [...new Map(bulk.map((j) => [j.key!, j])).values()];
    coalesced += bulk.length - keyed.length; // the same key twice in the call
    for (let i = 0; i < keyed.length; i += ENQUEUE_CHUNK) {
      const chunk = keyed.slice(i, i + ENQUEUE_CHUNK);
      const pending = new Set((await db.job.findMany({ where: { pendingKey: { in: chunk.map((j) => j.key!) } }, select: { pendingKey: true } })).map((j) => j.pendingKey));
      const fresh = chunk.filter((j) => !pending.has(j.key!));
      const at = now();
      try {
        await db.job.createMany({
          data: fresh.map((job) => ({ shop: job.shop, type: job.type, payload: JSON.stringify(job.payload ?? null), key: job.key!, pendingKey: job.key!, runAt: job.runAt ?? at, maxAttempts: job.maxAttempts ?? 8, priority: job.priority ?? WEBHOOK_PRIORITY, createdAt: at })),
        });
        created += fresh.length;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another caller queued one of these keys in between: the whole insert was refused; go one by one.
        for (const job of fresh) await one(job);
      }
      // Joining a pending job hands it the newest payload, as enqueue does.
      for (const job of chunk) if (pending.has(job.key!)) await one(job);
    }
    signal.emit("work");
    return { created, coalesced };
  }

  // Expired leases (a worker died or hung) are rare and can wait a second: looking for them on every lease
  // would cost a query each time a slot frees up.
  const expiredLeaseScanMs = options.expiredLeaseScanMs ?? 1000;
  let lastExpiredScan = -Infinity;

  async function lease(workerId: string, limit: number): Promise<LeasedJob[]> {
    const at = now();
    // Due pending jobs, most urgent priority first, oldest first: one exact range of the (status, priority, runAt)
    // index per level. (One query ordered by priority made SQLite sort every due job on each lease: 1.2 ms with
    // 2,000 queued; ordered by the index instead, it would walk past every job scheduled for later.)
    const pending: Array<{ id: string; key: string | null }> = [];
    for (const priority of JOB_PRIORITIES) {
      if (pending.length >= limit * 3) break;
      pending.push(
        ...(await db.job.findMany({
          where: { status: "pending", priority, runAt: { lte: at } },
          orderBy: { runAt: "asc" },
          take: limit * 3 - pending.length,
          select: { id: true, key: true },
        })),
      );
    }
    // One job per key at a time: a pending job waits while another job with its key is running (e.g. two
    // syncs of one product would otherwise race each other to TikTok).
    const keys = [...new Set(pending.filter((c) => c.key).map((c) => c.key!))];
    const busyKeys = keys.length
      ? new Set((await db.job.findMany({ where: { status: "running", key: { in: keys }, leaseUntil: { gte: at } }, select: { key: true } })).map((j) => j.key))
      : new Set<string | null>();
    const claimed = await reclaimExpiredLeases(workerId, at, limit);
    const pendingIds = pending.filter((c) => !busyKeys.has(c.key)).slice(0, limit - claimed.length).map((c) => c.id);
    if (pendingIds.length > 0) {
      // One guarded UPDATE … RETURNING for all of them: a row another worker took in between is not returned.
      const won = await db.job.updateManyAndReturn({
        where: { id: { in: pendingIds }, status: "pending" },
        data: { status: "running", leasedBy: workerId, leaseUntil: new Date(at.getTime() + visibilityTimeoutMs), attempts: { increment: 1 }, pendingKey: null },
      });
      claimed.push(...won.map(toLeased));
    }
    return claimed;
  }

  /** Jobs whose worker stopped renewing their lease: run again, or dead once their attempts are used up. */
  async function reclaimExpiredLeases(workerId: string, at: Date, limit: number): Promise<LeasedJob[]> {
    if (at.getTime() - lastExpiredScan < expiredLeaseScanMs) return [];
    lastExpiredScan = at.getTime();
    const expired = await db.job.findMany({
      where: { status: "running", leaseUntil: { lt: at } },
      orderBy: [{ priority: "asc" }, { runAt: "asc" }],
      take: limit,
      select: { id: true, leaseUntil: true, attempts: true, maxAttempts: true },
    });
    const claimed: LeasedJob[] = [];
    for (const candidate of expired) {
      const guard = { id: candidate.id, status: "running", leaseUntil: candidate.leaseUntil };
      if (candidate.attempts >= candidate.maxAttempts) {
        await db.job.updateMany({
          where: guard,
          data: { status: "dead", lastError: `The worker stopped responding ${candidate.attempts} times while running this job`, finishedAt: at, leaseUntil: null },
        });
        continue;
      }
      const won = await db.job.updateManyAndReturn({
        where: guard,
        data: { leasedBy: workerId, leaseUntil: new Date(at.getTime() + visibilityTimeoutMs), attempts: { increment: 1 } },
      });
      claimed.push(...won.map(toLeased));
    }
    return claimed;
  }

  async function renewLeases(jobIds: string[], workerId: string): Promise<string[]> {
    if (jobIds.length === 0) return [];
    const owned = { id: { in: jobIds }, leasedBy: workerId, status: "running" };
    await db.job.updateMany({ where: owned, data: { leaseUntil: new Date(now().getTime() + visibilityTimeoutMs) } });
    const held = new Set((await db.job.findMany({ where: owned, select: { id: true } })).map((j) => j.id));
    return jobIds.filter((id) => !held.has(id));
  }

  async function complete(job: LeasedJob, workerId: string): Promise<void> {
    await db.job.updateMany({ where: { id: job.id, leasedBy: workerId, status: "running" }, data: { status: "done", finishedAt: now(), leaseUntil: null, lastError: null } });
  }

  async function fail(job: LeasedJob, workerId: string, failure: JobFailure): Promise<"retrying" | "dead" | "superseded"> {
    const message = failure.error.message.slice(0, 2000);
    const owned = { id: job.id, leasedBy: workerId, status: "running" };
    if (!failure.retryable || (job.attempts >= job.maxAttempts && !failure.deferred)) {
      await db.job.updateMany({ where: owned, data: { status: "dead", lastError: message, finishedAt: now(), leaseUntil: null } });
      return "dead";
    }
    const runAt = failure.retryAt ?? new Date(now().getTime() + backoff(job.attempts));
    try {
      await db.job.updateMany({
        where: owned,
        data: { status: "pending", runAt, lastError: message, leaseUntil: null, leasedBy: null, pendingKey: job.key, ...(failure.deferred ? { attempts: { decrement: 1 } } : {}) },
      });
      return "retrying";
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A newer job for the same key is already waiting and will do this work with fresher data.
      await db.job.updateMany({ where: owned, data: { status: "done", lastError: `superseded after: ${message}`, finishedAt: now(), leaseUntil: null } });
      return "superseded";
    }
  }

  async function replay(jobId: string): Promise<void> {
    const job = await db.job.findUnique({ where: { id: jobId } });
    if (!job || job.status !== "dead") throw new Error(`Job ${jobId} is not a dead job, so it cannot be replayed`);
    try {
      await db.job.update({ where: { id: jobId }, data: { status: "pending", attempts: 0, runAt: now(), finishedAt: null, pendingKey: job.key } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Newer work for this key is already queued; replaying would only repeat it.
      await db.job.update({ where: { id: jobId }, data: { status: "done", lastError: `${job.lastError ?? ""} (replay covered by a newer pending job)` } });
    }
    signal.emit("work");
  }

  async function counts(shop?: string) {
    const groups = await db.job.groupBy({ by: ["status"], where: shop ? { shop } : {}, _count: { _all: true } });
    const result = { pending: 0, running: 0, done: 0, dead: 0 };
    for (const g of groups) if (g.status in result) result[g.status as keyof typeof result] = g._count._all;
    return result;
  }

  function waitForWork(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.off("work", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.once("work", done);
    });
  }

  return { enqueue, enqueueMany, lease, complete, renewLeases, fail, replay, counts, waitForWork, notify: () => signal.emit("work"), visibilityTimeoutMs };
}
