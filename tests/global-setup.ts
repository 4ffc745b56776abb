// Once per `vitest run`: a fresh SQLite test database with every committed migration applied.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../app/db/migrations.server";

export default async function setup() {
  const file = path.resolve("prisma", "test.sqlite");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  await migrateDatabase(`file:${file}`);
}
