// Seeds the store from Shopify product-export CSVs (one row per variant or extra image, grouped by Handle),
// the way Shopify's product importer reads them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { createProduct, type NewProductInput } from "./product-factory";
import type { ShopifyStore, StoredCollection, WeightUnit } from "./store";

const CsvRow = z.object({
  Handle: z.string(),
  Title: z.string().default(""),
  "Body (HTML)": z.string().default(""),
  Vendor: z.string().default(""),
  Type: z.string().default(""),
  Tags: z.string().default(""),
  Published: z.string().default(""),
  "Option1 Name": z.string().default(""),
  "Option1 Value": z.string().default(""),
  "Option2 Name": z.string().default(""),
  "Option2 Value": z.string().default(""),
  "Option3 Name": z.string().default(""),
  "Option3 Value": z.string().default(""),
  "Variant SKU": z.string().default(""),
  "Variant Grams": z.string().default(""),
  "Variant Inventory Tracker": z.string().default(""),
  "Variant Inventory Qty": z.string().default(""),
  "Variant Inventory Policy": z.string().default(""),
  "Variant Price": z.string().default(""),
  "Variant Compare At Price": z.string().default(""),
  "Variant Barcode": z.string().default(""),
  "Image Src": z.string().default(""),
  "Image Position": z.string().default(""),
  "Image Alt Text": z.string().default(""),
  "Variant Image": z.string().default(""),
  "Variant Weight Unit": z.string().default(""),
});
type CsvRow = z.infer<typeof CsvRow>;

const OPTION_VALUE_COLUMNS = ["Option1 Value", "Option2 Value", "Option3 Value"] as const;

const WEIGHT_UNITS: Record<string, { unit: WeightUnit; gramsPerUnit: number }> = {
  kg: { unit: "KILOGRAMS", gramsPerUnit: 1000 },
  g: { unit: "GRAMS", gramsPerUnit: 1 },
  lb: { unit: "POUNDS", gramsPerUnit: 453.59237 },
  oz: { unit: "OUNCES", gramsPerUnit: 28.349523125 },
};

/** "…/photo_925x.jpg" → 925×925 (Shopify's size suffix); no suffix → 1024 square. */
export function imageSizeFromUrl(url: string): { width: number; height: number } {
  const match = /_(\d+)x(\d+)?\.[a-z]+$/i.exec(url);
  const width = match ? Number(match[1]) : 1024;
  const height = match?.[2] ? Number(match[2]) : width;
  return { width, height };
}

export function productsFromCsv(text: string): NewProductInput[] {
  const rows = (parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as unknown[]).map((r) => CsvRow.parse(r));
  const byHandle = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const list = byHandle.get(row.Handle) ?? [];
    list.push(row);
    byHandle.set(row.Handle, list);
  }
  return [...byHandle.entries()].map(([handle, group]) => productFromRows(handle, group));
}

function productFromRows(handle: string, rows: CsvRow[]): NewProductInput {
  const first = rows[0]!;
  const optionNames = [first["Option1 Name"], first["Option2 Name"], first["Option3 Name"]].filter((n) => n !== "");
  const variantRows = rows.filter((r) => r["Option1 Value"] !== "" || r["Variant Price"] !== "");
  const imageRows = rows
    .filter((r) => r["Image Src"] !== "")
    .sort((a, b) => Number(a["Image Position"] || 0) - Number(b["Image Position"] || 0));
  const imageSrcs = [...new Set(imageRows.map((r) => r["Image Src"]))];
  const images = imageSrcs.map((src) => ({
    alt: imageRows.find((r) => r["Image Src"] === src)?.["Image Alt Text"] || null,
    ...imageSizeFromUrl(src),
  }));
  const optionValue = (row: CsvRow, i: number) => row[OPTION_VALUE_COLUMNS[i]!];

  return {
    handle,
    title: first.Title,
    descriptionHtml: first["Body (HTML)"].trim(),
    vendor: first.Vendor,
    productType: first.Type,
    tags: first.Tags.split(",").map((t) => t.trim()).filter((t) => t !== ""),
    status: first.Published === "true" ? "ACTIVE" : "DRAFT",
    options: (optionNames.length ? optionNames : ["Title"]).map((name, i) => ({
      name,
      values: [...new Set(variantRows.map((r) => String(optionValue(r, i) || "Default Title")))],
    })),
    variants: variantRows.map((row) => {
      const unitKey = row["Variant Weight Unit"] || "kg";
      const unit = WEIGHT_UNITS[unitKey] ?? WEIGHT_UNITS.kg!;
      const grams = Number(row["Variant Grams"] || 0);
      const imageIndex = row["Variant Image"] ? imageSrcs.indexOf(row["Variant Image"]) : -1;
      return {
        optionValues: (optionNames.length ? optionNames : ["Title"]).map((_, i) => String(optionValue(row, i) || "Default Title")),
        sku: row["Variant SKU"] || null,
        price: normalizeMoney(row["Variant Price"] || "0"),
        compareAtPrice: row["Variant Compare At Price"] ? normalizeMoney(row["Variant Compare At Price"]) : null,
        barcode: row["Variant Barcode"] || null,
        weight: { unit: unit.unit, value: Math.round((grams / unit.gramsPerUnit) * 1000) / 1000 },
        inventoryPolicy: row["Variant Inventory Policy"] === "continue" ? "CONTINUE" : "DENY",
        tracked: row["Variant Inventory Tracker"] === "shopify",
        quantity: Number(row["Variant Inventory Qty"] || 0),
        imageIndex: imageIndex >= 0 ? imageIndex : null,
      };
    }),
    images,
  };
}

/** Shopify keeps money as decimal strings with two places: "60" → "60.00". */
export function normalizeMoney(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`Not a price: ${value}`);
  return n.toFixed(2);
}

function titleCase(slug: string): string {
  return slug.split(/[-_ ]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

/** Seeds every CSV of the directory; one collection per file and one per product type. */
export function seedFromCsvDir(store: ShopifyStore, dir: string, now: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
  const byType = new Map<string, string[]>();
  for (const file of files) {
    const products = productsFromCsv(readFileSync(path.join(dir, file), "utf8"));
    const ids: string[] = [];
    for (const input of products) {
      const product = createProduct(store, input, now, false);
      ids.push(product.id);
      if (product.productType) byType.set(product.productType, [...(byType.get(product.productType) ?? []), product.id]);
    }
    const handle = path.basename(file, ".csv");
    addCollection(store, handle, titleCase(handle), ids, now);
  }
  for (const [type, ids] of byType) addCollection(store, `type-${type.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, type, ids, now);
}

function addCollection(store: ShopifyStore, handle: string, title: string, productIds: string[], now: string): StoredCollection {
  const collection: StoredCollection = {
    id: store.nextId("Collection"),
    handle,
    title,
    descriptionHtml: `<p>${title}</p>`,
    productIds,
    updatedAt: now,
  };
  store.collections.set(collection.id, collection);
  return collection;
}
