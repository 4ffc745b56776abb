import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

const schemaPath = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "shopify", "admin-2026-10.introspection.json.gz");
let cached: GraphQLSchema | undefined;

/** The real Shopify Admin GraphQL schema, version 2026-10. */
export function loadAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  const json = JSON.parse(gunzipSync(readFileSync(schemaPath)).toString("utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
  cached = buildClientSchema(json.data ?? json);
  return cached;
}
