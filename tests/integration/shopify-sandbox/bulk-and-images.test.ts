import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { graphql, startTestSandbox } from "./sandbox-harness";

describe("Shopify sandbox bulk operations and product images", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  let receiver: Server;
  const topics: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      topics.push(String(req.headers["x-shopify-topic"]));
      req.resume();
      req.on("end", () => res.writeHead(200).end());
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    sandbox = await startTestSandbox({ appUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
    token = sandbox.issueAccessToken();
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const waitForBulk = async (id: string) => {
    for (let i = 0; i < 100; i++) {
      const { body } = await graphql(sandbox, token, `query($id: ID!) { bulkOperation(id: $id) { id status objectCount rootObjectCount url errorCode } }`, { id });
      if (["COMPLETED", "FAILED", "CANCELED"].includes(body.data.bulkOperation.status)) return body.data.bulkOperation;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("bulk operation did not finish");
  };

  it("runs a bulk query and writes Shopify's JSONL: one object per line, nested connections flattened with __parentId", async () => {
    const query = `{ products { edges { node { id title featuredMedia { id } variants { edges { node { id price inventoryItem { id measurement { weight { value } } } } } } } } } }`;
    const { body } = await graphql(sandbox, token, `mutation($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: true) { bulkOperation { id status } userErrors { field message code } } }`, { q: query });
    expect(body.data.bulkOperationRunQuery.userErrors).toEqual([]);
    expect(body.data.bulkOperationRunQuery.bulkOperation.status).toBe("CREATED");
    const op = await waitForBulk(body.data.bulkOperationRunQuery.bulkOperation.id);
    expect(op.status).toBe("COMPLETED");
    expect(op.rootObjectCount).toBe(String(sandbox.store.products.size));
    expect(op.objectCount).toBe(String(sandbox.store.products.size + sandbox.store.variants.size));

    const text = await (await fetch(op.url)).text();
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines).toHaveLength(Number(op.objectCount));
    const products = lines.filter((l) => l.id.startsWith("gid://shopify/Product/"));
    const variants = lines.filter((l) => l.id.startsWith("gid://shopify/ProductVariant/"));
    expect(products[0]).not.toHaveProperty("variants");
    expect(products[0]).not.toHaveProperty("__parentId");
    expect(Object.keys(products[0]!).sort()).toEqual(["featuredMedia", "id", "title"]);
    expect(variants.every((v) => sandbox.store.variants.get(v.id)!.productId === v.__parentId)).toBe(true);
    expect(variants[0]!.inventoryItem.measurement.weight).toHaveProperty("value");
    // Grouped: each child line comes after its parent.
    const position = new Map(lines.map((l, i) => [l.id, i]));
    expect(variants.every((v) => position.get(v.__parentId)! < position.get(v.id)!)).toBe(true);

    // Not grouped (the default since 2026-01): the same lines, but no child follows its parent.
    const ungrouped = await graphql(sandbox, token, `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }`, { q: query });
    const second = await waitForBulk(ungrouped.body.data.bulkOperationRunQuery.bulkOperation.id);
    const loose = (await (await fetch(second.url)).text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(loose.map((l) => l.id).sort()).toEqual(lines.map((l) => l.id).sort());
    const loosePosition = new Map(loose.map((l, i) => [l.id, i]));
    const rootBetween = (child: Record<string, any>) => loose.slice(loosePosition.get(child.__parentId)! + 1, loosePosition.get(child.id)).some((l) => !l.__parentId);
    expect(loose.filter((l) => l.__parentId).some(rootBetween)).toBe(true); // never so when grouped

    await new Promise((r) => setTimeout(r, 100));
    expect(topics).toContain("bulk_operations/finish");
  });

  it("refuses bulk queries Shopify refuses", async () => {
    const run = async (q: string) =>
      (await graphql(sandbox, token, `mutation($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) { bulkOperation { id } userErrors { message code } } }`, { q })).body.data.bulkOperationRunQuery;
    expect((await run(`{ shop { name } }`)).userErrors[0].code).toBe("INVALID");
    expect((await run(`{ products { edges { node { title variants { edges { node { id } } } } } } }`)).userErrors[0].message).toContain("must select the 'id' field");
    expect((await run(`{ products { nodes { notAField } } }`)).userErrors[0].code).toBe("INVALID");
  });

  it("serves real PNGs at media.image.url with the pixel size the store reports", async () => {
    const { body } = await graphql(sandbox, token, `{ products(first: 3) { nodes { handle media(first: 2) { nodes { ... on MediaImage { image { url width height } } } } } } }`);
    const images = body.data.products.nodes.flatMap((p: { media: { nodes: { image: { url: string; width: number; height: number } }[] } }) => p.media.nodes.map((m) => m.image));
    expect(images.length).toBeGreaterThan(0);
    const digests = new Set<string>();
    for (const image of images) {
      expect(image.url.startsWith(sandbox.url)).toBe(true);
      const response = await fetch(image.url);
      expect(response.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await response.arrayBuffer());
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([image.width, image.height]);
      expect(image.width).toBe(925); // the CSV URLs say _925x
      expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
      digests.add(bytes.toString("base64").slice(-200));
    }
    expect(digests.size).toBe(images.length); // visibly different per product/image
  });

  it("generates a large catalog fast and keeps queries fast", async () => {
    const started = Date.now();
    const response = await fetch(`${sandbox.url}/sandbox/generate-products`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ count: 2000, variantsPerProduct: 3 }) });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ created: 2000 });
    const { body } = await graphql(sandbox, token, `{ productsCount { count } products(first: 50, query: "tag:generated sku:GEN-001500-2") { nodes { handle variants(first: 3) { nodes { sku } } } } }`);
    expect(body.data.productsCount.count).toBeGreaterThanOrEqual(2000);
    expect(body.data.products.nodes.map((p: { handle: string }) => p.handle)).toEqual(["generated-001500"]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
