// One SQLite writer at a time within this process, in arrival order. SQLite allows one write transaction per
// database; the app has two connections to it (Prisma's, and the webhook intake's), and an interactive Prisma
// transaction holds the write lock across awaits. Without this, the intake found the database busy and
// polled for it — under the in-process worker's steady transactions, webhooks waited 50 ms and more. Other
// processes (a separate worker) are still met with SQLite's own locking.

export interface WriteLock {
  /**
   * Resolves when the caller may write; call the returned function when done (once). An urgent caller (the
   * webhook intake, whose write is one short synchronous transaction that an HTTP answer waits for) goes
   * ahead of the others waiting, after the current holder.
   */
  acquire(options?: { urgent?: boolean }): Promise<() => void>;
}

const locks = new Map<string, WriteLock>();

/** The lock for a database file, shared by every connection of this process to that file. */
export function sqliteWriteLock(file: string): WriteLock {
  let lock = locks.get(file);
  if (!lock) {
    lock = createWriteLock();
    locks.set(file, lock);
  }
  return lock;
}

export function createWriteLock(): WriteLock {
  let held = false;
  const urgent: Array<() => void> = [];
  const waiting: Array<() => void> = [];
  const next = () => {
    held = false;
    (urgent.shift() ?? waiting.shift())?.();
  };
  return {
    acquire(options = {}) {
      return new Promise((resolve) => {
        const grant = () => {
          held = true;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            next();
          });
        };
        if (!held) grant();
        else (options.urgent ? urgent : waiting).push(grant);
      });
    },
  };
}
