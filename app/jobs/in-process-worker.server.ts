// The worker runs inside the web process by default (one process serves a small merchant and the demo).
// Set WORKER_IN_PROCESS=false when running workers separately with `npm run worker`.
import { hostname } from "node:os";
import { jobHandlers, queue, reconcileIntervalMs } from "../app-context.server";
import { scheduleReconcile } from "../modules/catalog/reconcile";
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
  void scheduleReconcile(queue, reconcileIntervalMs).catch((error: Error) => logger.error({ err: error.message }, "could not schedule the reconcile"));
  // The server (scripts/serve.ts) only closes its HTTP server on SIGTERM, which never ends the process while the worker
  // loop runs: finish the jobs in flight (bounded), then exit. Unfinished jobs are re-leased later.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const worker = globalThis.__inProcessWorker;
      const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
      void Promise.race([worker?.stop(), deadline]).finally(() => process.exit(0));
    });
  }
}
