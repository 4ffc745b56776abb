// SQLite's WAL checkpoints on a thread of their own. A checkpoint syncs the WAL and the database file to
// disk; run by SQLite itself (wal_autocheckpoint) it happens inside whichever commit crosses the threshold,
// on the event loop's thread (libsql is synchronous): the app froze for the two fsyncs and the copy, 10–50 ms
// on this machine's disk. The app's connections turn auto-checkpoints off and this thread checkpoints
// every second (PASSIVE: it never blocks a writer), so the WAL is rewritten from its start, in place, instead
// of growing — which also keeps each fdatasync of it cheap (no file-size change to journal).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// Plain JavaScript: a thread runs a file or source text, and the app is one bundle (build/server/index.js).
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.libsql);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 1000");
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage(String((error && error.message) || error));
  }
}, workerData.intervalMs);
`;

export interface SqliteCheckpointer { stop(): Promise<void> }

export function startSqliteCheckpointer(file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): SqliteCheckpointer {
  const libsql = createRequire(import.meta.url).resolve("libsql");
  const thread = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { libsql, file, intervalMs: options.intervalMs ?? 1000 } });
  thread.unref(); // never what keeps the process alive
  thread.on("message", (message: string) => (options.onError ?? ((m) => console.error(`SQLite checkpoint failed: ${m}`)))(message));
  thread.on("error", (error) => console.error(`SQLite checkpoint thread stopped: ${error.message}`));
  return { stop: async () => void (await thread.terminate()) };
}

/** The file of a file: DATABASE_URL (with or without query parameters). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0]!;
}
