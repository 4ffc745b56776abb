// What every resolver receives: the store, where the sandbox is served (for image and file URLs), the
// access scopes of the calling token, and whether connections are read whole (bulk operations).
import { GraphQLError } from "graphql";
import type { BulkOperationRunner } from "../bulk-operations";
import type { ShopifyStore } from "../store";
import type { SearchWarning } from "../search-query";

export interface ResolverContext {
  store: ShopifyStore;
  /** The sandbox's origin, e.g. http://127.0.0.1:4100 — images and bulk files are served from it. */
  origin: string;
  scopes: ReadonlySet<string>;
  /** True while a bulk operation runs its query: connections need no first/last. */
  unbounded: boolean;
  bulk: BulkOperationRunner;
  /** Search warnings collected while resolving `query:` arguments, reported in extensions.search. */
  searchWarnings: { path: (string | number)[]; query: string; warnings: SearchWarning[] }[];
  /** Whether the calling token is an online (user) token: some mutations take offline tokens only. */
  onlineToken?: boolean;
  /** Orders this request created (the lost-answer fault knob drops the HTTP answer of such requests). */
  createdOrderIds?: string[];
}

/** write_x implies read_x, as Shopify grants it. */
export function hasScope(ctx: ResolverContext, scope: string): boolean {
  if (ctx.scopes.has(scope)) return true;
  return scope.startsWith("read_") && ctx.scopes.has(`write_${scope.slice(5)}`);
}

export function requireScope(ctx: ResolverContext, scope: string, field: string): void {
  if (hasScope(ctx, scope)) return;
  throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: `\`${scope}\` access scope.` },
  });
}

/** For fields any of several scopes opens (e.g. fulfillmentCreate: merchant-managed, assigned or third-party). */
export function requireAnyScope(ctx: ResolverContext, scopes: string[], field: string): void {
  if (scopes.some((scope) => hasScope(ctx, scope))) return;
  const required = scopes.map((s) => `\`${s}\` access scope`);
  const text = required.length > 1 ? `${required.slice(0, -1).join(", ")} or ${required[required.length - 1]}.` : `${required[0]}.`;
  throw new GraphQLError(`Access denied for ${field} field. Required access: ${text}`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: text },
  });
}

export function count(n: number) {
  return { count: n, precision: "EXACT" };
}

export function legacyNumber(id: string): number {
  return Number(id.split("/").pop()!.split("?")[0]);
}
