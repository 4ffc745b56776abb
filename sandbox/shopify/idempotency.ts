// The @idempotent(key:) directive. The schema says which mutations support it (their description documents
// it) and which require it ("As of version 2026-04, the idempotency key is required"): without the directive
// those fail at run time though the schema does not mark it required. A key seen before with the same
// arguments answers the first result again and changes nothing; with other arguments it is refused with
// IDEMPOTENCY_KEY_PARAMETER_MISMATCH. Keys are kept per shop (one ledger per store) for the sandbox's life —
// Shopify's retention window is not documented in the schema. A first attempt that ended in userErrors is
// replayed like any other result (it changed nothing, and the same input would fail the same way).
import { getDirectiveValues, GraphQLError, visit, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { ShopifyGraphqlError } from "./shopify-graphql-errors";

interface LedgerEntry {
  fingerprint: string;
  result: unknown;
}

/** Idempotency keys already used on one shop. */
export class IdempotencyLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  get(key: string): LedgerEntry | undefined {
    return this.entries.get(key);
  }

  remember(key: string, fingerprint: string, result: unknown): void {
    this.entries.set(key, { fingerprint, result });
  }
}

const policies = new WeakMap<GraphQLSchema, { supported: Set<string>; required: Set<string> }>();

/** Which mutations document @idempotent, and which make it mandatory, read from their descriptions. */
export function idempotencyPolicy(schema: GraphQLSchema): { supported: Set<string>; required: Set<string> } {
  const cached = policies.get(schema);
  if (cached) return cached;
  const supported = new Set<string>();
  const required = new Set<string>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const description = field.description ?? "";
    if (description.includes("@idempotent")) supported.add(field.name);
    if (/idempotency key is required/.test(description)) required.add(field.name);
  }
  const policy = { supported, required };
  policies.set(schema, policy);
  return policy;
}

/** The directive anywhere but on a mutation that documents it is refused before anything runs. */
export function idempotencyDirectiveErrors(schema: GraphQLSchema, operation: OperationDefinitionNode): ShopifyGraphqlError[] {
  const { supported } = idempotencyPolicy(schema);
  const roots = new Set(operation.operation === "mutation" ? operation.selectionSet.selections : []);
  const errors: ShopifyGraphqlError[] = [];
  visit(operation, {
    Field(node) {
      if (!node.directives?.some((d) => d.name.value === "idempotent")) return;
      if (roots.has(node) && supported.has(node.name.value)) return;
      const loc = node.loc?.startToken;
      errors.push({
        message: `The @idempotent directive is not supported on the field '${node.name.value}'. Only mutations that document idempotency support accept it.`,
        locations: loc ? [{ line: loc.line, column: loc.column }] : undefined,
        extensions: { code: "BAD_REQUEST" },
      });
    },
  });
  return errors;
}

function readKey(info: GraphQLResolveInfo): string | undefined {
  const directive = info.schema.getDirective("idempotent");
  const values = directive ? getDirectiveValues(directive, info.fieldNodes[0]!, info.variableValues) : undefined;
  return values?.key as string | undefined;
}

/** Runs a mutation under its idempotency key: the first result is kept and answered again for the same key. */
export function runIdempotent<T, M>(ledger: IdempotencyLedger, info: GraphQLResolveInfo, args: unknown, run: () => T, mismatch: () => M): T | M {
  const key = readKey(info);
  if (key === undefined) {
    if (!idempotencyPolicy(info.schema).required.has(info.fieldName)) return run();
    // Wording as Shopify answers it (seen on a live store, 2026-05).
    throw new GraphQLError("The @idempotent directive is required for this mutation but was not provided.", { extensions: { code: "BAD_REQUEST" } });
  }
  if (key.trim() === "") throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", { extensions: { code: "BAD_REQUEST" } });
  const fingerprint = `${info.fieldName}:${stableJson(args)}`;
  const seen = ledger.get(key);
  if (seen) return seen.fingerprint === fingerprint ? (seen.result as T) : mismatch();
  const result = run();
  ledger.remember(key, fingerprint, result);
  return result;
}

export const IDEMPOTENCY_MISMATCH_MESSAGE = "The same idempotency key cannot be used with different operation parameters.";

function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}
