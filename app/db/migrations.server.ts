// Applies the committed migrations (prisma/migrations for SQLite, prisma/postgres/migrations for
// PostgreSQL), each once and in its own transaction, recorded in _app_migrations. We do not use
// `prisma migrate deploy`: it cannot run through the PostgreSQL driver adapter (prisma/orm#27403).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { resolveDatabaseUrl } from "./database-url";

const root = path.resolve(import.meta.dirname, "..", "..");
const migrationDirs = {
  sqlite: path.join(root, "prisma", "migrations"),
  postgres: path.join(root, "prisma", "postgres", "migrations"),
};

interface Migration { name: string; sql: string }

function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function migrateDatabase(databaseUrl?: string): Promise<string[]> {
  const { url, kind } = resolveDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL);
  const migrations = readMigrations(migrationDirs[kind]);
  return kind === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

async function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const client = createClient({ url });
  const applied: string[] = [];
  try {
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute(
      `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
    );
    for (const migration of migrations) {
      const done = await client.execute({ sql: `SELECT 1 FROM "_app_migrations" WHERE "name" = ?`, args: [migration.name] });
      if (done.rows.length) continue;
      const tx = await client.transaction("write");
      try {
        await tx.executeMultiple(migration.sql);
        await tx.execute({ sql: `INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (?, ?)`, args: [migration.name, new Date().toISOString()] });
        await tx.commit();
        applied.push(migration.name);
      } catch (error) {
        await tx.rollback();
        throw new Error(`Migration ${migration.name} failed on SQLite: ${(error as Error).message}`);
      }
    }
    // WAL lets the web process and the worker read while the other writes.
    await client.execute("PRAGMA journal_mode = WAL");
  } finally {
    client.close();
  }
  return applied;
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    // One migrator at a time across processes (web and worker may start together).
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    for (const migration of migrations) {
      const done = await client.query(`SELECT 1 FROM "_app_migrations" WHERE "name" = $1`, [migration.name]);
      if (done.rowCount) continue;
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES ($1, now())`, [migration.name]);
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed on PostgreSQL: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
  return applied;
}
