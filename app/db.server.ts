// The Prisma client: SQLite file by default, PostgreSQL when DATABASE_URL is a postgres URL.
// Both clients are generated from the same data model (prisma/schema.prisma), so the SQLite client's
// type describes either.
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
// The PostgreSQL client is CommonJS generated outside node_modules: kept external by the build
// (vite.config.ts) and imported as a whole module, which Node's ESM loader always allows.
import postgresClientModule from "../generated/pg-client/index.js";
import { resolveDatabaseUrl } from "./db/database-url";
import { PrismaLibSQLSharedConnection } from "./db/libsql-shared-connection";

export type Database = PrismaClient;

export function createDatabase(databaseUrl?: string): Database {
  const { url, kind } = resolveDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL);
  if (kind === "postgres") {
    return new postgresClientModule.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  return new PrismaClient({ adapter: new PrismaLibSQLSharedConnection({ url }) });
}

declare global {
  // Reused across Vite dev-server reloads so we do not leak connections.
  var __database: Database | undefined;
}

export const db: Database = globalThis.__database ?? (globalThis.__database = createDatabase());
export default db;
