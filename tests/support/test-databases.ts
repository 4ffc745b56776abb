// Both databases the app supports, each created fresh and migrated for one test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
