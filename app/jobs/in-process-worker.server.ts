// The worker runs inside the web process by default (one process serves a small merchant and the demo).
// Set WORKER_IN_PROCESS=false when running workers separately with `npm run worker`.
import { hostname } from "node:os";
import { jobHandlers, queue, scheduleRecurringJobs } from "../app-context.server";
import { logger } from "../logger.server";
import { startJobWorker, type RunningWorker } from "./job-worker";

declare global {
  var __inProcessWorker: RunningWorker | undefined;
}

export function ensureInProcessWorker(): void {
  if (process.env.WORKER_IN_PROCESS === "false" || process.env.VITEST || globalThis.__inProcessWorker) return;
  globalThis.__inProcessWorker = startJobWorker({
    queue,
    handlers: jobHandlers,
    workerId: `web-${hostname()}-${process.pid}`,
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
    logger: logger.child({ component: "worker" }),
  });
  logger.info("job worker started in the web process");
  void scheduleRecurringJobs().catch((error: Error) => logger.error({ err: error.message }, "could not schedule the recurring jobs (reconcile, pruning)"));
}

/** Finishes the jobs in flight (bounded by the caller); unfinished ones are leased again after restart. */
export async function stopInProcessWorker(): Promise<void> {
  await globalThis.__inProcessWorker?.stop();
}
