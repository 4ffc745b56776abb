// PostgreSQL plans from table statistics, which autovacuum gathers only some time after a bulk load. Until
// then it takes a just-imported table of 100,000 products for an empty one, and the products page's sync-state
// filter ran as a nested loop for minutes (measured: bench/products-page.ts). SQLite plans well enough here
// without statistics (and ANALYZE there would change the job queue's plans too), so this is PostgreSQL only.
import type { Database } from "../db.server";
import { resolveDatabaseUrl } from "./database-url";

export type RefreshPlannerStatistics = (tables: readonly string[]) => Promise<void>;

export function plannerStatisticsRefresher(db: Database, databaseUrl?: string): RefreshPlannerStatistics {
  if (resolveDatabaseUrl(databaseUrl).kind !== "postgres") return async () => {};
  return async (tables) => {
    const names = tables.map((table) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`Not a table name: ${table}`);
      return `"${table}"`;
    });
    await db.$executeRawUnsafe(`ANALYZE ${names.join(", ")}`);
  };
}
