// The last gate: checks the finished TikTok body against every limit of the contract (§4.2, §10). The
// mapper already reports what it knows in the merchant's words; this pass guarantees that no body breaking
// a limit leaves without a blocking finding, whatever the mapper did.
import { blocking, type Finding } from "./finding";
import { isPendingReference } from "./image-refs";
import { LIMITS_SOURCE, LISTING_LIMITS, type RegionListingLimits } from "./listing-limits";
import { MoneyDecimal, parseMoney } from "../pricing/money";
import type { TikTokListingBody } from "./tiktok-listing-body";
import { codePointLength } from "./title-mapping";

const lint = (code: string, field: string, message: string, fix: string, tiktokErrorCode?: string): Finding =>
  blocking(code, field, message, fix, { source: LIMITS_SOURCE, ...(tiktokErrorCode ? { tiktokErrorCode } : {}) });

export function lintListingBody(body: TikTokListingBody, limits: RegionListingLimits, skuLimit: number): Finding[] {
  const out: Finding[] = [];
  const titleLength = codePointLength(body.title);
  if (titleLength < limits.titleMin || titleLength > limits.titleMax) out.push(lint("TITLE_LENGTH", "title", `The title has ${titleLength} characters; TikTok accepts ${limits.titleMin}–${limits.titleMax}.`, `Make the title ${limits.titleMin}–${limits.titleMax} characters long.`, "12052051"));
  if (body.description.trim().length === 0) out.push(lint("DESCRIPTION_EMPTY", "description", "The description is empty.", "Write a description in Shopify."));
  if (body.description.length > LISTING_LIMITS.descriptionMaxChars) out.push(lint("DESCRIPTION_LENGTH", "description", `The description has ${body.description.length} characters; TikTok allows ${LISTING_LIMITS.descriptionMaxChars}.`, "Shorten the description."));
  const imgs = body.description.match(/<img\b[^>]*>/g) ?? [];
  if (imgs.length > LISTING_LIMITS.descriptionMaxImages) out.push(lint("DESCRIPTION_IMAGE_COUNT", "description", `The description has ${imgs.length} images; TikTok allows ${LISTING_LIMITS.descriptionMaxImages}.`, "Remove images from the description.", "12052346"));
  for (const img of imgs) {
    const src = /src="([^"]*)"/.exec(img)?.[1] ?? "";
    if (!isPendingReference(src) && !(/\swidth="\d+"/.test(img) && /\sheight="\d+"/.test(img))) {
      out.push(lint("DESCRIPTION_IMAGE_ATTRIBUTES", "description", "An image in the description has no width/height.", "Re-sync so the app uploads and measures the image.", "12052348"));
      break;
    }
  }
  if (!body.category_id) out.push(lint("CATEGORY_EMPTY", "category_id", "No category is set.", "Map the product to a TikTok category.", "12019002"));
  if (body.main_images.length < LISTING_LIMITS.mainImagesMin || body.main_images.length > LISTING_LIMITS.mainImagesMax) out.push(lint("MAIN_IMAGE_COUNT", "main_images", `The listing has ${body.main_images.length} main images; TikTok accepts ${LISTING_LIMITS.mainImagesMin}–${LISTING_LIMITS.mainImagesMax}.`, "Use 1 to 9 product images.", "12052306"));
  if (body.skus.length === 0) out.push(lint("SKU_COUNT", "skus", "The listing has no SKU.", "Give the product at least one variant."));
  if (body.skus.length > skuLimit) out.push(lint("TOO_MANY_SKUS", "skus", `The product has ${body.skus.length} variants; TikTok accepts ${skuLimit} in this market.`, `Split the product so each has at most ${skuLimit} variants, or remove variants you do not sell on TikTok.`, "12052050"));

  const attrNames = new Set<string>();
  const combos = new Set<string>();
  let imageAttribute: string | undefined;
  body.skus.forEach((sku, i) => {
    const f = `skus[${i}]`;
    if (sku.seller_sku !== undefined && (sku.seller_sku.length < 1 || sku.seller_sku.length > LISTING_LIMITS.sellerSkuMax || /\s/.test(sku.seller_sku))) out.push(lint("SELLER_SKU_INVALID", `${f}.seller_sku`, `The seller SKU "${sku.seller_sku}" breaks TikTok's rule (1–50 characters, no spaces).`, "Fix the SKU in Shopify.", "12052054"));
    const price = parseMoney(sku.price.amount);
    if (!price || price.lessThan(limits.priceMin) || price.greaterThan(limits.priceMax)) out.push(lint("PRICE_RANGE", `${f}.price`, `The price "${sku.price.amount}" is outside ${limits.priceMin}–${limits.priceMax} ${limits.currency}.`, "Set a price within TikTok's range."));
    if (sku.price.currency !== limits.currency) out.push(lint("PRICE_CURRENCY", `${f}.price`, `The price is in ${sku.price.currency}; this market sells in ${limits.currency}.`, `Price in ${limits.currency}.`, "12052084"));
    for (const lp of sku.external_list_prices ?? []) {
      const amount = parseMoney(lp.amount);
      if (!amount || !price || amount.lessThanOrEqualTo(price)) out.push(lint("LIST_PRICE_NOT_HIGHER", `${f}.external_list_prices`, "The compare-at price is not higher than the price.", "Clear the compare-at price or make it the real former price."));
    }
    if (sku.inventory.length === 0) out.push(lint("INVENTORY_MISSING", `${f}.inventory`, "The SKU has no warehouse stock entry.", "Map a TikTok warehouse in the inventory settings."));
    for (const inv of sku.inventory) {
      if (!Number.isInteger(inv.quantity) || inv.quantity < 0 || inv.quantity > LISTING_LIMITS.inventoryMaxPerWarehouse) out.push(lint("INVENTORY_QUANTITY", `${f}.inventory`, `Quantity ${inv.quantity} is outside 0–${LISTING_LIMITS.inventoryMaxPerWarehouse}.`, "Check the inventory rules.", "12019024"));
      if (!inv.warehouse_id) out.push(lint("INVENTORY_WAREHOUSE", `${f}.inventory`, "A stock entry has no warehouse.", "Map a TikTok warehouse in the inventory settings."));
    }
    const attrs = sku.sales_attributes ?? [];
    if (body.skus.length > 1 && attrs.length === 0) out.push(lint("SALES_ATTRIBUTES_REQUIRED", `${f}.sales_attributes`, "Several SKUs need sales attributes to tell them apart.", "Give the product options in Shopify.", "12019117"));
    if (attrs.length > LISTING_LIMITS.salesAttributesMax) out.push(lint("SALES_ATTRIBUTE_COUNT", `${f}.sales_attributes`, `${attrs.length} sales attributes; TikTok allows ${LISTING_LIMITS.salesAttributesMax}.`, "Use at most 3 options."));
    const names = attrs.map((a) => a.name ?? a.id ?? "");
    if (new Set(names).size !== names.length) out.push(lint("SALES_ATTRIBUTE_REPEATED", `${f}.sales_attributes`, "An attribute is repeated within one SKU.", "Remove the repeated option."));
    if (i === 0) names.forEach((n) => attrNames.add(n));
    else if (names.length !== attrNames.size || names.some((n) => !attrNames.has(n))) out.push(lint("SALES_ATTRIBUTE_SET", `${f}.sales_attributes`, "SKUs do not all have the same set of sales attributes.", "Give every variant the same options in Shopify."));
    for (const a of attrs) {
      if (a.name !== undefined && (codePointLength(a.name) < 1 || codePointLength(a.name) > LISTING_LIMITS.salesAttributeNameMax)) out.push(lint("SALES_ATTRIBUTE_NAME_LENGTH", `${f}.sales_attributes`, `The attribute name "${a.name}" is not 1–${LISTING_LIMITS.salesAttributeNameMax} characters.`, "Rename the option."));
      if (a.value_name !== undefined && (codePointLength(a.value_name) < 1 || codePointLength(a.value_name) > LISTING_LIMITS.salesAttributeValueMax)) out.push(lint("SALES_ATTRIBUTE_VALUE_LENGTH", `${f}.sales_attributes`, `The value "${a.value_name}" is not 1–${LISTING_LIMITS.salesAttributeValueMax} characters.`, "Shorten the option value."));
      if (a.sku_img) {
        const key = a.name ?? a.id ?? "";
        if (imageAttribute !== undefined && imageAttribute !== key) out.push(lint("SKU_IMAGE_ATTRIBUTES", `${f}.sales_attributes`, "More than one attribute carries SKU images.", "Keep variant images on one option only."));
        imageAttribute = key;
      }
    }
    const combo = JSON.stringify(attrs.map((a) => [a.name ?? a.id, a.value_name ?? a.value_id]));
    if (attrs.length > 0 && combos.has(combo)) out.push(lint("SALES_ATTRIBUTE_COMBINATION", `${f}.sales_attributes`, "Two SKUs have the same option values.", "Make every variant unique."));
    combos.add(combo);
    if (sku.external_sku_id && sku.external_sku_id.length > LISTING_LIMITS.externalIdMax) out.push(lint("EXTERNAL_ID_LENGTH", `${f}.external_sku_id`, "The external SKU id is too long.", "Report this to support."));
  });
  const w = body.package_weight;
  const wd = parseMoney(w.value);
  const decimals = w.value.split(".")[1]?.length ?? 0;
  if (!wd || wd.lessThanOrEqualTo(0) || !limits.weightUnits.includes(w.unit) || (w.unit === "KILOGRAM" && decimals > 3) || (w.unit === "POUND" && decimals > 2)) out.push(lint("PACKAGE_WEIGHT", "package_weight", `The package weight "${w.value} ${w.unit}" is not valid for this market.`, "Add a weight to every variant in Shopify.", "12019061"));
  const d = body.package_dimensions;
  if (!d && limits.packageDimensionsRequired) out.push(lint("PACKAGE_DIMENSIONS_REQUIRED", "package_dimensions", "Package dimensions are required in this market.", "Set package dimensions."));
  if (d) {
    const bad = [d.length, d.width, d.height].some((v) => !/^\d+$/.test(v) || new MoneyDecimal(v).lessThanOrEqualTo(0));
    const system = (w.unit === "POUND") === (d.unit === "INCH");
    if (bad || !system || !limits.dimensionUnits.includes(d.unit)) out.push(lint("PACKAGE_DIMENSIONS", "package_dimensions", "Package dimensions must be positive whole numbers in the same unit system as the weight.", "Check the package dimensions.", "12019061"));
  }
  for (const a of body.product_attributes ?? []) {
    if (a.values.some((v) => (v.name ?? "").length > LISTING_LIMITS.productAttributeValueMax)) out.push(lint("PRODUCT_ATTRIBUTE_VALUE_LENGTH", `product_attributes.${a.id}`, "An attribute value is too long.", "Shorten it.", "12019030"));
  }
  if (body.external_product_id && body.external_product_id.length > LISTING_LIMITS.externalIdMax) out.push(lint("EXTERNAL_ID_LENGTH", "external_product_id", "The external product id is too long.", "Report this to support."));
  return out;
}
