// SQLite commits: the app's Prisma connection commits with synchronous=NORMAL (WAL) — read back from SQLite
// itself inside a transaction; what the app acknowledges (a recorded webhook) goes through the intake's own
// FULL connection (tests/integration/webhooks/delivery-intake-store.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

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

  it("commits the app's transactions with NORMAL", async () => {
    expect(await db.$transaction((tx) => synchronousInTransaction(tx))).toBe(NORMAL);
    expect(await synchronousInTransaction(db)).toBe(NORMAL);
  });
});
