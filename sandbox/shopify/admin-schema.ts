// The real Shopify Admin GraphQL schema (2026-10), loaded once from the introspection dump in ../shared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { repoRoot } from "./repo-paths";

export const ADMIN_API_VERSION = "2026-10";

const defaultSchemaPath = path.resolve(repoRoot, "..", "shared", "shopify", "admin-2026-10.introspection.json.gz");
const cache = new Map<string, GraphQLSchema>();

export function loadAdminSchema(schemaPath: string = defaultSchemaPath): GraphQLSchema {
  const cached = cache.get(schemaPath);
  if (cached) return cached;
  const json = JSON.parse(gunzipSync(readFileSync(schemaPath)).toString("utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
  const schema = buildClientSchema(json.data ?? json);
  cache.set(schemaPath, schema);
  return schema;
}
