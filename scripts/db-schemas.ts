// Generates prisma/postgres/schema.prisma from prisma/schema.prisma: one data model, two providers.
// Prisma refuses a SQLite-generated client with the pg adapter, so PostgreSQL needs its own client.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma", "postgres", "schema.prisma");

export function postgresSchemaFrom(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:dev\.sqlite"/, 'url      = "postgresql://localhost:5432/unused"')
    .replace(/engineType = "client"/, 'engineType = "client"\n  output     = "../../generated/pg-client"');
  return `// GENERATED from prisma/schema.prisma by scripts/db-schemas.ts — do not edit.\n${out}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(postgresSchemaPath, postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8")));
  console.log(`wrote ${path.relative(root, postgresSchemaPath)}`);
}
