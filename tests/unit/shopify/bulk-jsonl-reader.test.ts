import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readBulkJsonl } from "../../../app/integrations/shopify/bulk-jsonl-reader";

const fields = { ProductVariant: "variants", MediaImage: "media", InventoryLevel: "inventoryLevels" };

async function collect(text: string) {
  const out: unknown[] = [];
  for await (const item of readBulkJsonl(Readable.from([text]), fields)) out.push(item);
  return out;
}

describe("bulk operation JSONL reader", () => {
  it("assembles products with their variants, media and nested levels, one product at a time", async () => {
    const jsonl = [
      { id: "gid://shopify/Product/1", title: "Shirt" },
      { id: "gid://shopify/ProductVariant/11", sku: "S-1", __parentId: "gid://shopify/Product/1" },
      { id: "gid://shopify/InventoryLevel/111?inventory_item_id=5", quantities: [], __parentId: "gid://shopify/ProductVariant/11" },
      { id: "gid://shopify/MediaImage/12", __parentId: "gid://shopify/Product/1" },
      { id: "gid://shopify/Product/2", title: "Mug" },
    ].map((l) => JSON.stringify(l)).join("\n") + "\n";
    const products = (await collect(jsonl)) as Array<Record<string, any>>;
    expect(products).toHaveLength(2);
    expect(products[0]!.variants.nodes[0]).toEqual({ id: "gid://shopify/ProductVariant/11", sku: "S-1", inventoryLevels: { nodes: [{ id: "gid://shopify/InventoryLevel/111?inventory_item_id=5", quantities: [] }] } });
    expect(products[0]!.media.nodes).toHaveLength(1);
    expect(products[1]).toEqual({ id: "gid://shopify/Product/2", title: "Mug" });
  });

  it("attaches a connection nested in an object of a line (a variant's inventoryItem) to that object", async () => {
    const jsonl = [
      { id: "gid://shopify/ProductVariant/11", inventoryItem: { id: "gid://shopify/InventoryItem/5" } },
      { id: "gid://shopify/InventoryLevel/1?inventory_item_id=5", __parentId: "gid://shopify/InventoryItem/5" },
      { id: "gid://shopify/MediaImage/12", __parentId: "gid://shopify/ProductVariant/11" },
    ].map((l) => JSON.stringify(l)).join("\n");
    const [variant] = (await collect(jsonl)) as Array<Record<string, any>>;
    expect(variant!.inventoryItem.inventoryLevels.nodes).toEqual([{ id: "gid://shopify/InventoryLevel/1?inventory_item_id=5" }]);
    expect(variant!.media.nodes).toHaveLength(1);
  });

  it("keeps U+2028 inside a record (JSON allows it raw; readline would split there)", async () => {
    const line = JSON.stringify({ id: "gid://shopify/Product/1", descriptionHtml: "a\u2028b\u2029c" }).replace("\\u2028", "\u2028").replace("\\u2029", "\u2029");
    expect(line).toContain("\u2028");
    expect(await collect(line + "\n")).toEqual([{ id: "gid://shopify/Product/1", descriptionHtml: "a\u2028b\u2029c" }]);
  });

  it("decodes multi-byte characters split across byte chunks", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ id: "gid://shopify/Product/1", title: "Café – ☕" }) + "\n");
    const out = [];
    for await (const p of readBulkJsonl(Readable.from([bytes.slice(0, 40), bytes.slice(40, 41), bytes.slice(41)]), fields)) out.push(p);
    expect(out).toEqual([{ id: "gid://shopify/Product/1", title: "Café – ☕" }]);
  });

  it("handles lines split across chunks", async () => {
    const line = JSON.stringify({ id: "gid://shopify/Product/1", title: "A" });
    const out = [];
    for await (const p of readBulkJsonl(Readable.from([line.slice(0, 10), line.slice(10) + "\n"]), fields)) out.push(p);
    expect(out).toEqual([{ id: "gid://shopify/Product/1", title: "A" }]);
  });

  it("fails clearly on broken input", async () => {
    await expect(collect("{not json}\n")).rejects.toThrow(/line 1 is not valid JSON/);
    await expect(collect(JSON.stringify({ id: "gid://shopify/ProductVariant/1", __parentId: "gid://shopify/Product/9" }) + "\n")).rejects.toThrow(/did not come just before it \(was the bulk query run with groupObjects: true\?\)/);
    await expect(collect([JSON.stringify({ id: "gid://shopify/Product/1" }), JSON.stringify({ id: "gid://shopify/Unknown/2", __parentId: "gid://shopify/Product/1" })].join("\n"))).rejects.toThrow(/no field is known/);
  });
});
