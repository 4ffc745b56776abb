// Both databases the app supports, each created fresh and migrated for one test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDatabase, type Database } from "../../app/db.server";
import { migrateDatabase } from "../../app/db/migrations.server";
import { createTemporaryPostgresDatabase } from "./postgres-database";

export interface TemporaryDatabase { url: string; drop(): Promise<void> }

export const TEST_DATABASES: Array<{ name: string; create(): Promise<TemporaryDatabase> }> = [
  {
    name: "SQLite",
    async create() {
      const dir = mkdtempSync(path.join(tmpdir(), "app-sqlite-"));
      return { url: `file:${path.join(dir, "db.sqlite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: "PostgreSQL", create: createTemporaryPostgresDatabase },
];

/**
 * For a `describe.each(TEST_DATABASES)` block: creates and migrates the backend's database before its tests,
 * drops it after. Returns a getter for the client (valid inside tests and later hooks), with its URL.
 */
export function useMigratedDatabase(backend: { create(): Promise<TemporaryDatabase> }): (() => Database) & { url(): string } {
  let database: TemporaryDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    database = await backend.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  return Object.assign(() => db!, { url: () => database!.url });
}
