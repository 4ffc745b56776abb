// Every title of Shopify's sample catalog gets a leaf category from the simulator's recommendation, as
// TikTok's own category recommendation would suggest one for ordinary products.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recommendLeaf } from "../../../sandbox/tiktok/catalog-api";
import { ATTRIBUTES_BY_ID, CATEGORIES, CATEGORIES_BY_ID, categoryChain } from "../../../sandbox/tiktok/catalog-data";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { makeCaller, startSignedSession } from "./signed-client";

const csvDir = path.resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "data", "shopify-product-csvs");
const titles = ["apparel.csv", "home-and-garden.csv", "jewelery.csv"].flatMap((file) =>
  (parse(readFileSync(path.join(csvDir, file), "utf8"), { columns: true }) as Array<{ Title: string }>).map((r) => r.Title).filter(Boolean),
);

describe("category recommendation for the sample catalog", () => {
  it("reads all 60 titles", () => expect(titles).toHaveLength(60));

  it.each(titles)("%s → a leaf category", (title) => {
    const leaf = recommendLeaf("v2", title);
    expect(leaf?.is_leaf).toBe(true);
    expect(categoryChain(leaf!.id).length).toBeGreaterThan(1);
  });

  it("prefers the specific category over a broad keyword", () => {
    expect(recommendLeaf("v2", "Clay Plant Pot")?.local_name).toBe("Plant Pots & Planters");
    expect(recommendLeaf("v2", "LED High Tops")?.local_name).toBe("Shoes & Sneakers");
    expect(recommendLeaf("v2", "Ceramic Coffee Mug")?.local_name).toBe("Mugs");
    expect(recommendLeaf("v2", "Wooden Outdoor Table")?.local_name).toBe("Outdoor Furniture");
    expect(recommendLeaf("v2", "String fairy lights")?.local_name).toBe("String & Fairy Lights");
    expect(recommendLeaf("v2", "Cast iron pot")?.local_name).toBe("Cookware Sets");
  });

  it("matches whole words (plurals allowed), the head noun at the end of the title wins, then the description", () => {
    expect(recommendLeaf("v2", "Stainless steel tumbler")?.local_name).toBe("Mugs"); // not "tee" inside "steel"
    expect(recommendLeaf("v2", "Gold hoop earrings")?.local_name).toBe("Earrings"); // not "ring"
    expect(recommendLeaf("v2", "Silver stacking rings")?.local_name).toBe("Rings");
    expect(recommendLeaf("v2", "Black Beanbag")?.local_name).toBe("Sofas & Armchairs"); // not "bag"
    expect(recommendLeaf("v2", "Knitted Throw Pillows")?.local_name).toBe("Cushions & Throw Pillows");
    expect(recommendLeaf("v2", "Light blue shirt")?.local_name).toBe("Tops & Blouses");
    expect(recommendLeaf("v2", "Gift set", "<p>A hand-thrown ceramic <b>vase</b>.</p>")?.local_name).toBe("Vases");
    expect(recommendLeaf("v2", "Chef knife")).toBeUndefined(); // prohibited leaves are never recommended
  });

  it("the v2 tree is consistent: unique ids, existing non-leaf parents, Color and Size on every leaf, few required product attributes", () => {
    expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
    const v2 = CATEGORIES.filter((c) => c.version === "v2");
    for (const c of v2) {
      expect(c.id).toMatch(/^[67]\d{5}$/);
      if (c.parent_id !== "0") expect(CATEGORIES_BY_ID.get(c.parent_id), `${c.local_name} → ${c.parent_id}`).toMatchObject({ is_leaf: false, version: "v2" });
    }
    const leaves = v2.filter((c) => c.is_leaf);
    expect(leaves.length).toBeGreaterThanOrEqual(80);
    for (const leaf of leaves) {
      expect(leaf.attributeIds, leaf.local_name).toEqual(expect.arrayContaining(["100000", "100007"]));
      expect(leaf.packageDimensionRequired).toBe(true);
    }
    const requiringAttributes = leaves.filter((c) => c.attributeIds.some((id) => ATTRIBUTES_BY_ID.get(id)!.is_requried));
    expect(requiringAttributes.length).toBeLessThan(leaves.length / 5);
  });
});

describe("GIVEN the US shop WHEN each sample product title is sent to POST /product/202309/categories/recommend THEN an available leaf comes back", () => {
  const APP_KEY = "recommendkey";
  const SECRET = "recommendsecret";
  let sandbox: TikTokSandbox;
  let call: ReturnType<typeof makeCaller>;
  let token: string;
  let cipher: string;

  beforeAll(async () => {
    ({ sandbox, call, token, cipher } = await startSignedSession(APP_KEY, SECRET, { rateLimitQps: 1000 }));
  });
  afterAll(() => sandbox.close());

  it.each(titles)("%s → leaf_category_id (AVAILABLE, Color/Size sales attributes, no required product attribute)", async (title) => {
    const rec = await call("/product/202309/categories/recommend", { token, cipher, body: { product_title: title, category_version: "v2" } });
    expect(rec.code, rec.message).toBe(0);
    const leafId = rec.data.leaf_category_id as string;
    expect(leafId).not.toBe("");
    const chain = rec.data.categories as Array<{ id: string; is_leaf: boolean; permission_statuses: string[]; level: number }>;
    expect(chain.length).toBeGreaterThan(1);
    expect(chain.at(-1)).toMatchObject({ id: leafId, is_leaf: true, permission_statuses: ["AVAILABLE"] });

    const attrs = await call(`/product/202309/categories/${leafId}/attributes`, { token, cipher, query: { category_version: "v2" } });
    expect(attrs.code, attrs.message).toBe(0);
    const list = attrs.data.attributes as Array<{ name: string; type: string; is_requried: boolean }>;
    expect(list.filter((a) => a.type === "SALES_PROPERTY").map((a) => a.name)).toEqual(expect.arrayContaining(["Color", "Size"]));
    expect(list.filter((a) => a.type === "PRODUCT_PROPERTY" && a.is_requried)).toEqual([]);
  });

  it("the recommended leaves are listed by Get Categories as available leaves of the v2 tree", async () => {
    const res = await call("/product/202309/categories", { token, cipher, query: { category_version: "v2" } });
    expect(res.code, res.message).toBe(0);
    const byId = new Map((res.data.categories as Array<{ id: string; is_leaf: boolean; permission_statuses: string[] }>).map((c) => [c.id, c]));
    for (const title of titles) {
      const leaf = recommendLeaf("v2", title)!;
      expect(byId.get(leaf.id), title).toMatchObject({ is_leaf: true, permission_statuses: ["AVAILABLE"] });
    }
  });
});
