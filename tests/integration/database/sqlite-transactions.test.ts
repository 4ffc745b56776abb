// The app's Prisma transactions on SQLite against another process's writes: a transaction that reads, then
// writes (run inWritingTransaction) must not fail because someone else committed in between (SQLite refuses
// a deferred transaction's upgrade to a writer at once, whatever the busy timeout); others begin deferred.
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database as AppDatabase } from "../../../app/db.server";
import { inWritingTransaction } from "../../../app/db/libsql-shared-connection";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { sqliteFilePath } from "../../../app/db/sqlite-file-path";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

const SHOP = "transactions.myshopify.com";

describe("SQLite transactions of the app", () => {
  let database: TemporaryDatabase;
  let db: AppDatabase;
  let otherProcess: Database.Database;

  beforeAll(async () => {
    database = await TEST_DATABASES.find((d) => d.name === "SQLite")!.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
    // Its own connection, outside the app's in-process write lock: what a worker process is to the web process.
    otherProcess = new Database(sqliteFilePath(database.url));
    otherProcess.pragma("busy_timeout = 0");
    await db.catalogProduct.createMany({
      data: [1, 2, 3].map((n) => ({ shop: SHOP, productId: `gid://shopify/Product/${n}`, handle: `p${n}`, title: `Product ${n}`, status: "ACTIVE", shopifyUpdatedAt: new Date() })),
    });
  });
  afterAll(async () => {
    otherProcess?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  const otherProcessWrites = (productId: string) =>
    otherProcess.prepare(`INSERT INTO "ProductSync" ("id", "shop", "productId", "state", "updatedAt") VALUES (?, ?, ?, 'queued', ?)`).run(`other-${productId}`, SHOP, productId, new Date().toISOString());

  it("commits a read-then-write transaction though another process wanted to write in between; that write goes through after it", async () => {
    let otherWrite: "done" | "waited" | undefined;
    await inWritingTransaction(() => db.$transaction(async (tx) => {
      const before = await tx.productSync.count({ where: { shop: SHOP } });
      try {
        otherProcessWrites("gid://shopify/Product/2");
        otherWrite = "done";
      } catch (error) {
        expect((error as { code?: string }).code).toBe("SQLITE_BUSY");
        otherWrite = "waited";
      }
      await tx.productSync.create({ data: { shop: SHOP, productId: "gid://shopify/Product/1", state: before === 0 ? "queued" : "not_synced" } });
    }));
    // The transaction held the write lock from its start: the other writer had to wait, not the other way round.
    expect(otherWrite).toBe("waited");
    otherProcessWrites("gid://shopify/Product/2");
    const rows = await db.productSync.findMany({ where: { shop: SHOP }, orderBy: { productId: "asc" } });
    expect(rows.map((r) => [r.productId, r.state])).toEqual([
      ["gid://shopify/Product/1", "queued"],
      ["gid://shopify/Product/2", "queued"],
    ]);
  });

  it("begins other transactions deferred: a transaction that only reads does not hold back another process's writer", async () => {
    await db.$transaction(async (tx) => {
      await tx.productSync.count({ where: { shop: SHOP } });
      expect(() => otherProcessWrites("gid://shopify/Product/3")).not.toThrow();
    });
  });
});
