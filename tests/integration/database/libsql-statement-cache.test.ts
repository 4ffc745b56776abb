// libsql-js never frees a prepared statement's native memory; @libsql/client prepares one per execute. With
// the app's statement reuse, a long run of queries leaves memory flat — on a real SQLite file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import Database from "libsql";
import { afterAll, describe, expect, it } from "vitest";
import { reusePreparedStatements } from "../../../app/db/libsql-statement-cache";

const dir = mkdtempSync(path.join(tmpdir(), "stmt-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prepared statement reuse", () => {
  reusePreparedStatements();

  it("hands out one statement per SQL text and connection, still usable after a failed run", () => {
    const db = new Database(path.join(dir, "a.sqlite"));
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
    const insert = "INSERT INTO t (v) VALUES (?)";
    expect(db.prepare(insert)).toBe(db.prepare(insert));
    db.prepare(insert).run("a");
    expect(() => db.prepare(insert).run("a")).toThrow(/UNIQUE/); // a constraint error leaves it reusable
    db.prepare(insert).run("b");
    expect(db.prepare("SELECT v FROM t ORDER BY v").all()).toEqual([{ v: "a" }, { v: "b" }]);
    const other = new Database(path.join(dir, "a.sqlite"));
    expect(other.prepare(insert)).not.toBe(db.prepare(insert));
  });

  it("keeps memory flat over 50,000 queries through @libsql/client (it grew ~3.5 KB per query)", { timeout: 60_000 }, async () => {
    const client = createClient({ url: `file:${path.join(dir, "b.sqlite")}` });
    await client.execute("PRAGMA synchronous = OFF"); // the statements are what is measured, not the disk
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)");
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) await client.execute({ sql: "INSERT INTO t (a, b) VALUES (?, ?)", args: ["x".repeat(100), String(i)] });
    };
    await run(5_000); // warm up
    const before = process.memoryUsage().rss;
    await run(50_000);
    const grownMb = (process.memoryUsage().rss - before) / 1e6;
    expect(grownMb).toBeLessThan(40); // without reuse: ~175 MB
    client.close();
  });
});
