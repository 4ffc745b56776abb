// Every GraphQL document the app sends lives in an app/**/*.graphql.ts file; each exported string that
// is a GraphQL document must validate against Shopify's 2026-10 Admin schema and use no deprecated field.
import { readdirSync } from "node:fs";
import path from "node:path";
import { parse, TypeInfo, validate, visit, visitWithTypeInfo, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { bulkQueryProblem } from "../../../sandbox/shopify/bulk-operations";
import { loadAdminSchema } from "../../support/admin-schema";

const appDir = path.resolve(import.meta.dirname, "..", "..", "..", "app");

function graphqlModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlModules(full);
    return entry.name.endsWith(".graphql.ts") ? [full] : [];
  });
}

function deprecatedUses(schema: GraphQLSchema, document: string): string[] {
  const typeInfo = new TypeInfo(schema);
  const found: string[] = [];
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field?.deprecationReason) found.push(`${parent?.name}.${field.name}: ${field.deprecationReason}`);
      },
      Argument() {
        const arg = typeInfo.getArgument();
        if (arg?.deprecationReason) found.push(`argument ${arg.name}: ${arg.deprecationReason}`);
      },
      EnumValue() {
        const value = typeInfo.getEnumValue();
        if (value?.deprecationReason) found.push(`enum ${value.name}: ${value.deprecationReason}`);
      },
    }),
  );
  return found;
}

const isDocument = (value: unknown): value is string =>
  typeof value === "string" && /^\s*(query|mutation|fragment|subscription)\b/.test(value);

describe("GraphQL documents in app/", async () => {
  const schema = loadAdminSchema();
  const files = graphqlModules(appDir);
  const documents: Array<{ name: string; text: string }> = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      if (isDocument(value)) documents.push({ name: `${path.relative(appDir, file)}#${exportName}`, text: value });
    }
  }

  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  // Fragments are validated inside the operations that spread them; a lone fragment document is
  // checked for deprecated fields only (validate() would reject it as an unused fragment).
  it.each(documents.map((d) => [d.name, d.text] as const))("%s validates against Admin 2026-10 with no deprecated field", (_name, text) => {
    const isOperation = /^\s*(query|mutation|subscription)\b/.test(text);
    if (isOperation) expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
    expect(deprecatedUses(schema, text)).toEqual([]);
  });

  // Bulk exports must also keep Shopify's bulk rules (one top-level connection, at most five connections,
  // nested at most two deep, a nested connection's parent selects id) — checked with the sandbox's rules.
  it.each(documents.filter((d) => d.name.endsWith("_BULK_QUERY")).map((d) => [d.name, d.text] as const))("%s keeps Shopify's bulk query rules", (_name, text) => {
    const document = parse(text);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
    expect(bulkQueryProblem(document, operation, schema)).toBeNull();
  });

  it("rejects what Shopify would reject (the check itself can fail)", () => {
    const tooDeep = parse("query { products { edges { node { id variants { edges { node { id media { edges { node { id } } } } } } } } } }");
    expect(bulkQueryProblem(tooDeep, tooDeep.definitions[0] as OperationDefinitionNode, schema)).toMatch(/nesting depth/);
    expect(validate(schema, parse("query { shop { noSuchField } }")).length).toBeGreaterThan(0);
    expect(deprecatedUses(schema, "query { shop { name } }")).toEqual([]);
  });
});
