// Once per `vitest run`: a fresh SQLite test database (one file per run, see vite.config.ts) with every
// committed migration applied; removed when the run ends.
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../app/db/migrations.server";

export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL as string;
  const file = url.replace(/^file:/, "");
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    rmSync(`${file}-intake-journal`, { recursive: true, force: true }); // the webhook intake's journal

  };
  remove();
  await migrateDatabase(url);
  return remove;
}
