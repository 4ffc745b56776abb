// The job queue port. Adapters: the embedded queue on the app's own database (embedded-job-queue.ts);
// a Redis/BullMQ adapter can implement the same port for the scale path.

/** Webhook processing, stock pushes: the default. */
export const WEBHOOK_PRIORITY = 0;
/** Work that may wait for webhooks and stock pushes: product syncs, review checks, TikTok's status events. */
export const BACKGROUND_PRIORITY = 1;
/** Every priority, most urgent first: a lease looks for due jobs one level at a time (an exact index range each). */
export const JOB_PRIORITIES = [WEBHOOK_PRIORITY, BACKGROUND_PRIORITY] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

export interface NewJob {
  shop: string;
  type: string;
  payload: unknown;
  /** Jobs with the same key coalesce: while one is pending, enqueueing again replaces its payload. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
  /** Lower runs first among due jobs (default WEBHOOK_PRIORITY): background work uses BACKGROUND_PRIORITY. */
  priority?: JobPriority;
  /**
   * With a key: wait `delayMs` after the latest enqueue before running, but never longer than `maxWaitMs`
   * after the first, so a burst becomes one run and a steady stream still runs regularly.
   */
  debounce?: { delayMs: number; maxWaitMs: number };
}

export interface LeasedJob {
  id: string;
  shop: string;
  type: string;
  payload: unknown;
  key: string | null;
  attempts: number;
  maxAttempts: number;
}

/** `deferred`: the job could not start for a reason outside it (e.g. sync paused); the attempt is not counted. */
export type JobFailure = { error: Error; retryable: boolean; retryAt?: Date; deferred?: boolean };

export interface JobQueue {
  enqueue(job: NewJob): Promise<{ id: string; coalesced: boolean }>;
  /**
   * `enqueue` for many jobs at once (selecting 10,000 products), with the same coalescing, in a few statements
   * per chunk instead of two per job. Returns how many were new (the rest joined a pending job with their key).
   */
  enqueueMany(jobs: readonly NewJob[]): Promise<{ created: number; coalesced: number }>;
  /** Claims up to `limit` runnable jobs for `workerId` for the visibility timeout. */
  lease(workerId: string, limit: number): Promise<LeasedJob[]>;
  complete(job: LeasedJob, workerId: string): Promise<void>;
  /**
   * Extends the leases of jobs this worker is still running (a job may run longer than the visibility
   * timeout: a catalog import of 10,000 products does). Returns the ids whose lease it no longer holds.
   */
  renewLeases(jobIds: string[], workerId: string): Promise<string[]>;
  /** How long a lease lasts without renewal; a worker renews well within it. */
  readonly visibilityTimeoutMs: number;
  fail(job: LeasedJob, workerId: string, failure: JobFailure): Promise<"retrying" | "dead" | "superseded">;
  /** Puts a dead job back in the queue with a fresh attempt count. */
  replay(jobId: string): Promise<void>;
  counts(shop?: string): Promise<Record<"pending" | "running" | "done" | "dead", number>>;
  /** Tells local workers that work was added outside enqueue() (e.g. in a caller's transaction). */
  notify(): void;
  /** Resolves when something may have become runnable (a local enqueue) or after `ms`. */
  waitForWork(ms: number): Promise<void>;
}
