// Errors a job handler throws to tell the worker what to do with the job (checked by job-worker.ts).

/** The job cannot go on yet for a reason outside it: it comes back at `retryAt` without spending an attempt. */
export class DeferredJobError extends Error {
  readonly retryable = true;
  readonly deferred = true;
  constructor(message: string, readonly retryAt: Date) {
    super(message);
    this.name = new.target.name;
  }
}
