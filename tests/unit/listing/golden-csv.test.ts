import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readProductCsvFile } from "../../../app/integrations/shopify/product-csv-reader";
import { parseListingCheckSettings } from "../../../app/modules/listing/listing-check-settings";
import { mapProductToListing } from "../../../app/modules/listing/product-to-listing";
import { expectedCodes, GOLDEN_FILES } from "../../fixtures/listing/golden-expectations";

const dataDir = path.resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "data");
const settings = parseListingCheckSettings(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "..", "fixtures", "listing", "golden-settings.json"), "utf8")));

describe.each(GOLDEN_FILES)("golden: $file", (file) => {
  it("reads every product of the file, in order", async () => {
    const products = await readProductCsvFile(path.join(dataDir, file.file));
    expect(products.map((p) => p.handle)).toEqual(file.products.map((p) => p.handle));
    expect(products.map((p) => p.variants.nodes.length)).toEqual(file.products.map((p) => p.tracking.length));
  });

  it("maps every product to exactly the expected findings", async () => {
    const products = await readProductCsvFile(path.join(dataDir, file.file));
    for (const [i, product] of products.entries()) {
      const expected = expectedCodes(file, file.products[i]!);
      const mapping = mapProductToListing(product, { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory });
      const actual = {
        blocking: mapping.findings.filter((f) => f.severity === "blocking").map((f) => f.code).sort(),
        warnings: mapping.findings.filter((f) => f.severity === "warning").map((f) => f.code).sort(),
      };
      expect({ handle: product.handle, ...actual }).toEqual({ handle: product.handle, ...expected });
      expect(mapping.blocking).toBe(expected.blocking.length > 0);
    }
  });
});

describe("golden: listing bodies from the real store export", () => {
  it("dog-paw-balm: five SKUs with their seller SKUs, options as sales attributes, weight in pounds, default dimensions in inches, animal type attribute", async () => {
    const products = await readProductCsvFile(path.join(dataDir, "real-store-exports/supplements-pet-beauty.products_export.csv"));
    const balm = products.find((p) => p.handle === "dog-paw-balm")!;
    const { body } = mapProductToListing(balm, { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory });
    expect(body.skus.map((s) => s.seller_sku)).toEqual(["FMN0DOBA-1", "FMN0DOBA-2", "FMN0DOBA-3", "FMN0DOBA-4", "FMN0DOBA-5"]);
    expect(body.skus[1]!.sales_attributes).toEqual([{ name: "Constitutive ingredients", value_name: "shea-butter" }]);
    expect(body.skus[0]!.price).toEqual({ amount: "17.00", currency: "USD" });
    expect(body.skus[0]!.inventory).toEqual([{ warehouse_id: "7068517275539719942", quantity: 50 }]);
    // 90.718474 g = 0.2 lb exactly.
    expect(body.package_weight).toEqual({ value: "0.20", unit: "POUND" });
    // Pet defaults 15×10×5 cm → inches, rounded up: 6×4×2.
    expect(body.package_dimensions).toEqual({ length: "6", width: "4", height: "2", unit: "INCH" });
    expect(body.product_attributes).toEqual([{ id: "100100", values: [{ name: "dogs" }] }]);
    expect(body.category_id).toBe("900001");
    expect(body.main_images).toHaveLength(3);
    expect(body.main_images[0]!.uri).toMatch(/^pending-upload:https:\/\/cdn\.shopify\.com\/.*generated-label-image-0\.jpg/);
  });

  it("sleep-strips: the description keeps its structure, drops styles, and points its badge images at upload placeholders", async () => {
    const products = await readProductCsvFile(path.join(dataDir, "real-store-exports/supplements-pet-beauty.products_export.csv"));
    const strips = products.find((p) => p.handle === "sleep-strips")!;
    const { body, images } = mapProductToListing(strips, { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory });
    expect(body.description).not.toMatch(/style=|<span/);
    expect(body.description).toMatch(/^<p><strong>\*\*\* Please note/);
    expect(body.description).toContain('<img src="pending-upload:https://supliful.s3.amazonaws.com/categories/images/20221206094907-gluten-free-2x.png" />');
    expect(body.description).toContain("not intended to diagnose, treat, cure or prevent any disease");
    expect(body.main_images).toHaveLength(9);
    expect(images.filter((i) => i.useCase === "DESCRIPTION_IMAGE").length).toBeGreaterThan(0);
  });
});
