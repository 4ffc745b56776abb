// Group commit: concurrent callers' writes go to the database together, one transaction per batch.
// A write's cost on SQLite is mostly per transaction (the libsql client opens a connection and prepares
// its statements for each), so under a burst this turns N transactions into a few; a lone caller is
// flushed on the next turn of the event loop, so it waits for nothing.

export interface GroupCommit<Item, Result> {
  submit(item: Item): Promise<Result>;
}

export function createGroupCommit<Item, Result>(
  /** Writes the batch; returns one result per item, in order. Throwing fails every item of the batch. */
  flush: (items: Item[]) => Promise<Result[]>,
  options: { maxBatch: number },
): GroupCommit<Item, Result> {
  type Waiting = { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void };
  let waiting: Waiting[] = [];
  let draining = false;

  async function drain() {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const results = await flush(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    draining = false;
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!draining) {
          draining = true;
          // Callers arriving in the same turn (a burst of requests) join this batch.
          setImmediate(() => void drain());
        }
      });
    },
  };
}
