// Every title of Shopify's sample catalog gets a leaf category from the simulator's recommendation, as
// TikTok's own category recommendation would suggest one for ordinary products.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { recommendLeaf } from "../../../sandbox/tiktok/catalog-api";
import { categoryChain } from "../../../sandbox/tiktok/catalog-data";

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
  });
});
