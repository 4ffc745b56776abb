import path from "node:path";

export type DatabaseKind = "sqlite" | "postgres";

/** SQLite file by default; PostgreSQL when DATABASE_URL is a postgres URL. */
export function resolveDatabaseUrl(databaseUrl: string | undefined = process.env.DATABASE_URL): { url: string; kind: DatabaseKind } {
  const url = databaseUrl?.trim() || `file:${path.resolve("prisma", "dev.sqlite")}`;
  if (/^postgres(ql)?:\/\//.test(url)) return { url, kind: "postgres" };
  if (url.startsWith("file:")) return { url, kind: "sqlite" };
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}
