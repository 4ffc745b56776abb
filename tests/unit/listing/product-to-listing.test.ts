import { describe, expect, it } from "vitest";
import { defaultInventoryRules } from "../../../app/modules/inventory/inventory-rules";
import { hasValidGs1CheckDigit, identifierCodeFor } from "../../../app/modules/listing/identifier-code";
import { classifyChange } from "../../../app/modules/listing/listing-fingerprint";
import { defaultListingSettings, type ListingSettings } from "../../../app/modules/listing/listing-settings";
import { mapProductToListing, type ListingInput } from "../../../app/modules/listing/product-to-listing";
import { defaultPriceRules } from "../../../app/modules/pricing/price-rules";
import { makeProduct, makeVariant } from "../../fixtures/listing/product-factory";

function settings(over: Partial<ListingSettings> = {}): ListingSettings {
  return {
    ...defaultListingSettings("US"),
    weightUnit: "KILOGRAM",
    categoryMapping: [{ match: { productType: "Mug" }, categoryId: "600001", categoryVersion: "v2" }],
    policies: { shippingTemplateConfigured: true, returnPolicyConfigured: true },
    ...over,
  };
}
const input = (over: Partial<ListingInput> = {}): ListingInput => ({ settings: settings(), inventoryRules: { ...defaultInventoryRules(), defaultWarehouseId: "W1" }, priceRules: defaultPriceRules(), ...over });
const codes = (m: ReturnType<typeof mapProductToListing>) => m.findings.map((f) => f.code);

describe("mapping a Shopify product to a TikTok listing", () => {
  it("a complete product maps to a clean body", () => {
    const m = mapProductToListing(makeProduct(), input());
    expect(m.findings).toEqual([]);
    expect(m.body).toEqual({
      save_mode: "LISTING",
      title: "Ceramic Mug",
      description: "<p>A sturdy ceramic mug, 350 ml.</p>",
      category_id: "600001",
      category_version: "v2",
      main_images: [{ uri: "pending-upload:https://cdn.shopify.com/mug.jpg" }],
      skus: [{ seller_sku: "SKU-1", price: { amount: "19.99", currency: "USD" }, inventory: [{ warehouse_id: "W1", quantity: 5 }], external_sku_id: "gid://shopify/ProductVariant/1001" }],
      package_weight: { value: "0.250", unit: "KILOGRAM" },
      package_dimensions: { length: "10", width: "8", height: "13", unit: "CENTIMETER" },
      external_product_id: "gid://shopify/Product/1",
    });
  });

  it.each([
    ["title over 255 is cut at a word", { title: `${"word ".repeat(60)}end` }, ["TITLE_TRUNCATED"]],
    ["title of one endless word is blocking", { title: "x".repeat(300) }, ["TITLE_TOO_LONG"]],
    ["empty title", { title: "   " }, ["TITLE_MISSING"]],
    ["Chinese title in the US", { title: "陶瓷杯 Mug" }, ["TITLE_LANGUAGE"]],
    ["empty description", { descriptionHtml: "<p><br></p>" }, ["DESCRIPTION_MISSING"]],
    ["description too long", { descriptionHtml: `<p>${"a".repeat(10_001)}</p>` }, ["DESCRIPTION_TOO_LONG"]],
    ["iframe removed", { descriptionHtml: '<p>Hi</p><iframe src="https://youtube.com/x"></iframe>' }, ["DESCRIPTION_CONTENT_REMOVED"]],
    ["no images", { media: { nodes: [] } }, ["MAIN_IMAGE_MISSING"]],
    ["gift card", { isGiftCard: true }, ["GIFT_CARD_NOT_SUPPORTED"]],
    ["draft product", { status: "DRAFT" as const }, ["PRODUCT_NOT_ACTIVE"]],
    ["unmapped type", { productType: "Teapot" }, ["CATEGORY_UNMAPPED"]],
    ["no dimensions in the US", { packageLength: null, packageWidth: null, packageHeight: null }, ["PACKAGE_DIMENSIONS_MISSING"]],
    ["partial dimensions", { packageHeight: null }, ["PACKAGE_DIMENSIONS_INCOMPLETE", "PACKAGE_DIMENSIONS_MISSING"]],
    ["FDA claim in an image alt text", { media: { nodes: [{ __typename: "MediaImage", id: "m", alt: "FDA approved", image: { url: "https://cdn.shopify.com/a.jpg", width: 800, height: 800, altText: null } }] } }, ["CLAIM_FDA_APPROVED"]],
  ])("%s", (_name, over, expected) => {
    expect(codes(mapProductToListing(makeProduct(over), input()))).toEqual(expected);
  });

  it.each([
    ["small image", 200, 200, ["IMAGE_TOO_SMALL"]],
    ["huge image", 5000, 5000, ["IMAGE_TOO_LARGE"]],
    ["panorama", 2000, 800, ["IMAGE_ASPECT_RATIO"]],
    ["unknown size", null, null, ["IMAGE_SIZE_UNKNOWN"]],
  ])("image checks: %s", (_n, width, height, expected) => {
    const media = { nodes: [{ __typename: "MediaImage", id: "m", alt: null, image: { url: "https://cdn.shopify.com/a.jpg", width, height, altText: null } }] };
    expect(codes(mapProductToListing(makeProduct({ media }), input()))).toEqual(expected);
  });

  it("keeps the first 9 of 12 images, in Shopify order", () => {
    const media = { nodes: Array.from({ length: 12 }, (_, i) => ({ __typename: "MediaImage", id: `m${i}`, alt: null, image: { url: `https://cdn.shopify.com/${i}.jpg`, width: 800, height: 800, altText: null } })) };
    const m = mapProductToListing(makeProduct({ media }), input());
    expect(codes(m)).toEqual(["MAIN_IMAGES_TRUNCATED"]);
    expect(m.body.main_images.map((i) => i.uri)).toEqual(Array.from({ length: 9 }, (_, i) => `pending-upload:https://cdn.shopify.com/${i}.jpg`));
  });

  it("resolves uploaded images to TikTok uris and description images to TikTok urls with their size", () => {
    const product = makeProduct({ descriptionHtml: '<p>Look</p><img src="https://s3.example.com/badge.png">' });
    const m = mapProductToListing(product, input({ uploadedImages: { "https://cdn.shopify.com/mug.jpg": { uri: "tos-maliva-i-1/abc", url: "https://p16.tiktokcdn.com/abc", width: 1000, height: 1000 }, "https://s3.example.com/badge.png": { uri: "tos-maliva-i-1/def", url: "https://p16.tiktokcdn.com/def", width: 120, height: 60 } } }));
    expect(m.body.main_images).toEqual([{ uri: "tos-maliva-i-1/abc" }]);
    expect(m.body.description).toBe('<p>Look</p><img src="https://p16.tiktokcdn.com/def" width="120" height="60" />');
    expect(m.images.every((i) => !i.pending)).toBe(true);
    expect(codes(m)).toEqual([]);
  });

  describe("variants to SKUs", () => {
    const sized = (n: number, size: string, over: Partial<ReturnType<typeof makeVariant>> = {}) => makeVariant(n, { selectedOptions: [{ name: "Size", value: size }, { name: "Color", value: "Blue" }], title: `${size} / Blue`, ...over });
    const multi = (variants: ReturnType<typeof makeVariant>[]) => makeProduct({ options: [{ name: "Size", position: 1, linkedMetafield: null, optionValues: [] }, { name: "Color", position: 2, linkedMetafield: null, optionValues: [] }], variants: { nodes: variants } });

    it("options become sales attributes; the variant image goes on the first attribute", () => {
      const m = mapProductToListing(multi([sized(1, "S", { media: { nodes: [{ __typename: "MediaImage", id: "v", image: { url: "https://cdn.shopify.com/s.jpg", width: 800, height: 800, altText: null } }] } }), sized(2, "M")]), input());
      expect(m.body.skus.map((s) => s.sales_attributes)).toEqual([
        [{ name: "Size", value_name: "S", sku_img: { uri: "pending-upload:https://cdn.shopify.com/s.jpg" } }, { name: "Color", value_name: "Blue" }],
        [{ name: "Size", value_name: "M" }, { name: "Color", value_name: "Blue" }],
      ]);
      expect(codes(m)).toEqual([]);
    });

    it.each([
      ["missing SKU → stable generated one", { sku: null }, ["SELLER_SKU_GENERATED"], "SV-1002"],
      ["SKU with spaces → replaced", { sku: "MUG 12" }, ["SELLER_SKU_REPLACED"], "SV-1002"],
      ["SKU over 50 → replaced", { sku: "X".repeat(51) }, ["SELLER_SKU_REPLACED"], "SV-1002"],
      ["duplicate SKU → replaced", { sku: "SKU-1" }, ["SELLER_SKU_DUPLICATE"], "SV-1002"],
    ])("%s", (_n, over, expected, sellerSku) => {
      const m = mapProductToListing(multi([sized(1, "S"), sized(2, "M", over)]), input());
      expect(codes(m)).toEqual(expected);
      expect(m.body.skus[1]!.seller_sku).toBe(sellerSku);
    });

    it("no weight on one variant names that variant in the fix", () => {
      const m = mapProductToListing(multi([sized(1, "S"), sized(2, "M", { inventoryItem: { ...makeVariant(2).inventoryItem, measurement: { weight: null } } })]), input());
      expect(m.findings.map((f) => [f.code, f.fix])).toEqual([["WEIGHT_MISSING", "Add a weight to variant M / Blue in Shopify."]]);
    });

    it("uses the heaviest variant, rounded up, in the preferred unit", () => {
      const heavy = sized(2, "M", { inventoryItem: { ...makeVariant(2).inventoryItem, measurement: { weight: { unit: "OUNCES", value: 17 } } } });
      const m = mapProductToListing(multi([sized(1, "S"), heavy]), input({ settings: settings({ weightUnit: "POUND" }) }));
      expect(m.body.package_weight).toEqual({ value: "1.07", unit: "POUND" });
      expect(m.body.package_dimensions).toEqual({ length: "4", width: "4", height: "5", unit: "INCH" });
    });

    it.each([
      ["option name over 20", [{ name: "Constitutive ingredients", value: "almond-oil" }], {}, ["SALES_ATTRIBUTE_NAME_TOO_LONG"]],
      ["renamed by the settings", [{ name: "Constitutive ingredients", value: "almond-oil" }], { "Constitutive ingredients": "Ingredient" }, []],
      ["value over 50", [{ name: "Size", value: "S".repeat(51) }], {}, ["SALES_ATTRIBUTE_VALUE_TOO_LONG"]],
    ])("%s", (_n, options, overrides, expected) => {
      const m = mapProductToListing(multi([makeVariant(1, { selectedOptions: options }), makeVariant(2, { selectedOptions: [{ name: options[0]!.name, value: "other" }] })]), input({ settings: settings({ salesAttributeNameOverrides: overrides }) }));
      expect(codes(m)).toEqual(expected);
    });

    it("too many SKUs for the market is blocking", () => {
      const variants = Array.from({ length: 101 }, (_, i) => sized(i + 1, `S${i}`));
      expect(codes(mapProductToListing(multi(variants), input()))).toEqual(["TOO_MANY_SKUS"]);
    });

    it.each([
      ["036000291452", "UPC", []],
      ["4006381333931", "EAN", []],
      ["9780306406157", "ISBN", []],
      ["036000291453", null, ["BARCODE_INVALID"]],
    ])("barcode %s", (barcode, type, expected) => {
      const m = mapProductToListing(makeProduct({ variants: { nodes: [makeVariant(1, { barcode })] } }), input());
      expect(codes(m)).toEqual(expected);
      expect(m.body.skus[0]!.identifier_code?.type ?? null).toBe(type);
    });
  });

  it("GS1 check digits and JAN in Japan", () => {
    expect(hasValidGs1CheckDigit("96385074")).toBe(true);
    expect(identifierCodeFor("4901234567894", "JP")).toEqual({ code: "4901234567894", type: "JAN" });
    expect(identifierCodeFor("12345", "US")).toBeNull();
  });

  it("category rules: required attributes from metafields, prohibited and wrong-tree categories, certification", () => {
    const base = settings({
      categoryRequirements: [{ categoryId: "600001", requiredAttributes: [{ id: "100392", name: "Material" }], packageDimensionsRequired: true, certificationsRequired: true }],
      attributeSources: [{ attributeId: "100392", attributeName: "Material", metafield: { namespace: "custom", key: "material" } }],
    });
    expect(codes(mapProductToListing(makeProduct(), input({ settings: base })))).toEqual(["REQUIRED_ATTRIBUTE_MISSING", "CERTIFICATION_REQUIRED"]);
    const withMaterial = mapProductToListing(makeProduct({ metafields: { nodes: [{ namespace: "custom", key: "material", type: "list.single_line_text_field", value: '["ceramic","glaze"]' }] } }), input({ settings: base }));
    expect(withMaterial.body.product_attributes).toEqual([{ id: "100392", values: [{ name: "ceramic" }, { name: "glaze" }] }]);
    expect(codes(mapProductToListing(makeProduct(), input({ settings: settings({ categoryRequirements: [{ categoryId: "600001", requiredAttributes: [], packageDimensionsRequired: false, certificationsRequired: false, permission: "PROHIBITED" }] }) })))).toEqual(["CATEGORY_PROHIBITED"]);
    expect(codes(mapProductToListing(makeProduct(), input({ settings: settings({ categoryMapping: [{ match: { productType: "Mug" }, categoryId: "600001", categoryVersion: "v1" }] }) })))).toEqual(["CATEGORY_VERSION_MISMATCH"]);
  });

  it("brand by vendor, and a supplement without disclaimer", () => {
    const m = mapProductToListing(makeProduct(), input({ settings: settings({ brand: { mode: "by_vendor", brandIdByVendor: { acme: "7082427311584347905" } }, categoryMapping: [{ match: { productType: "Mug" }, categoryId: "600001", categoryVersion: "v2", complianceProfile: "dietary_supplement" }] }) }));
    expect(m.body.brand_id).toBe("7082427311584347905");
    expect(codes(m)).toEqual(["SUPPLEMENT_DISCLAIMER_MISSING"]);
  });

  it("currency mismatch between Shopify and TikTok is blocking with the fix", () => {
    const m = mapProductToListing(makeProduct(), input({ settings: settings({ shopifyCurrency: "EUR" }) }));
    expect(m.findings.map((f) => [f.code, f.severity])).toEqual([["CURRENCY_MISMATCH", "blocking"]]);
  });

  it("price rules and compare-at reach the body", () => {
    const product = makeProduct({ variants: { nodes: [makeVariant(1, { price: "20.00", compareAtPrice: "30.00" })] } });
    const m = mapProductToListing(product, input({ priceRules: { ...defaultPriceRules(), adjustment: { kind: "percent", percent: "10" }, rounding: { kind: "ending", ending: "0.99" } } }));
    expect(m.body.skus[0]!.price).toEqual({ amount: "22.99", currency: "USD" });
    expect(m.body.skus[0]!.external_list_prices).toEqual([{ source: "SHOPIFY_COMPARE_AT_PRICE", amount: "30.00", currency: "USD" }]);
  });
});

describe("content fingerprint and change classification", () => {
  const fp = (product = makeProduct(), over: Partial<ListingInput> = {}) => mapProductToListing(product, input(over)).fingerprint;

  it("is stable and does not change when images get uploaded", () => {
    const before = fp();
    const after = fp(makeProduct(), { uploadedImages: { "https://cdn.shopify.com/mug.jpg": { uri: "tos/1", url: "https://t/1", width: 1000, height: 1000 } } });
    expect(after).toEqual(before);
    expect(classifyChange(before, after)).toEqual({ kind: "unchanged" });
    expect(classifyChange(null, after)).toEqual({ kind: "new" });
  });

  it.each([
    ["price only", makeProduct({ variants: { nodes: [makeVariant(1, { price: "21.00" })] } }), { kind: "price_only", reReview: false }],
    ["stock only", makeProduct({ variants: { nodes: [makeVariant(1, { inventoryItem: { ...makeVariant(1).inventoryItem, inventoryLevels: { nodes: [{ location: { id: "gid://shopify/Location/1", name: "Main" }, quantities: [{ name: "available", quantity: 9 }] }] } } })] } }), { kind: "inventory_only", reReview: false }],
    ["price and stock", makeProduct({ variants: { nodes: [makeVariant(1, { price: "21.00", inventoryItem: { ...makeVariant(1).inventoryItem, inventoryLevels: { nodes: [] } }, inventoryQuantity: 1 })] } }), { kind: "price_and_inventory", reReview: false }],
    ["title (re-review)", makeProduct({ title: "Ceramic Mug 350 ml" }), { kind: "content", reReview: true, alsoPrice: false, alsoInventory: false }],
    ["image order (re-review)", makeProduct({ media: { nodes: [{ __typename: "MediaImage", id: "x", alt: null, image: { url: "https://cdn.shopify.com/other.jpg", width: 1000, height: 1000, altText: null } }] } }), { kind: "content", reReview: true, alsoPrice: false, alsoInventory: false }],
  ])("%s", (_n, changed, expected) => {
    expect(classifyChange(fp(), fp(changed))).toEqual(expected);
  });

  it("does not depend on a Shopify field that does not reach TikTok", () => {
    expect(fp(makeProduct({ updatedAt: "2027-01-01T00:00:00Z", tags: ["x"] }))).toEqual(fp());
  });
});
