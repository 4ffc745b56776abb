// Webhook intake on SQLite: its own connection, prepared statements and synchronous transactions, no Prisma.
// Recording is the one write on the path of an HTTP answer; through Prisma's interactive transaction it cost
// ~2–4 ms per batch (most of it waiting, not working), here ~30 µs a delivery.
//
// Durable without blocking: libsql runs statements on the event loop's thread, so a commit with
// synchronous=FULL would freeze the whole app for each fsync (p50 0.3 ms, but 12–25 ms in the tail on
// this machine's disk). The connection commits with NORMAL — the commit is in the WAL, in the page cache —
// and the batch is answered after an fdatasync of the WAL file on the thread pool, shared by the batches
// committed meanwhile. That is FULL's guarantee (a commit is durable once its WAL frames are): the WAL file
// is never replaced while this connection is open, and a checkpoint that moves frames into the database
// file syncs that file before the WAL is rewritten.
//
// Writers of this process take turns (sqlite-write-lock.ts). Against another process's writer the
// connection never waits inside SQLite (busy_timeout=0): libsql would wait synchronously, freezing the event
// loop; a busy database is tried again a millisecond later instead. The transaction runs in one turn of the
// event loop, so it never holds the lock while anything else of this process waits.
import Database from "libsql";
import { createCoalescedFileSync, type FileSync } from "./coalesced-file-sync";
import { WAL_SIZE_LIMIT_BYTES } from "./wal-size-limit";
import { sqliteFilePath } from "./sqlite-file-path";
import { sqliteWriteLock } from "./sqlite-write-lock";
import { DeliveryRefusedError, distinctDeliveryRows, jobsForRecorded, receiptResults, webhookJobPayload, type DeliveryIntakeStore, type DeliveryReceipt, type DeliveryRow, type RecordedDelivery } from "../modules/webhooks/delivery-intake";

/** How long a batch keeps retrying a locked database before it fails (the caller answers 500; Shopify retries). */
const BUSY_DEADLINE_MS = 10_000;

export interface SqliteDeliveryIntakeOptions {
  /** How the WAL file is synced (tests observe it); an fdatasync on the thread pool by default. */
  walSync?: (walPath: string) => FileSync & { close(): Promise<void> };
}

export function createSqliteDeliveryIntake(url: string, options: SqliteDeliveryIntakeOptions = {}): DeliveryIntakeStore {
  // Opened on the first delivery: the app may be imported before its database is migrated.
  let opened: ReturnType<typeof openIntakeConnection> | undefined;
  const open = () => (opened ??= openIntakeConnection(url, options.walSync ?? createCoalescedFileSync));
  const writeLock = sqliteWriteLock(sqliteFilePath(url));

  function writeBatch(receipts: DeliveryReceipt[]): RecordedDelivery[] {
    const { connection, insertDelivery, recordedId, insertJob } = open();
    const insertRow = (row: DeliveryRow) => {
      const { changes } = insertDelivery.run(row.id, row.source, row.deliveryId, row.shop, row.topic, row.apiVersion ?? null, row.triggeredAt ? sqliteTime(row.triggeredAt) : null, row.eventId ?? null, row.payload, row.status, sqliteTime(row.receivedAt));
      if (changes === 1) return { id: row.id, inserted: true };
      return { id: (recordedId.get(row.source, row.deliveryId) as { id: string }).id, inserted: false };
    };
    const { rows, rowOfReceipt } = distinctDeliveryRows(receipts);
    connection.exec("BEGIN IMMEDIATE");
    try {
      const stored = rows.map(insertRow);
      for (const job of jobsForRecorded(rows.filter((_, i) => stored[i]!.inserted))) {
        const at = sqliteTime(job.createdAt);
        insertJob.run(job.id, job.shop, job.type, webhookJobPayload(job.deliveryIds), job.priority, at, at, at);
      }
      connection.exec("COMMIT");
      return receiptResults(rowOfReceipt, stored);
    } catch (error) {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      throw error;
    }
  }

  async function writeWhenUnlocked(receipts: DeliveryReceipt[]): Promise<RecordedDelivery[]> {
    const deadline = Date.now() + BUSY_DEADLINE_MS;
    for (;;) {
      // This process's other writers (Prisma's transactions) in turn; another process's, by polling.
      const release = await writeLock.acquire({ urgent: true });
      try {
        return writeBatch(receipts);
      } catch (error) {
        if (isRefusedData(error)) throw new DeliveryRefusedError(error as Error);
        if (!isBusy(error) || Date.now() > deadline) throw error;
      } finally {
        release();
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  return {
    async recordBatch(receipts) {
      const results = await writeWhenUnlocked(receipts);
      // Duplicates too: the first copy may have been committed a moment ago and not be on disk yet.
      await open().walSync();
      return results;
    },
    async close() {
      await opened?.walSync.close();
      opened?.connection.close();
      opened = undefined;
    },
  };
}

function openIntakeConnection(url: string, syncFile: NonNullable<SqliteDeliveryIntakeOptions["walSync"]>) {
  const file = sqliteFilePath(url);
  const connection = new Database(file);
  connection.pragma("busy_timeout = 0");
  connection.pragma("journal_mode = WAL"); // as migrated; the WAL sync relies on it
  connection.pragma("synchronous = NORMAL");
  // Checkpoints (two fsyncs and a copy, on this thread) are left to the app's Prisma connection: in the
  // scale configuration that is the worker process's, away from the answers to Shopify.
  connection.pragma("wal_autocheckpoint = 0");
  connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  return {
    connection,
    walSync: syncFile(`${file}-wal`),
    insertDelivery: connection.prepare(
      `INSERT INTO "WebhookDelivery" ("id", "source", "deliveryId", "shop", "topic", "apiVersion", "triggeredAt", "eventId", "payload", "status", "receivedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("source", "deliveryId") DO NOTHING`,
    ),
    recordedId: connection.prepare(`SELECT "id" FROM "WebhookDelivery" WHERE "source" = ? AND "deliveryId" = ?`),
    insertJob: connection.prepare(`INSERT INTO "Job" ("id", "shop", "type", "payload", "priority", "runAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

/** DateTime as Prisma's libsql adapter writes it (text, compared as text by the app's queries). */
function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** SQLite's answers to the data itself (extended codes included: SQLITE_CONSTRAINT_CHECK, _TRIGGER, …). */
function isRefusedData(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? "";
  return ["SQLITE_CONSTRAINT", "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE"].some((refusal) => code === refusal || code.startsWith(`${refusal}_`));
}
