// Reads a bulk operation's JSONL result line by line and yields one assembled root object (e.g. a
// product with its variants and media) at a time, so memory stays constant whatever the catalog size.
// Shopify writes nested connection nodes as separate lines with `__parentId`, after their parent; the
// connection name is not in the line, so the caller says which field each child type belongs in
// (by the type in its gid, e.g. ProductVariant → "variants").
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export type ChildFieldByType = Readonly<Record<string, string>>;
type JsonObject = Record<string, unknown> & { id?: string; __parentId?: string };

function gidType(id: unknown): string | undefined {
  return typeof id === "string" ? /^gid:\/\/shopify\/([^/]+)\//.exec(id)?.[1] : undefined;
}

/** Connections are re-assembled as `{ nodes: [...] }`, the shape a normal query returns. */
function attach(parent: JsonObject, field: string, child: JsonObject): void {
  const connection = (parent[field] ??= { nodes: [] }) as { nodes: JsonObject[] };
  connection.nodes.push(child);
}

export async function* readBulkJsonl<T>(input: Readable | AsyncIterable<string>, childFields: ChildFieldByType): AsyncGenerator<T> {
  const lines = "pipe" in input ? createInterface({ input: input as Readable, crlfDelay: Infinity }) : input;
  let root: JsonObject | undefined;
  let byId = new Map<string, JsonObject>();
  let lineNumber = 0;

  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let node: JsonObject;
    try {
      node = JSON.parse(line) as JsonObject;
    } catch {
      throw new Error(`Bulk operation result line ${lineNumber} is not valid JSON`);
    }
    const parentId = node.__parentId;
    if (parentId === undefined) {
      if (root) yield root as T;
      root = node;
      byId = new Map();
      if (typeof node.id === "string") byId.set(node.id, node);
      continue;
    }
    delete node.__parentId;
    const parent = byId.get(parentId);
    if (!parent) throw new Error(`Bulk operation result line ${lineNumber} belongs to ${parentId}, which did not come just before it`);
    const type = gidType(node.id);
    const field = type ? childFields[type] : undefined;
    if (!field) throw new Error(`Bulk operation result line ${lineNumber}: no field is known for child type ${type ?? "(no id)"}`);
    attach(parent, field, node);
    if (typeof node.id === "string") byId.set(node.id, node);
  }
  if (root) yield root as T;
}
