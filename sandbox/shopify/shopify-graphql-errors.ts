// GraphQL errors in Shopify's shape: {message, locations, path, extensions: {code, …}}. Validation
// messages are rewritten to Shopify's wording and codes; the path is the query path to the node.
import { visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";

export interface ShopifyGraphqlError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions: Record<string, unknown>;
}

/** The query path Shopify reports for a validation error: ["query Name", "products", "edges", …]. */
export function astPath(document: DocumentNode, target: ASTNode | undefined): string[] | undefined {
  if (!target) return undefined;
  const stack: string[] = [];
  let found: string[] | undefined;
  visit(document, {
    enter(node) {
      if (found) return false;
      switch (node.kind) {
        case "OperationDefinition": stack.push(node.name ? `${node.operation} ${node.name.value}` : node.operation); break;
        case "FragmentDefinition": stack.push(`fragment ${node.name.value}`); break;
        case "InlineFragment": stack.push(node.typeCondition ? `... on ${node.typeCondition.name.value}` : "..."); break;
        case "Field": stack.push(node.name.value); break;
        case "Argument": stack.push(node.name.value); break;
        case "VariableDefinition": stack.push(`$${node.variable.name.value}`); break;
        default: break;
      }
      if (node === target) found = [...stack];
      return undefined;
    },
    leave(node) {
      if (["OperationDefinition", "FragmentDefinition", "InlineFragment", "Field", "Argument", "VariableDefinition"].includes(node.kind)) stack.pop();
    },
  });
  return found;
}

const REWRITES: { pattern: RegExp; rewrite: (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> } }[] = [
  {
    pattern: /^Cannot query field "(\w+)" on type "(\w+)"\./,
    rewrite: (m) => ({ message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] } }),
  },
  {
    pattern: /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./,
    rewrite: (m) => ({ message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`, extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] } }),
  },
  {
    pattern: /^Field "(\w+)\.(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./,
    rewrite: (m) => ({ message: `Field '${m[2]}' is missing required arguments: ${m[3]}`, extensions: { code: "missingRequiredArguments", className: "Field", name: m[2], arguments: m[3] } }),
  },
  {
    pattern: /^Field "(\w+)" of type "(.+)" must have a selection of subfields\./,
    rewrite: (m) => ({ message: `Field must have selections (field '${m[1]}' returns ${m[2]!.replace(/[[\]!]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`, extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: m[2]!.replace(/[[\]!]/g, "") } }),
  },
  {
    pattern: /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./,
    rewrite: (m) => ({ message: `Selections can't be made on scalars (field '${m[1]}' returns ${m[2]} but has selections [...])`, extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: m[2] } }),
  },
  {
    pattern: /^Unknown type "(\w+)"\./,
    rewrite: (m) => ({ message: `No such type ${m[1]}, so it can't be a fragment condition`, extensions: { code: "undefinedType", typeName: m[1] } }),
  },
  {
    pattern: /^The (field|argument|input field|enum value) (.+) is deprecated\. ?(.*)$/s,
    rewrite: (m) => ({
      message: `The ${m[1]} ${m[2]} is deprecated in API version 2026-10 and the sandbox refuses deprecated usage. ${m[3]}`.trim(),
      extensions: { code: "deprecated", deprecationReason: m[3] },
    }),
  },
];

export function shopifyValidationError(document: DocumentNode, error: GraphQLError): ShopifyGraphqlError {
  const rewrite = REWRITES.map((r) => ({ r, m: r.pattern.exec(error.message) })).find((x) => x.m);
  const shaped = rewrite ? rewrite.r.rewrite(rewrite.m!) : { message: error.message, extensions: { code: "validationFailed" } };
  return {
    message: shaped.message,
    locations: error.locations?.map((l) => ({ line: l.line, column: l.column })),
    path: astPath(document, error.nodes?.[0]),
    extensions: shaped.extensions,
  };
}

export function shopifyExecutionError(error: GraphQLError): ShopifyGraphqlError {
  return {
    message: error.message,
    locations: error.locations?.map((l) => ({ line: l.line, column: l.column })),
    path: error.path ? [...error.path] : undefined,
    extensions: { code: "INTERNAL_SERVER_ERROR", ...error.extensions },
  };
}
