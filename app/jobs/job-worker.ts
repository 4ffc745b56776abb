// Runs queued jobs: leases up to `concurrency` at a time, runs each job's handler, and records the
// outcome. An error may say whether it is worth retrying (`retryable`), when (`retryAt`), and that the job
// only waits for something outside it (`deferred`, attempt not counted); errors that say nothing are
// retried, with backoff, until the job's attempts are used up, then dead-lettered.
import type { Logger } from "pino";
import type { JobQueue, LeasedJob } from "./job-queue";

export type JobHandler = (job: LeasedJob) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobWorkerOptions {
  queue: JobQueue;
  handlers: JobHandlers;
  workerId: string;
  concurrency?: number;
  idlePollMs?: number;
  logger: Logger;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export function startJobWorker(options: JobWorkerOptions): RunningWorker {
  const { queue, handlers, workerId, logger } = options;
  const concurrency = options.concurrency ?? 4;
  const idlePollMs = options.idlePollMs ?? 250;
  const leaseBatch = Math.max(1, Math.ceil(concurrency / 4));
  const inFlight = new Set<Promise<void>>();
  const runningJobIds = new Set<string>();
  let running = true;
  let wake: (() => void) | undefined;

  // A job running longer than the visibility timeout would be leased again and run twice at once (the
  // catalog import of a big store did, again and again): the worker renews its leases while it runs them.
  // Only a worker that stopped (crashed, hung) lets its leases expire.
  const renewal = setInterval(() => {
    queue
      .renewLeases([...runningJobIds], workerId)
      .then((lost) => lost.length && logger.warn({ jobIds: lost }, "lost the lease of running jobs (they may run again elsewhere)"))
      .catch((error: Error) => logger.error({ err: error.message }, "could not renew job leases"));
  }, Math.max(50, Math.floor(queue.visibilityTimeoutMs / 3)));
  renewal.unref();

  async function run(job: LeasedJob): Promise<void> {
    const started = performance.now();
    const handler = handlers[job.type];
    runningJobIds.add(job.id);
    try {
      if (!handler) throw Object.assign(new Error(`No handler for job type "${job.type}"`), { retryable: false });
      await handler(job);
      await queue.complete(job, workerId).catch((recordError: Error) =>
        // Done but not recorded: the lease expires and the (idempotent) job runs once more.
        logger.error({ jobId: job.id, type: job.type, err: recordError.message }, "could not record a job completion"),
      );
      logger.info({ jobId: job.id, shop: job.shop, type: job.type, attempt: job.attempts, ms: Math.round(performance.now() - started), outcome: "done" }, "job");
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const { retryable, retryAt, deferred } = error as Error & { retryable?: boolean; retryAt?: Date; deferred?: boolean };
      try {
        const outcome = await queue.fail(job, workerId, { error, retryable: retryable !== false, retryAt, deferred });
        logger.warn({ jobId: job.id, shop: job.shop, type: job.type, attempt: job.attempts, ms: Math.round(performance.now() - started), outcome, err: error.message }, "job failed");
      } catch (recordError) {
        // The lease expires and the job runs again: nothing is lost, and the worker keeps going.
        logger.error({ jobId: job.id, type: job.type, err: (recordError as Error).message }, "could not record a job failure");
      }
    } finally {
      runningJobIds.delete(job.id);
    }
  }

  const loop = (async () => {
    while (running) {
      const free = concurrency - inFlight.size;
      let leased: LeasedJob[] = [];
      // While jobs run, a lease waits for a few free slots: a lease costs the same queries for one job as for
      // several, and leasing each time one job ends made it a per-job cost.
      if (free >= (inFlight.size === 0 ? 1 : leaseBatch)) {
        try {
          leased = await queue.lease(workerId, free);
        } catch (error) {
          logger.error({ err: (error as Error).message }, "could not lease jobs");
        }
      }
      for (const job of leased) {
        const task = run(job).finally(() => {
          inFlight.delete(task);
          wake?.();
        });
        inFlight.add(task);
      }
      if (leased.length === 0 || concurrency - inFlight.size < leaseBatch) {
        await Promise.race([queue.waitForWork(idlePollMs), new Promise<void>((r) => (wake = r))]);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
      clearInterval(renewal);
    },
  };
}
