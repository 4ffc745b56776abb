// Reads a bulk operation's JSONL result line by line and yields one assembled root object (e.g. a
// product with its variants and media) at a time, so memory stays constant whatever the catalog size.
// Shopify writes nested connection nodes as separate lines with `__parentId`, after their parent only
// when the query ran with `groupObjects: true` (the default is false since 2026-01); the connection name
// is not in the line, so the caller says which field each child type belongs in (by the type in its gid,
// e.g. ProductVariant → "variants"). A parent may also be an object nested in a line (a variant's
// inventoryItem), so every object with an id is indexed.

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

/**
 * Splits a byte stream into lines on "\n" only. (node:readline also breaks on U+2028/U+2029, which JSON
 * allows raw inside strings — product descriptions do contain them — so it would cut records in half.)
 */
export async function* jsonLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  for await (const chunk of chunks) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = pending.indexOf("\n")) !== -1) {
      yield pending.slice(0, newline).replace(/\r$/, "");
      pending = pending.slice(newline + 1);
    }
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

/** The object and the objects nested in it (not in its connections) by id. */
function indexIds(node: JsonObject, byId: Map<string, JsonObject>): void {
  if (typeof node.id === "string") byId.set(node.id, node);
  for (const value of Object.values(node)) {
    if (value && typeof value === "object" && !Array.isArray(value) && !("nodes" in value)) indexIds(value as JsonObject, byId);
  }
}

export async function* readBulkJsonl<T>(chunks: AsyncIterable<Uint8Array | string>, childFields: ChildFieldByType): AsyncGenerator<T> {
  const lines = jsonLines(chunks);
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
      indexIds(node, byId);
      continue;
    }
    delete node.__parentId;
    const parent = byId.get(parentId);
    if (!parent) throw new Error(`Bulk operation result line ${lineNumber} belongs to ${parentId}, which did not come just before it (was the bulk query run with groupObjects: true?)`);
    const type = gidType(node.id);
    const field = type ? childFields[type] : undefined;
    if (!field) throw new Error(`Bulk operation result line ${lineNumber}: no field is known for child type ${type ?? "(no id)"}`);
    attach(parent, field, node);
    indexIds(node, byId);
  }
  if (root) yield root as T;
}
