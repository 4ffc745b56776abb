// The checkpoint thread moves committed WAL frames into the database file while the writing connection has
// auto-checkpoints off (in WAL mode the database file only grows through checkpoints).
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "libsql";
import { describe, expect, it } from "vitest";
import { startSqliteCheckpointer } from "../../../app/db/sqlite-checkpointer";

describe("SQLite checkpoint thread", () => {
  it("checkpoints another connection's commits off the event loop's thread", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ckpt-")), "db.sqlite");
    const writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE t (v TEXT)");
    const insert = writer.prepare("INSERT INTO t (v) VALUES (?)");
    writer.transaction(() => { for (let i = 0; i < 2000; i++) insert.run("x".repeat(500)); })();
    const before = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000); // all of it still in the WAL

    const checkpointer = startSqliteCheckpointer(file, { intervalMs: 20 });
    try {
      await expect.poll(() => statSync(file).size, { timeout: 5000, interval: 20 }).toBeGreaterThan(before + 1_000_000);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });
});
