// Executes Admin GraphQL requests against the real 2026-10 schema: parse, validate (deprecated usage
// refused), price (MAX_COST_EXCEEDED / THROTTLED from a leaky bucket), execute with resolvers that
// refuse any field the sandbox does not model — never an invented null.
import {
  execute,
  GraphQLError,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { z } from "zod";
import { idempotencyDirectiveErrors } from "./idempotency";
import { actualQueryCost, requestedQueryCost } from "./query-cost";
import { mutationRoot } from "./resolvers/mutation-root";
import { queryRoot } from "./resolvers/query-root";
import type { ResolverContext } from "./resolvers/resolver-context";
import { shopifyExecutionError, shopifyValidationError, type ShopifyGraphqlError } from "./shopify-graphql-errors";
import type { ThrottleBucket } from "./throttle-bucket";

export const SINGLE_QUERY_MAX_COST = 1000;

const GraphqlBody = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

export interface GraphqlHttpResult {
  status: number;
  body: unknown;
}

/** A field the stored object does not carry is a field the sandbox does not implement: say so. */
export const strictFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source === null || typeof source !== "object" || !(info.fieldName in source)) {
    throw new GraphQLError(`Field '${info.fieldName}' on type '${info.parentType.name}' is not supported by the sandbox`, {
      extensions: { code: "NOT_SUPPORTED_BY_SANDBOX", typeName: info.parentType.name, fieldName: info.fieldName },
    });
  }
  const value = (source as Record<string, unknown>)[info.fieldName];
  return typeof value === "function" ? (value as (...a: unknown[]) => unknown).call(source, args, context, info) : value;
};

export const VALIDATION_RULES = [...specifiedRules, NoDeprecatedCustomRule];

export type ParsedQuery =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode }
  | { ok: false; errors: ShopifyGraphqlError[] };

export function parseAndValidate(schema: GraphQLSchema, query: string, operationName?: string | null): ParsedQuery {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    const e = error as GraphQLError;
    return { ok: false, errors: [{ message: e.message.replace(/^Syntax Error: /, "syntax error: "), locations: e.locations?.map((l) => ({ ...l })), extensions: { code: "parseError" } }] };
  }
  const validationErrors = validate(schema, document, VALIDATION_RULES);
  if (validationErrors.length) return { ok: false, errors: validationErrors.map((e) => shopifyValidationError(document, e)) };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    const message = operationName ? `Operation name "${operationName}" not found in document` : "An operation name is required when the document has several operations";
    return { ok: false, errors: [{ message, extensions: { code: "operationNotFound" } }] };
  }
  if (operation.operation === "subscription") return { ok: false, errors: [{ message: "Subscriptions are not supported", extensions: { code: "BAD_REQUEST" } }] };
  const directiveErrors = idempotencyDirectiveErrors(schema, operation);
  if (directiveErrors.length) return { ok: false, errors: directiveErrors };
  return { ok: true, document, operation };
}

/** Runs a validated operation with the sandbox's resolvers. */
export async function runOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, ctx: ResolverContext) {
  const rootValue = operation.operation === "mutation" ? mutationRoot(ctx) : queryRoot(ctx);
  return execute({
    schema,
    document,
    rootValue,
    contextValue: ctx,
    variableValues: variables,
    operationName: operation.name?.value,
    fieldResolver: strictFieldResolver,
  });
}

export async function executeAdminGraphql(schema: GraphQLSchema, rawBody: unknown, ctx: ResolverContext, bucket: ThrottleBucket): Promise<GraphqlHttpResult> {
  const body = GraphqlBody.safeParse(rawBody);
  if (!body.success) return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  const { query, operationName } = body.data;
  const variables = body.data.variables ?? {};

  const parsed = parseAndValidate(schema, query, operationName);
  if (!parsed.ok) return { status: 200, body: { errors: parsed.errors } };
  const { document, operation } = parsed;

  const requested = requestedQueryCost(schema, document, operation, variables);
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [{
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
        }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
      },
    };
  }
  if (!bucket.tryConsume(requested)) {
    return {
      status: 200,
      body: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
      },
    };
  }

  const result = await runOperation(schema, document, operation, variables, ctx);
  const actual = result.data ? actualQueryCost(schema, document, operation, variables, result.data as Record<string, unknown>) : requested;
  bucket.refund(Math.max(0, requested - actual));
  const extensions: Record<string, unknown> = {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  };
  if (ctx.searchWarnings.length) extensions.search = ctx.searchWarnings;
  const response: Record<string, unknown> = {};
  if (result.errors?.length) response.errors = result.errors.map(shopifyExecutionError);
  response.data = result.data ?? null;
  response.extensions = extensions;
  return { status: 200, body: response };
}
