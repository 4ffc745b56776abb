import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// Prisma's Rust engines cannot be downloaded here, so the CLI runs its WASM engine through a driver
// adapter. The CLI only generates clients and writes migration SQL (scripts/db-migration.ts);
// scripts/migrate.ts applies migrations on SQLite and PostgreSQL alike (Migrate fails on adapter-pg).
const databaseUrl = process.env.DATABASE_URL?.startsWith("file:")
  ? process.env.DATABASE_URL
  : `file:${path.join(import.meta.dirname, "prisma", "dev.sqlite")}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl });
  },
});
