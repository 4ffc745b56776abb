// Bulk query operations: the query runs over the whole store (connections unbounded), the result is
// written as JSONL exactly as Shopify writes it — one object per line, nested connections pulled out
// into their own lines with `__parentId`, after their parent only with `groupObjects: true` — and served
// from the sandbox. Status moves CREATED → RUNNING
// → COMPLETED and bulk_operations/finish is announced.
import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { parseAndValidate, runOperation } from "./graphql-executor";
import type { ResolverContext } from "./resolvers/resolver-context";
import type { ShopifyStore, StoredBulkOperation } from "./store";

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: "INVALID" | "LIMIT_REACHED" | "OPERATION_IN_PROGRESS" | null;
}

export interface BulkOperationRunner {
  runQuery(query: string, groupObjects: boolean, scopes: ReadonlySet<string>): { operation: StoredBulkOperation | null; userErrors: BulkUserError[] };
  cancel(id: string): { operation: StoredBulkOperation | null; userErrors: { field: string[] | null; message: string }[] };
}

const MAX_CONNECTIONS = 5;
const MAX_NESTING = 2;

type Json = Record<string, unknown>;

function fieldsOf(type: GraphQLCompositeType) {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/** Field selections of a selection set, fragments flattened, each with the type it is selected on. */
function collectFields(doc: DocumentNode, set: SelectionSetNode, type: GraphQLCompositeType, schema: GraphQLSchema): { node: FieldNode; parent: GraphQLCompositeType }[] {
  const out: { node: FieldNode; parent: GraphQLCompositeType }[] = [];
  for (const s of set.selections) {
    if (s.kind === "Field") out.push({ node: s, parent: type });
    else if (s.kind === "InlineFragment") {
      const t = s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType) : type;
      out.push(...collectFields(doc, s.selectionSet, t, schema));
    } else {
      const fragment = doc.definitions.find((d) => d.kind === "FragmentDefinition" && d.name.value === s.name.value);
      if (fragment && fragment.kind === "FragmentDefinition") {
        out.push(...collectFields(doc, fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType, schema));
      }
    }
  }
  return out;
}

const isConnectionType = (type: GraphQLCompositeType) => type.name.endsWith("Connection");

/** The node selection of a connection field (edges.node or nodes) and the node type. */
function nodeSelection(doc: DocumentNode, field: FieldNode, connectionType: GraphQLCompositeType, schema: GraphQLSchema) {
  const result: { key: string; nodeKey?: string; set: SelectionSetNode; type: GraphQLCompositeType }[] = [];
  for (const { node } of collectFields(doc, field.selectionSet!, connectionType, schema)) {
    const conn = fieldsOf(connectionType);
    if (node.name.value === "nodes" && node.selectionSet && conn.nodes) {
      result.push({ key: node.alias?.value ?? "nodes", set: node.selectionSet, type: getNamedType(conn.nodes.type) as GraphQLCompositeType });
    }
    if (node.name.value === "edges" && node.selectionSet && conn.edges) {
      const edgeType = getNamedType(conn.edges.type) as GraphQLCompositeType;
      for (const { node: inner } of collectFields(doc, node.selectionSet, edgeType, schema)) {
        if (inner.name.value === "node" && inner.selectionSet) {
          result.push({ key: node.alias?.value ?? "edges", nodeKey: inner.alias?.value ?? "node", set: inner.selectionSet, type: getNamedType(fieldsOf(edgeType).node!.type) as GraphQLCompositeType });
        }
      }
    }
  }
  return result;
}

/** Checks Shopify's bulk query rules; returns a message for the first rule broken. */
export function bulkQueryProblem(doc: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema): string | null {
  if (operation.operation !== "query") return "Bulk queries must be queries; use bulkOperationRunMutation for mutations.";
  const root = schema.getQueryType()!;
  const topFields = collectFields(doc, operation.selectionSet, root, schema);
  const topConnections = topFields.filter(({ node, parent }) => {
    const def = fieldsOf(parent)[node.name.value];
    return def && isConnectionType(getNamedType(def.type) as GraphQLCompositeType);
  });
  if (topConnections.length === 0) return "Bulk queries must contain at least one connection.";
  if (topFields.length !== 1) return "Bulk queries must have exactly one top-level field, a connection.";
  let connections = 0;
  let problem: string | null = null;
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, depth: number) => {
    for (const { node, parent } of collectFields(doc, set, type, schema)) {
      const def = fieldsOf(parent)[node.name.value];
      if (!def || !node.selectionSet) continue;
      const named = getNamedType(def.type) as GraphQLCompositeType;
      if (isConnectionType(named)) {
        connections++;
        if (depth >= MAX_NESTING) problem ??= `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_NESTING}.`;
        const hasPageInfo = collectFields(doc, node.selectionSet, named, schema).some((f) => f.node.name.value === "pageInfo");
        if (hasPageInfo) problem ??= "Bulk queries cannot select pageInfo.";
        for (const n of nodeSelection(doc, node, named, schema)) {
          const innerHasConnection = collectFields(doc, n.set, n.type, schema).some((f) => {
            const d = fieldsOf(f.parent)[f.node.name.value];
            return d && isConnectionType(getNamedType(d.type) as GraphQLCompositeType);
          });
          const selectsId = collectFields(doc, n.set, n.type, schema).some((f) => f.node.name.value === "id" && !f.node.alias);
          if (innerHasConnection && !selectsId) problem ??= `The parent 'node' field for a nested connection must select the 'id' field without an alias. Connection field: '${node.name.value}'.`;
          walk(n.set, n.type, depth + 1);
        }
      } else {
        walk(node.selectionSet, named, depth);
      }
    }
  };
  walk(operation.selectionSet, root, 0);
  if (connections > MAX_CONNECTIONS) return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  return problem;
}

/** Flattens the executed data into JSONL objects, Shopify's way. */
export function flattenBulkResult(doc: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema, data: Json): { lines: Json[]; rootCount: number } {
  const lines: Json[] = [];
  let rootCount = 0;
  const transform = (obj: Json, set: SelectionSetNode, type: GraphQLCompositeType, ownerId: string | undefined, children: Json[]): Json => {
    const out: Json = {};
    const id = typeof obj.id === "string" ? obj.id : ownerId;
    const pending: Json[] = [];
    for (const { node, parent } of collectFields(doc, set, type, schema)) {
      const key = node.alias?.value ?? node.name.value;
      if (!(key in obj)) continue;
      const value = obj[key];
      const def = fieldsOf(parent)[node.name.value];
      const named = def ? (getNamedType(def.type) as GraphQLCompositeType) : undefined;
      if (named && node.selectionSet && isConnectionType(named)) {
        for (const sel of nodeSelection(doc, node, named, schema)) {
          const raw = ((value as Json | null)?.[sel.key] as Json[] | undefined) ?? [];
          for (const item of raw) {
            const child = sel.nodeKey ? (item[sel.nodeKey] as Json) : item;
            if (!child) continue;
            const grandChildren: Json[] = [];
            const line = transform(child, sel.set, sel.type, undefined, grandChildren);
            pending.push({ ...line, __parentId: id }, ...grandChildren);
          }
        }
        continue;
      }
      if (named && node.selectionSet && value !== null && typeof value === "object") {
        out[key] = Array.isArray(value)
          ? value.map((v) => (v && typeof v === "object" ? transform(v as Json, node.selectionSet!, named, id, pending) : v))
          : transform(value as Json, node.selectionSet, named, id, pending);
        continue;
      }
      out[key] = value;
    }
    children.push(...pending);
    return out;
  };
  const root = schema.getQueryType()!;
  const [top] = collectFields(doc, operation.selectionSet, root, schema);
  if (!top) return { lines, rootCount };
  const def = fieldsOf(top.parent)[top.node.name.value]!;
  const named = getNamedType(def.type) as GraphQLCompositeType;
  for (const sel of nodeSelection(doc, top.node, named, schema)) {
    const raw = ((data[top.node.alias?.value ?? top.node.name.value] as Json | null)?.[sel.key] as Json[] | undefined) ?? [];
    for (const item of raw) {
      const node = sel.nodeKey ? (item[sel.nodeKey] as Json) : item;
      if (!node) continue;
      const children: Json[] = [];
      lines.push(transform(node, sel.set, sel.type, undefined, children), ...children);
      rootCount++;
    }
  }
  return { lines, rootCount };
}

export interface BulkOperationServiceOptions {
  schema: GraphQLSchema;
  store: ShopifyStore;
  /** A resolver context for running the bulk query (unbounded connections). */
  context: (scopes: ReadonlySet<string>) => ResolverContext;
  /** Delay between status steps, so callers see CREATED/RUNNING like on Shopify. */
  stepDelayMs?: number;
}

export class BulkOperationService implements BulkOperationRunner {
  /** path → JSONL body */
  readonly files = new Map<string, string>();
  /** id → why it failed (sandbox diagnostics) */
  readonly failures = new Map<string, string[]>();

  constructor(private readonly options: BulkOperationServiceOptions) {}

  runQuery(query: string, groupObjects: boolean, scopes: ReadonlySet<string>) {
    const { schema, store } = this.options;
    const running = [...store.bulkOperations.values()].find((op) => op.status === "CREATED" || op.status === "RUNNING" || op.status === "CANCELING");
    if (running) {
      return { operation: null, userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`, code: "OPERATION_IN_PROGRESS" as const }] };
    }
    const parsed = parseAndValidate(schema, query);
    if (!parsed.ok) {
      return { operation: null, userErrors: parsed.errors.map((e) => ({ field: ["query"], message: `Invalid bulk query: ${e.message}`, code: "INVALID" as const })) };
    }
    const problem = bulkQueryProblem(parsed.document, parsed.operation, schema);
    if (problem) return { operation: null, userErrors: [{ field: ["query"], message: problem, code: "INVALID" as const }] };
    const operation: StoredBulkOperation = {
      id: store.nextId("BulkOperation"),
      query,
      groupObjects,
      status: "CREATED",
      errorCode: null,
      createdAt: store.timestamp(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      resultPath: null,
    };
    store.bulkOperations.set(operation.id, operation);
    const delay = this.options.stepDelayMs ?? 50;
    setTimeout(() => {
      if (operation.status !== "CREATED") return;
      operation.status = "RUNNING";
      setTimeout(() => void this.execute(operation, parsed.document, parsed.operation, scopes), delay);
    }, delay);
    return { operation, userErrors: [] };
  }

  private async execute(operation: StoredBulkOperation, document: DocumentNode, op: OperationDefinitionNode, scopes: ReadonlySet<string>) {
    const { schema, store } = this.options;
    if (operation.status !== "RUNNING") return;
    const result = await runOperation(schema, document, op, {}, this.options.context(scopes));
    if ((operation.status as string) === "CANCELING") {
      operation.status = "CANCELED";
      operation.completedAt = store.timestamp();
      store.announce({ kind: "bulk_operation/finish", bulkOperationId: operation.id });
      return;
    }
    if (result.errors?.length) {
      operation.status = "FAILED";
      operation.errorCode = result.errors.some((e) => e.extensions?.code === "ACCESS_DENIED") ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR";
      this.failures.set(operation.id, result.errors.map((e) => e.message));
    } else {
      const flat = flattenBulkResult(document, op, schema, (result.data ?? {}) as Json);
      const rootCount = flat.rootCount;
      // Without groupObjects (the default since 2026-01) Shopify does not keep children after their parents:
      // the sandbox writes every child line after all the roots, last first, so a reader relying on grouping fails.
      const lines = operation.groupObjects ? flat.lines : [...flat.lines.filter((l) => !("__parentId" in l)), ...flat.lines.filter((l) => "__parentId" in l).reverse()];
      const body = lines.map((l) => JSON.stringify(l)).join("\n") + (lines.length ? "\n" : "");
      operation.objectCount = lines.length;
      operation.rootObjectCount = rootCount;
      operation.fileSize = Buffer.byteLength(body);
      if (lines.length) {
        operation.resultPath = `/bulk-results/${operation.id.split("/").pop()}.jsonl`;
        this.files.set(operation.resultPath, body);
      }
      operation.status = "COMPLETED";
    }
    operation.completedAt = store.timestamp();
    store.announce({ kind: "bulk_operation/finish", bulkOperationId: operation.id });
  }

  cancel(id: string) {
    const operation = this.options.store.bulkOperations.get(id);
    if (!operation) return { operation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
    if (operation.status !== "CREATED" && operation.status !== "RUNNING") {
      return { operation, userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}` }] };
    }
    if (operation.status === "CREATED") {
      operation.status = "CANCELED";
      operation.completedAt = this.options.store.timestamp();
      this.options.store.announce({ kind: "bulk_operation/finish", bulkOperationId: operation.id });
    } else {
      operation.status = "CANCELING";
    }
    return { operation, userErrors: [] };
  }
}
