// Writes a new migration for both databases from the change to prisma/schema.prisma since the last one:
//   npm run db:migration -- <name>
// Prisma Migrate cannot run against PostgreSQL through the driver adapter here, so we diff schema files
// (no database needed) and apply the SQL with scripts/migrate.ts. Each migration folder keeps the schema
// it was generated from (schema.prisma) as the "from" side of the next diff.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from "./db-schemas";
import { readFileSync } from "node:fs";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
const dirs = { sqlite: path.join(root, "prisma", "migrations"), postgres: path.join(root, "prisma", "postgres", "migrations") };

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  return execFileSync(process.execPath, [prismaCli, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

function lastMigration(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir).filter((n) => /^\d{4}_/.test(n)).sort();
  return names.length ? path.join(dir, names[names.length - 1]!) : null;
}

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
writeFileSync(postgresSchemaPath, postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8")));
for (const [provider, dir] of Object.entries(dirs)) {
  const previous = lastMigration(dir);
  const number = previous ? Number(path.basename(previous).slice(0, 4)) + 1 : 1;
  const schema = provider === "sqlite" ? sqliteSchemaPath : postgresSchemaPath;
  const sql = diff(previous ? path.join(previous, "schema.prisma") : null, schema);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const target = path.join(dir, `${String(number).padStart(4, "0")}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  copyFileSync(schema, path.join(target, "schema.prisma"));
  console.log(`${provider}: wrote ${path.relative(root, target)}/migration.sql`);
}
