import pino from "pino";
import type { JobQueue } from "../../app/jobs/job-queue";
import { startJobWorker, type JobHandlers } from "../../app/jobs/job-worker";

/** Runs the real worker until the queue has nothing pending or running (or the timeout passes). */
export async function drainJobs(queue: JobQueue, handlers: JobHandlers, timeoutMs = 10_000): Promise<void> {
  const worker = startJobWorker({ queue, handlers, workerId: "test-drain", idlePollMs: 10, logger: pino({ level: "silent" }) });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const counts = await queue.counts();
      if (counts.pending === 0 && counts.running === 0) return;
      if (Date.now() > deadline) throw new Error(`Jobs still queued after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await worker.stop();
  }
}
