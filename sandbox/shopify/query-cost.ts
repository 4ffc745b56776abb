// Shopify's calculated query cost, computed from the query like Shopify does: objects 1, scalars and
// enums 0, connections 2 + (first|last) × the cost of one node, each mutation field 10. The actual cost
// uses the sizes of the connections actually returned.
import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export const MUTATION_COST = 10;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown> | null | undefined;

function isConnection(typeName: string): boolean {
  return typeName.endsWith("Connection");
}

function fieldsOf(type: GraphQLCompositeType) {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

function selectionCost(ctx: CostContext, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, data: Data, actual: boolean): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === "InlineFragment") {
      const type = selection.typeCondition ? (ctx.schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parentType;
      if (actual && data && typeof data.__typename === "string" && selection.typeCondition && !typeApplies(ctx.schema, selection.typeCondition.name.value, data.__typename)) continue;
      total += selectionCost(ctx, selection.selectionSet, type ?? parentType, data, actual);
      continue;
    }
    if (selection.kind === "FragmentSpread") {
      const fragment = ctx.fragments.get(selection.name.value);
      if (!fragment) continue;
      const type = ctx.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
      total += selectionCost(ctx, fragment.selectionSet, type ?? parentType, data, actual);
      continue;
    }
    const name = selection.name.value;
    if (name.startsWith("__")) continue;
    const def = fieldsOf(parentType)[name];
    if (!def) continue;
    const namedType = getNamedType(def.type);
    if (isLeafType(namedType) || !selection.selectionSet) continue;
    const childType = namedType as GraphQLCompositeType;
    const value = data ? data[selection.alias?.value ?? name] : undefined;
    if (actual && (value === null || value === undefined)) continue;
    if (isConnection(namedType.name)) {
      total += 2 + connectionCost(ctx, selection.selectionSet, childType, selection, value as Data, actual);
    } else if (Array.isArray(value) && actual) {
      total += 1 + Math.max(0, ...value.map((v) => selectionCost(ctx, selection.selectionSet!, childType, v as Data, actual)));
    } else {
      total += 1 + selectionCost(ctx, selection.selectionSet, childType, Array.isArray(value) ? undefined : (value as Data), actual);
    }
  }
  return total;
}

function typeApplies(schema: GraphQLSchema, condition: string, typename: string): boolean {
  if (condition === typename) return true;
  const conditionType = schema.getType(condition);
  const concrete = schema.getType(typename);
  if (!conditionType || !concrete || !isObjectType(concrete)) return false;
  return isAbstractType(conditionType) && schema.isSubType(conditionType, concrete);
}

/** The selections inside a connection that are per-node: edges.node and nodes. */
function connectionCost(
  ctx: CostContext,
  selectionSet: SelectionSetNode,
  connectionType: GraphQLCompositeType,
  node: FieldNode,
  data: Data,
  actual: boolean,
): number {
  const fields = fieldsOf(connectionType);
  const nodeType = getNamedType(fields.nodes?.type ?? fields.edges?.type) as GraphQLCompositeType | undefined;
  const edgeType = fields.edges ? getNamedType(fields.edges.type) : undefined;
  const edgeNode = edgeType && isObjectType(edgeType) ? edgeType.getFields().node : undefined;
  const edgeNodeType = edgeNode ? (getNamedType(edgeNode.type) as GraphQLCompositeType) : undefined;
  let perNode = 0;
  const perNodeSelections: { set: SelectionSetNode; type: GraphQLCompositeType; pick: (d: Data) => Data[] }[] = [];
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === "InlineFragment") collect(s.selectionSet);
      else if (s.kind === "FragmentSpread") {
        const fragment = ctx.fragments.get(s.name.value);
        if (fragment) collect(fragment.selectionSet);
      } else if (s.name.value === "nodes" && s.selectionSet && nodeType) {
        const key = s.alias?.value ?? "nodes";
        perNodeSelections.push({ set: s.selectionSet, type: nodeType, pick: (d) => ((d?.[key] as Data[] | undefined) ?? []) });
      } else if (s.name.value === "edges" && s.selectionSet && edgeNodeType) {
        const edgesKey = s.alias?.value ?? "edges";
        for (const es of s.selectionSet.selections) {
          if (es.kind === "Field" && es.name.value === "node" && es.selectionSet) {
            const nodeKey = es.alias?.value ?? "node";
            perNodeSelections.push({
              set: es.selectionSet,
              type: edgeNodeType,
              pick: (d) => (((d?.[edgesKey] as Data[] | undefined) ?? []).map((e) => (e?.[nodeKey] as Data) ?? null)),
            });
          }
        }
      }
    }
  };
  collect(selectionSet);
  if (actual) {
    for (const p of perNodeSelections) for (const n of p.pick(data)) perNode += 1 + selectionCost(ctx, p.set, p.type, n, true);
    return perNode;
  }
  const size = pageSize(node, ctx.variables);
  for (const p of perNodeSelections) perNode += 1 + selectionCost(ctx, p.set, p.type, undefined, false);
  return size * perNode;
}

/** first (or last) of a connection field, from a literal or a variable; absent → 0. */
function pageSize(node: FieldNode, variables: Record<string, unknown>): number {
  for (const name of ["first", "last"]) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === "IntValue") return Number(arg.value.value);
    if (arg.value.kind === "Variable") {
      const value = variables[arg.value.name.value];
      if (typeof value === "number") return value;
    }
  }
  return 0;
}

function operationContext(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): CostContext {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === "FragmentDefinition") fragments.set(def.name.value, def);
  return { schema, fragments, variables };
}

/** Variables as the query runs with them: the operation's declared defaults fill what the request left out. */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (merged[name] === undefined && definition.defaultValue?.kind === "IntValue") merged[name] = Number(definition.defaultValue.value);
  }
  return merged;
}

export function requestedQueryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  variables = withDefaults(operation, variables);
  if (operation.operation === "mutation") return MUTATION_COST * operation.selectionSet.selections.length;
  const root = schema.getQueryType()!;
  return selectionCost(operationContext(schema, document, variables), operation.selectionSet, root, undefined, false);
}

export function actualQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
): number {
  if (operation.operation === "mutation") return MUTATION_COST * operation.selectionSet.selections.length;
  const root = schema.getQueryType()!;
  return selectionCost(operationContext(schema, document, variables), operation.selectionSet, root, data ?? {}, true);
}
