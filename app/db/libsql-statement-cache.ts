// libsql-js (0.3, and 0.5 alike) never frees a prepared statement's native memory, not even once the
// statement is garbage-collected, and @libsql/client prepares every statement it executes: the app's RSS
// grew ~3.5 KB per query (importing and listing 10,000 products: +600 MB, then the process crawled).
// Statements run synchronously and carry no state between runs, so each connection keeps one per SQL
// text and reuses it. Texts vary (Prisma writes `IN (?, ?, …)` per list length), hence a bound: an
// evicted statement is the leak we had, now rare.
import Database from "libsql";

const MAX_STATEMENTS_PER_CONNECTION = 2000;
const CACHE = Symbol("preparedStatements");

type Prepare = (this: object, sql: string) => unknown;

/** Makes every libsql connection of this process reuse its prepared statements. Idempotent. */
export function reusePreparedStatements(): void {
  const proto = Database.prototype as unknown as { prepare: Prepare & { cached?: true } };
  if (proto.prepare.cached) return;
  const prepare = proto.prepare;
  const cachedPrepare = function (this: { [CACHE]?: Map<string, unknown> }, sql: string) {
    const cache = (this[CACHE] ??= new Map());
    const held = cache.get(sql);
    if (held !== undefined) {
      cache.delete(sql); // most recently used last
      cache.set(sql, held);
      return held;
    }
    const statement = prepare.call(this, sql);
    cache.set(sql, statement);
    if (cache.size > MAX_STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    return statement;
  } as Prepare & { cached?: true };
  cachedPrepare.cached = true;
  proto.prepare = cachedPrepare;
}
