// npm run listing:check -- <products.csv> [--settings settings.json]
// Maps every product of a Shopify product CSV export with the store's settings (or the defaults) and prints
// one JSON line per product — what TikTok would refuse and why — then a summary line.
// Exit: 0 nothing blocked, 1 some product blocked, 2 bad input.
import { existsSync, readFileSync, statSync } from "node:fs";
import { ProductCsvError, readProductCsvFile } from "../app/integrations/shopify/product-csv-reader";
import { duplicateSellerSkuFindings } from "../app/modules/listing/catalog-checks";
import { parseListingCheckSettings, type ListingCheckSettings } from "../app/modules/listing/listing-check-settings";
import { mapProductToListing } from "../app/modules/listing/product-to-listing";

function fail(message: string): never {
  process.stderr.write(`listing:check: ${message}\n`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  let settingsPath: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--settings") settingsPath = args[++i];
    else if (args[i]!.startsWith("--settings=")) settingsPath = args[i]!.slice("--settings=".length);
    else files.push(args[i]!);
  }
  if (files.length !== 1) fail("usage: npm run listing:check -- <products.csv> [--settings settings.json]");
  const file = files[0]!;
  if (!existsSync(file) || !statSync(file).isFile()) fail(`no such file: ${file}`);

  let settings: ListingCheckSettings;
  try {
    settings = parseListingCheckSettings(settingsPath ? JSON.parse(readFileSync(settingsPath, "utf8")) : {});
  } catch (error) {
    fail(`the settings file ${settingsPath} is not valid: ${(error as Error).message}`);
  }

  let products;
  try {
    products = await readProductCsvFile(file);
  } catch (error) {
    if (error instanceof ProductCsvError) fail(`${file}: ${error.message}`);
    throw error;
  }

  const mapped = products.map((product) => ({ handle: product.handle, ...mapProductToListing(product, { settings: settings.listing, priceRules: settings.price, inventoryRules: settings.inventory }) }));
  const shared = duplicateSellerSkuFindings(mapped);
  let blocked = 0;
  for (const m of mapped) {
    const findings = [...m.findings, ...(shared.get(m.handle) ?? [])];
    const isBlocked = findings.some((f) => f.severity === "blocking");
    if (isBlocked) blocked++;
    const line = {
      handle: m.handle,
      blocking: findings.filter((f) => f.severity === "blocking").map((f) => f.code),
      warnings: findings.filter((f) => f.severity === "warning").map((f) => f.code),
      messages: findings.map((f) => ({ code: f.code, severity: f.severity, field: f.field, message: f.message, fix: f.fix, ...(f.tiktokErrorCode ? { tiktokErrorCode: f.tiktokErrorCode } : {}) })),
      listing: m.body,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ summary: { file, region: settings.listing.region, products: mapped.length, ready: mapped.length - blocked, blocked } })}\n`);
  process.exitCode = blocked > 0 ? 1 : 0;
}

await main();
