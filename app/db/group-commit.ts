// Group commit: concurrent callers' writes go to the database together, one transaction per batch.
// Callers arriving in the same turn of the event loop (a burst of requests) share a batch; a lone caller is
// flushed on the next turn, so it waits for nothing. Up to `maxInFlight` batches are written at once: a
// batch waiting for its disk sync does not hold back the next one's commit (the syncs coalesce).

export interface GroupCommit<Item, Result> {
  submit(item: Item): Promise<Result>;
}

export function createGroupCommit<Item, Result>(
  /** Writes the batch; returns one result per item, in order. Throwing fails every item of the batch. */
  flush: (items: Item[]) => Promise<Result[]>,
  options: { maxBatch: number; maxInFlight?: number },
): GroupCommit<Item, Result> {
  type Waiting = { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void };
  const maxInFlight = options.maxInFlight ?? 1;
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function startBatches() {
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      inFlight++;
      (async () => flush(batch.map((w) => w.item)))()
        .then(
          (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          inFlight--;
          startBatches();
        });
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            startBatches();
          });
        }
      });
    },
  };
}
