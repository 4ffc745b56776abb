// Property-based tests over thousands of generated products: mapping never throws, never emits a body
// that breaks a TikTok limit without a blocking finding, and is deterministic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultInventoryRules, type InventoryRules } from "../../../app/modules/inventory/inventory-rules";
import { regionLimits, TIKTOK_REGIONS } from "../../../app/modules/listing/listing-limits";
import { lintListingBody } from "../../../app/modules/listing/listing-linter";
import { defaultListingSettings } from "../../../app/modules/listing/listing-settings";
import { mapProductToListing } from "../../../app/modules/listing/product-to-listing";
import type { ShopifyProduct, ShopifyVariant } from "../../../app/modules/listing/shopify-product";
import { defaultPriceRules, type PriceRules } from "../../../app/modules/pricing/price-rules";

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 200, maxLength: 320 }), fc.constantFrom("", " ", "Blue", "陶瓷", "Cures cancer", "FDA approved", "x".repeat(60)));
const price = fc.oneof(fc.constantFrom("0", "0.01", "19.99", "7600", "7600.01", "-3", "abc", "1e3", ""), fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)));
const image = fc.record({ url: fc.webUrl(), width: fc.option(fc.integer({ min: 1, max: 6000 })), height: fc.option(fc.integer({ min: 1, max: 6000 })), altText: fc.option(text) });
const media = fc.record({ __typename: fc.constantFrom("MediaImage", "Video"), id: fc.string(), alt: fc.option(text), image: fc.option(image) });
const weight = fc.option(fc.record({ unit: fc.constantFrom("GRAMS" as const, "KILOGRAMS" as const, "OUNCES" as const, "POUNDS" as const), value: fc.oneof(fc.constant(0), fc.double({ min: 0.0001, max: 5000, noNaN: true })) }));
const level = fc.record({ location: fc.record({ id: fc.constantFrom("L1", "L2", "L3"), name: fc.string() }), quantities: fc.array(fc.record({ name: fc.constantFrom("available", "on_hand"), quantity: fc.integer({ min: -100, max: 200_000 }) }), { maxLength: 2 }) });
const optionValue = fc.oneof(fc.constantFrom("S", "M", "L", "Red", "x".repeat(51), ""), fc.string({ maxLength: 60 }));
const optionName = fc.constantFrom("Size", "Color", "Constitutive ingredients", "Title");

const variant = (i: number): fc.Arbitrary<ShopifyVariant> =>
  fc.record({
    id: fc.constantFrom(`gid://shopify/ProductVariant/${i + 1}`, `csv-${i}`),
    title: fc.string(),
    position: fc.constant(i + 1),
    sku: fc.option(fc.oneof(fc.constantFrom("A-1", "A 1", "x".repeat(51), "DUP"), fc.string({ maxLength: 55 }))),
    price,
    compareAtPrice: fc.option(price),
    barcode: fc.option(fc.oneof(fc.constantFrom("036000291452", "4006381333931", "123"), fc.stringMatching(/^\d{8,14}$/))),
    inventoryPolicy: fc.constantFrom("DENY" as const, "CONTINUE" as const),
    inventoryQuantity: fc.option(fc.integer({ min: -10, max: 200_000 })),
    selectedOptions: fc.array(fc.record({ name: optionName, value: optionValue }), { maxLength: 4 }),
    media: fc.record({ nodes: fc.array(media, { maxLength: 2 }) }),
    inventoryItem: fc.record({ id: fc.string(), tracked: fc.boolean(), requiresShipping: fc.boolean(), measurement: fc.record({ weight }), inventoryLevels: fc.record({ nodes: fc.array(level, { maxLength: 3 }) }) }),
  });

const variants: fc.Arbitrary<ShopifyVariant[]> = fc.integer({ min: 0, max: 6 }).chain((n): fc.Arbitrary<ShopifyVariant[]> => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => variant(i))).map((t) => [...t])));
const dimension = fc.option(fc.record({ type: fc.constant("dimension"), value: fc.oneof(fc.constantFrom('{"value":10,"unit":"cm"}', '{"value":3.2,"unit":"in"}', '{"value":0,"unit":"cm"}', "nonsense", '{"value":5,"unit":"parsec"}')) }));

const product = fc.record({
  id: fc.constant("gid://shopify/Product/1"),
  handle: fc.string({ minLength: 1 }),
  title: text,
  descriptionHtml: fc.oneof(text, fc.constantFrom("<p>Nice</p><script>x</script>", '<img src="https://a.b/c.png" alt="FDA approved">', "<ul><li><p>a</p></li></ul>", `<p>${"a".repeat(10_050)}</p>`, Array.from({ length: 35 }, (_, i) => `<img src="https://a.b/${i}.png">`).join(""))),
  vendor: fc.constantFrom("Acme", ""),
  productType: fc.constantFrom("Mug", "Pet", "", "Other"),
  tags: fc.array(fc.constantFrom("sale", "new")),
  status: fc.constantFrom("ACTIVE" as const, "DRAFT" as const, "ARCHIVED" as const, "UNLISTED" as const),
  isGiftCard: fc.boolean(),
  updatedAt: fc.constant("2026-01-01T00:00:00Z"),
  category: fc.constant(null),
  options: fc.constant([]),
  collections: fc.record({ nodes: fc.array(fc.record({ id: fc.string(), handle: fc.constantFrom("sale", "summer"), title: fc.string() }), { maxLength: 2 }) }),
  media: fc.record({ nodes: fc.array(media, { maxLength: 12 }) }),
  packageLength: dimension,
  packageWidth: dimension,
  packageHeight: dimension,
  metafields: fc.record({ nodes: fc.array(fc.record({ namespace: fc.constant("shopify"), key: fc.constantFrom("animal-type", "material"), type: fc.constant("single_line_text_field"), value: fc.oneof(fc.string(), fc.constant('["dogs","cats"]'), fc.constant("m".repeat(2001))) }), { maxLength: 2 }) }),
  variants: fc.record({ nodes: variants }),
}) as fc.Arbitrary<ShopifyProduct>;

const region = fc.constantFrom(...TIKTOK_REGIONS);
const priceRules: fc.Arbitrary<PriceRules> = fc.record({
  adjustment: fc.oneof(fc.constant({ kind: "none" as const }), fc.integer({ min: -100, max: 300 }).map((p) => ({ kind: "percent" as const, percent: String(p) })), fc.integer({ min: -5000, max: 5000 }).map((c) => ({ kind: "fixed" as const, amount: (c / 100).toFixed(2) }))),
  rounding: fc.constantFrom({ kind: "none" as const }, { kind: "whole" as const }, { kind: "ending" as const, ending: "0.99" }),
  compareAt: fc.constantFrom("keep" as const, "adjust" as const, "drop" as const),
  collectionOverrides: fc.constant([{ collectionHandle: "sale", adjustment: { kind: "percent" as const, percent: "-30" } }]),
  minimum: fc.option(fc.constantFrom("5", "10.50")),
  maximum: fc.option(fc.constantFrom("100", "5000")),
});
const inventoryRules: fc.Arbitrary<InventoryRules> = fc.record({
  locationWarehouses: fc.constantFrom([], [{ locationId: "L1", warehouseId: "W1" }], [{ locationId: "L1", warehouseId: "W1" }, { locationId: "L2", warehouseId: "W2" }]),
  defaultWarehouseId: fc.option(fc.constant("W9")),
  mode: fc.constantFrom("sum" as const, "per_warehouse" as const),
  buffer: fc.oneof(fc.constant({ kind: "none" as const }), fc.integer({ min: 0, max: 10 }).map((units) => ({ kind: "fixed" as const, units })), fc.integer({ min: 0, max: 100 }).map((percent) => ({ kind: "percent" as const, percent }))),
  outOfStockThreshold: fc.integer({ min: 0, max: 5 }),
  untrackedQuantity: fc.integer({ min: 0, max: 99_999 }),
  continueSelling: fc.constantFrom("stock" as const, "fixed" as const),
  continueSellingQuantity: fc.integer({ min: 0, max: 99_999 }),
});

const scenario = fc.record({ product, region, priceRules, inventoryRules, sameCurrency: fc.boolean(), uploaded: fc.boolean() });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const settings = { ...defaultListingSettings(s.region), categoryMapping: [{ match: { productType: "Mug" }, categoryId: "1", categoryVersion: regionLimits(s.region).categoryVersion }], shopifyCurrency: s.sameCurrency ? regionLimits(s.region).currency : "XXX" };
  const uploads = s.uploaded ? Object.fromEntries(s.product.media.nodes.filter((m) => m.image).map((m) => [m.image!.url, { uri: `tos/${m.id}`, url: `https://t/${m.id}`, width: 800, height: 800 }])) : undefined;
  return mapProductToListing(s.product, { settings, priceRules: s.priceRules, inventoryRules: s.inventoryRules, uploadedImages: uploads });
}

describe("listing mapping properties", () => {
  it("never throws, and every limit the body breaks has a blocking finding", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const m = run(s);
        const violations = lintListingBody(m.body, { ...regionLimits(s.region) }, defaultListingSettings(s.region).skuLimit);
        if (violations.length > 0) expect(m.blocking).toBe(true);
        for (const f of m.findings) {
          expect(["blocking", "warning"]).toContain(f.severity);
          expect(f.code).toMatch(/^[A-Z0-9_]+$/);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it("is deterministic: same input, same body, findings and fingerprint", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = run(s);
        const b = run(structuredClone(s));
        expect(b).toEqual(a);
      }),
      { numRuns: 1000 },
    );
  });

  it("a listing without blocking findings passes the body linter (what we send is valid)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const m = run(s);
        if (!m.blocking) expect(lintListingBody(m.body, regionLimits(s.region), defaultListingSettings(s.region).skuLimit)).toEqual([]);
      }),
      { numRuns: 2500 },
    );
  });
});
