// Shopify product CSV export → ShopifyProduct[] (the shape of ProductForListing). Reads both layouts: the
// older one (Variant Inventory Qty, no Status) and the current one (Product Category, option "Linked To",
// metafield columns "Name (product.metafields.ns.key)", Status). Rows are grouped by Handle. A CSV has no
// image sizes and no stock per location: those stay null/empty, never invented.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { ShopifyMediaNode, ShopifyMetafield, ShopifyProduct, ShopifyProductStatus, ShopifyVariant, ShopifyWeightUnit } from "../../modules/listing/shopify-product";

export class ProductCsvError extends Error {
  readonly code = "NOT_A_PRODUCT_CSV";
}

type Row = Record<string, string>;

const REQUIRED_COLUMNS = ["Handle", "Title", "Variant Price"];
const METAFIELD_COLUMN = /\(product\.metafields\.([^.\s]+)\.([^)\s]+)\)\s*$/;
const UNIT: Record<string, ShopifyWeightUnit> = { g: "GRAMS", kg: "KILOGRAMS", oz: "OUNCES", lb: "POUNDS" };

const cell = (row: Row, name: string) => (row[name] ?? "").trim();

function csvStatus(row: Row): ShopifyProductStatus {
  const status = cell(row, "Status").toLowerCase();
  if (status === "draft") return "DRAFT";
  if (status === "archived") return "ARCHIVED";
  if (status === "unlisted") return "UNLISTED";
  if (status === "active") return "ACTIVE";
  // Older layout: no Status column; "Published" false means not on the online store, still an active product.
  return "ACTIVE";
}

function mediaNode(id: string, url: string, alt: string | null): ShopifyMediaNode {
  return { __typename: "MediaImage", id, alt, image: { url, width: null, height: null, altText: alt } };
}

function gramsToWeight(grams: string, unitCell: string): ShopifyVariant["inventoryItem"]["measurement"]["weight"] {
  const value = Number(grams);
  if (!(value > 0)) return null;
  // "Variant Grams" is always grams; the unit column is only the merchant's display preference.
  const unit = UNIT[unitCell.toLowerCase()] ?? "GRAMS";
  const factor = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 }[unit];
  return { unit, value: Number((value / factor).toPrecision(12)) };
}

function metafieldFromCsv(namespace: string, key: string, value: string): ShopifyMetafield {
  // The export writes list metafields as "a; b; c"; the API returns them as a JSON list.
  if (value.includes(";")) return { namespace, key, type: "list.single_line_text_field", value: JSON.stringify(value.split(";").map((v) => v.trim()).filter(Boolean)) };
  if (/^\{.*"unit".*\}$/.test(value)) return { namespace, key, type: "dimension", value };
  return { namespace, key, type: "single_line_text_field", value };
}

function buildProduct(handle: string, rows: Row[], index: number): ShopifyProduct {
  const first = rows[0]!;
  const productId = `gid://shopify/Product/csv-${index + 1}`;
  const optionNames = [1, 2, 3].map((n) => cell(first, `Option${n} Name`));
  const optionLinks = [1, 2, 3].map((n) => cell(first, `Option${n} Linked To`));

  const images: ShopifyMediaNode[] = [];
  const imageRows = rows.filter((r) => cell(r, "Image Src")).map((r, i) => ({ url: cell(r, "Image Src"), position: Number(cell(r, "Image Position")) || 1000 + i, alt: cell(r, "Image Alt Text") || null }));
  imageRows.sort((a, b) => a.position - b.position);
  for (const img of imageRows) if (!images.some((m) => m.image?.url === img.url)) images.push(mediaNode(`gid://shopify/MediaImage/csv-${index + 1}-${images.length + 1}`, img.url, img.alt));

  const variantRows = rows.filter((r) => cell(r, "Variant Price") !== "" || cell(r, "Option1 Value") !== "" || cell(r, "Variant SKU") !== "");
  const hasQty = "Variant Inventory Qty" in first;
  const variants: ShopifyVariant[] = variantRows.map((r, i) => {
    const selectedOptions = optionNames.flatMap((name, n) => (name ? [{ name, value: cell(r, `Option${n + 1} Value`) }] : []));
    const variantImage = cell(r, "Variant Image");
    const qty = cell(r, "Variant Inventory Qty");
    const media = variantImage ? [images.find((m) => m.image?.url === variantImage) ?? mediaNode(`gid://shopify/MediaImage/csv-${index + 1}-v${i + 1}`, variantImage, null)] : [];
    return {
      id: `gid://shopify/ProductVariant/csv-${index + 1}-${i + 1}`,
      title: selectedOptions.map((o) => o.value).join(" / ") || "Default Title",
      position: i + 1,
      sku: cell(r, "Variant SKU") || null,
      price: cell(r, "Variant Price"),
      compareAtPrice: cell(r, "Variant Compare At Price") || null,
      barcode: cell(r, "Variant Barcode") || null,
      inventoryPolicy: cell(r, "Variant Inventory Policy").toLowerCase() === "continue" ? "CONTINUE" : "DENY",
      inventoryQuantity: hasQty && qty !== "" && Number.isFinite(Number(qty)) ? Math.trunc(Number(qty)) : null,
      selectedOptions: selectedOptions.length > 0 ? selectedOptions : [{ name: "Title", value: "Default Title" }],
      media: { nodes: media },
      inventoryItem: {
        id: `gid://shopify/InventoryItem/csv-${index + 1}-${i + 1}`,
        tracked: cell(r, "Variant Inventory Tracker").toLowerCase() === "shopify",
        requiresShipping: cell(r, "Variant Requires Shipping").toLowerCase() !== "false",
        measurement: { weight: gramsToWeight(cell(r, "Variant Grams"), cell(r, "Variant Weight Unit")) },
        inventoryLevels: { nodes: [] },
      },
    };
  });

  const metafields: ShopifyMetafield[] = [];
  for (const [column, value] of Object.entries(first)) {
    const m = METAFIELD_COLUMN.exec(column);
    if (m && value.trim() !== "") metafields.push(metafieldFromCsv(m[1]!, m[2]!, value.trim()));
  }
  const dim = (key: string) => {
    const mf = metafields.find((m) => m.namespace === "tiktok" && m.key === key);
    return mf ? { type: mf.type, value: mf.value } : null;
  };

  return {
    id: productId,
    handle,
    title: cell(first, "Title"),
    descriptionHtml: first["Body (HTML)"] ?? "",
    vendor: cell(first, "Vendor"),
    productType: cell(first, "Type"),
    tags: cell(first, "Tags").split(",").map((t) => t.trim()).filter(Boolean),
    status: csvStatus(first),
    isGiftCard: cell(first, "Gift Card").toLowerCase() === "true",
    updatedAt: "1970-01-01T00:00:00Z",
    category: cell(first, "Product Category") ? { id: `csv:${cell(first, "Product Category")}`, fullName: cell(first, "Product Category") } : null,
    options: optionNames.flatMap((name, n) => {
      if (!name) return [];
      const values = [...new Set(variantRows.map((r) => cell(r, `Option${n + 1} Value`)).filter(Boolean))];
      const link = optionLinks[n] ? /^product\.metafields\.([^.]+)\.(.+)$/.exec(optionLinks[n]!) : null;
      return [{ name, position: n + 1, linkedMetafield: link ? { namespace: link[1]!, key: link[2]! } : null, optionValues: values.map((v) => ({ name: v })) }];
    }),
    collections: { nodes: [] },
    media: { nodes: images },
    packageLength: dim("package_length"),
    packageWidth: dim("package_width"),
    packageHeight: dim("package_height"),
    metafields: { nodes: metafields },
    variants: { nodes: variants },
  };
}

/** Streams a product CSV and returns its products in file order. */
export async function readProductCsv(input: Readable): Promise<ShopifyProduct[]> {
  const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  const groups = new Map<string, Row[]>();
  let checked = false;
  try {
    for await (const record of parser as AsyncIterable<Row>) {
      if (!checked) {
        const missing = REQUIRED_COLUMNS.filter((c) => !(c in record));
        if (missing.length > 0) throw new ProductCsvError(`This is not a Shopify product CSV export: the column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing.`);
        checked = true;
      }
      const handle = cell(record, "Handle");
      if (!handle) continue;
      const rows = groups.get(handle) ?? [];
      rows.push(record);
      groups.set(handle, rows);
    }
  } catch (error) {
    if (error instanceof ProductCsvError) throw error;
    throw new ProductCsvError(`This file could not be read as CSV: ${(error as Error).message}`);
  }
  if (!checked) throw new ProductCsvError("This file has no product rows (is it an empty export?).");
  return [...groups].map(([handle, rows], i) => buildProduct(handle, rows, i));
}

export function readProductCsvFile(path: string): Promise<ShopifyProduct[]> {
  return readProductCsv(createReadStream(path));
}
