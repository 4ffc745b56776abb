import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ProductCsvError, readProductCsv } from "../../../app/integrations/shopify/product-csv-reader";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..", "..");
const data = path.resolve(root, "..", "shared", "data");

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/listing-check.ts", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run listing:check", () => {
  it("prints one JSON line per product and a summary, with the store settings", async () => {
    const { code, stdout } = await cli(path.join(data, "real-store-exports/supplements-pet-beauty.products_export.csv"), "--settings", "tests/fixtures/listing/golden-settings.json");
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toEqual({ summary: { file: expect.stringContaining("supplements-pet-beauty"), region: "US", products: 50, ready: 41, blocked: 9 } });
    const mens = lines.find((l) => l.handle === "mens-vitality-1")!;
    expect(mens.blocking).toEqual(["CLAIM_SEXUAL_ENHANCEMENT"]);
    expect(mens.listing.skus[0].seller_sku).toBe("VOX4MALE");
    expect(mens.messages[0]).toMatchObject({ code: expect.any(String), severity: expect.any(String), field: expect.any(String), message: expect.any(String), fix: expect.any(String) });
    // The same SKU on two products is reported across the catalog.
    expect(lines.find((l) => l.handle === "hydration-powder-lychee-1")!.warnings).toContain("SELLER_SKU_SHARED");
    expect(code).toBe(1);
  }, 60_000);

  it("runs with the defaults when no settings are given (old layout)", async () => {
    const { code, stdout } = await cli(path.join(data, "shopify-product-csvs/apparel.csv"));
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines[0]!.handle).toBe("ocean-blue-shirt");
    expect(lines[0]!.blocking).toEqual(expect.arrayContaining(["CATEGORY_UNMAPPED", "WAREHOUSE_NOT_MAPPED", "WEIGHT_MISSING"]));
    expect(lines[0]!.warnings).toEqual(expect.arrayContaining(["SHIPPING_INFO_UNVERIFIED", "RETURN_INFO_UNVERIFIED"]));
    expect(code).toBe(1);
  }, 60_000);

  it.each([
    [["/no/such/file.csv"], /no such file/],
    [["package.json"], /could not be read as CSV|not a Shopify product CSV/],
    [[], /usage/],
  ])("bad input %j → exit 2 with a clear message", async (args, message) => {
    const { code, stderr, stdout } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  }, 60_000);

  it("a CSV that is not a product export is refused", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "listing-check-"));
    const file = path.join(dir, "customers.csv");
    writeFileSync(file, "First Name,Last Name,Email\nA,B,a@b.c\n");
    const { code, stderr } = await cli(file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a Shopify product CSV export: the columns "Handle", "Title", "Variant Price" are missing/);
  }, 60_000);
});

describe("product CSV reader", () => {
  it("groups rows, keeps image order and alt text, variant images, metafields, Linked To, Status", async () => {
    const csv = [
      "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option1 Linked To,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Policy,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,Material (product.metafields.shopify.material),Length (product.metafields.tiktok.package_length),Variant Image,Variant Weight Unit,Status",
      'mug,Mug,<p>Hi</p>,Acme,Home > Kitchen,Mug,"a, b",true,Color,Red,product.metafields.shopify.color,M-R,300,shopify,deny,10.00,12.00,true,036000291452,https://x/2.jpg,2,Side,false,ceramic; glaze,"{""value"":10,""unit"":""cm""}",https://x/1.jpg,lb,draft',
      "mug,,,,,,,,,Blue,,M-B,0,,continue,11.00,,true,,https://x/1.jpg,1,Front,,,,,lb,",
    ].join("\n");
    const [p] = await readProductCsv(Readable.from([csv]));
    expect(p!.handle).toBe("mug");
    expect(p!.status).toBe("DRAFT");
    expect(p!.tags).toEqual(["a", "b"]);
    expect(p!.category).toEqual({ id: "csv:Home > Kitchen", fullName: "Home > Kitchen" });
    expect(p!.media.nodes.map((m) => [m.image!.url, m.alt, m.image!.width])).toEqual([["https://x/1.jpg", "Front", null], ["https://x/2.jpg", "Side", null]]);
    expect(p!.options).toEqual([{ name: "Color", position: 1, linkedMetafield: { namespace: "shopify", key: "color" }, optionValues: [{ name: "Red" }, { name: "Blue" }] }]);
    expect(p!.metafields.nodes).toContainEqual({ namespace: "shopify", key: "material", type: "list.single_line_text_field", value: '["ceramic","glaze"]' });
    expect(p!.packageLength).toEqual({ type: "dimension", value: '{"value":10,"unit":"cm"}' });
    const [red, blue] = p!.variants.nodes;
    expect(red!.inventoryItem.measurement.weight!.unit).toBe("POUNDS");
    expect(red!.inventoryItem.measurement.weight!.value).toBeCloseTo(300 / 453.59237, 9);
    expect(red!.media.nodes[0]!.image!.url).toBe("https://x/1.jpg");
    expect(red!.inventoryItem.tracked).toBe(true);
    expect(red!.inventoryQuantity).toBeNull();
    expect(blue!.inventoryPolicy).toBe("CONTINUE");
    expect(blue!.inventoryItem.measurement.weight).toBeNull();
    expect(blue!.compareAtPrice).toBeNull();
  });

  it("refuses an empty file", async () => {
    await expect(readProductCsv(Readable.from(["Handle,Title,Variant Price\n"]))).rejects.toBeInstanceOf(ProductCsvError);
  });
});
