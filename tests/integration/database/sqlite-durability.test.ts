// SQLite commits: the app's Prisma connection commits with synchronous=NORMAL (WAL) — read back from SQLite
// itself inside a transaction; what the app acknowledges (a recorded webhook) goes through the intake's own
// connection, answered after an fdatasync of the WAL (tests/integration/webhooks/delivery-intake-store.test.ts).
// The WAL is cut back to a bounded size after checkpoints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { WAL_SIZE_LIMIT_BYTES } from "../../../app/db/wal-size-limit";
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

  it("bounds the WAL file left after a checkpoint", async () => {
    const rows = await db.$queryRawUnsafe<Array<{ journal_size_limit: bigint | number }>>("PRAGMA journal_size_limit");
    expect(Number(rows[0]!.journal_size_limit)).toBe(WAL_SIZE_LIMIT_BYTES);
  });
});
