// SQLite commits: synchronous=NORMAL (WAL) by default, FULL for transactions run inside durably() — what the
// app acknowledges, such as a recorded webhook — read back from SQLite itself inside each transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { durably } from "../../../app/db/libsql-shared-connection";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

const FULL = 2;
const NORMAL = 1;

describe("SQLite durability", () => {
  let database: TemporaryDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await TEST_DATABASES.find((d) => d.name === "SQLite")!.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const synchronousInTransaction = (tx: Pick<Database, "$queryRawUnsafe">) => tx.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous").then((rows) => Number(rows[0]!.synchronous));

  it("commits ordinary transactions with NORMAL and durable ones with FULL, then returns to NORMAL", async () => {
    expect(await db.$transaction((tx) => synchronousInTransaction(tx))).toBe(NORMAL);
    expect(await durably(() => db.$transaction((tx) => synchronousInTransaction(tx)))).toBe(FULL);
    expect(await db.$transaction((tx) => synchronousInTransaction(tx))).toBe(NORMAL);
    // Prisma runs a batch transaction outside the caller's async context: durable work uses interactive ones.
    const [rows] = await durably(() => db.$transaction([db.$queryRawUnsafe<Array<{ synchronous: bigint }>>("PRAGMA synchronous")]));
    expect(Number(rows[0]!.synchronous)).toBe(NORMAL);
    // Concurrent work outside durably() is not made durable by a durable transaction running beside it.
    const [durable, ordinary] = await Promise.all([
      durably(() => db.$transaction((tx) => synchronousInTransaction(tx))),
      db.$transaction((tx) => synchronousInTransaction(tx)),
    ]);
    expect([durable, ordinary]).toEqual([FULL, NORMAL]);
  });
});
