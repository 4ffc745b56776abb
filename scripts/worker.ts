// npm run worker — a standalone job worker (run web processes with WORKER_IN_PROCESS=false).
// Applies pending migrations first (safe alongside other processes: one migrator at a time).
import { hostname } from "node:os";
import { migrateDatabase } from "../app/db/migrations.server";

await migrateDatabase();
import { jobHandlers, queue, scheduleRecurringJobs } from "../app/app-context.server";
import { startJobWorker } from "../app/jobs/job-worker";
import { logger } from "../app/logger.server";

const worker = startJobWorker({
  queue,
  handlers: jobHandlers,
  workerId: `worker-${hostname()}-${process.pid}`,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
  logger: logger.child({ component: "worker" }),
});
await scheduleRecurringJobs();
logger.info("job worker started");
process.send?.("ready"); // to a parent that started us with an IPC channel (the tests' harness)
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    logger.info({ signal }, "stopping job worker after in-flight jobs");
    await worker.stop();
    process.exit(0);
  });
}
