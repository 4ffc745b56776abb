// Shopify product → TikTok create/edit body + findings. Pure: the same product, settings and rules always
// give the same listing, findings and fingerprint. Blocking findings mean "do not send".
import { checkShippingAndReturns } from "../compliance/consumer-protection";
import { screenClaims, type ScreenedText } from "../compliance/claim-screening";
import { checkSupplementDisclaimer } from "../compliance/supplement-disclaimer";
import { computeSkuInventory, defaultInventoryRules, type InventoryRules } from "../inventory/inventory-rules";
import { checkCurrency } from "../pricing/currency-check";
import { applyPriceRules, defaultPriceRules, type PriceRules } from "../pricing/price-rules";
import { mapCategory } from "./category-mapping";
import { sanitizeDescription } from "./description-sanitizer";
import { blocking, hasBlocking, warning, type Finding } from "./finding";
import { mapMainImages } from "./image-mapping";
import type { ImageRef, UploadedImages } from "./image-refs";
import { computeFingerprint, type ListingFingerprint } from "./listing-fingerprint";
import { currencyDecimals, regionLimits } from "./listing-limits";
import { lintListingBody } from "./listing-linter";
import type { ListingSettings } from "./listing-settings";
import { chooseWeightUnit, mapPackageDimensions, mapPackageWeight } from "./package-mapping";
import type { ShopifyProduct } from "./shopify-product";
import { mapSkuIdentities } from "./sku-mapping";
import type { TikTokListingBody, TikTokSku } from "./tiktok-listing-body";
import { mapTitle } from "./title-mapping";

export interface ListingInput {
  settings: ListingSettings;
  priceRules?: PriceRules;
  inventoryRules?: InventoryRules;
  /** Upload results for Shopify images already on TikTok; others are placeholders in the body. */
  uploadedImages?: UploadedImages;
}

export interface ListingMapping {
  body: TikTokListingBody;
  findings: Finding[];
  blocking: boolean;
  /** Every image the body references, with its Shopify source; `pending` ones must be uploaded first. */
  images: ImageRef[];
  fingerprint: ListingFingerprint;
}

const normaliseField = (field: string) => field.replace(/\[\d+\]/g, "[]");

export function mapProductToListing(product: ShopifyProduct, input: ListingInput): ListingMapping {
  const { settings } = input;
  const priceRules = input.priceRules ?? defaultPriceRules();
  const inventoryRules = input.inventoryRules ?? defaultInventoryRules();
  const limits = { ...regionLimits(settings.region), skuMax: settings.skuLimit };
  const findings: Finding[] = [];

  if (product.isGiftCard) findings.push(blocking("GIFT_CARD_NOT_SUPPORTED", "product", "Gift cards cannot be sold on TikTok Shop.", "Leave gift cards out of the TikTok sync."));
  if (product.status !== "ACTIVE") findings.push(warning("PRODUCT_NOT_ACTIVE", "product", `The product is ${product.status.toLowerCase()} in Shopify; it is listed on TikTok only once it is active.`, "Set the product to Active in Shopify when it is ready to sell."));
  if (product.variants.nodes.length > 0 && product.variants.nodes.every((v) => !v.inventoryItem.requiresShipping)) {
    findings.push(blocking("NOT_PHYSICAL_PRODUCT", "product", "No variant of this product requires shipping; TikTok Shop sells physical goods only.", 'Turn on "This is a physical product" in Shopify if it ships, or leave it out of the sync.'));
  }

  const title = mapTitle(product.title, limits);
  findings.push(...title.findings);

  const sizes = new Map<string, { width: number; height: number }>();
  for (const m of product.media.nodes) if (m.image?.width && m.image.height) sizes.set(m.image.url, { width: m.image.width, height: m.image.height });
  const description = sanitizeDescription(product.descriptionHtml, { strict: settings.strictHtml, uploads: input.uploadedImages, knownSizes: sizes });
  findings.push(...description.findings);
  if (description.images.length > 0 && description.images.some((i) => i.pending && !sizes.has(i.sourceUrl))) {
    findings.push(warning("DESCRIPTION_IMAGE_SIZE_UNKNOWN", "description", `The description has ${description.images.length} image${description.images.length === 1 ? "" : "s"} hosted outside TikTok; they are uploaded to TikTok and measured at sync (TikTok allows at most 4000 px).`, "Nothing to do now; if an upload is refused, replace that image in the Shopify description."));
  }

  const main = mapMainImages(product, input.uploadedImages);
  findings.push(...main.findings);

  findings.push(...checkCurrency(settings.shopifyCurrency, settings.tiktokCurrency, limits.currency, settings.region));

  const identities = mapSkuIdentities(product, settings.region, settings.salesAttributeNameOverrides, input.uploadedImages);
  findings.push(...identities.findings);
  if (identities.skus.length === 0) findings.push(blocking("VARIANTS_MISSING", "skus", "The product has no variants.", "Add at least one variant with a price in Shopify."));
  if (identities.skus.length > limits.skuMax) {
    findings.push(blocking("TOO_MANY_SKUS", "skus", `The product has ${identities.skus.length} variants; TikTok accepts ${limits.skuMax} in this market.`, `Split the product into products of at most ${limits.skuMax} variants, or remove variants you do not sell on TikTok.`, { tiktokErrorCode: "12052050" }));
  }

  const collectionHandles = product.collections.nodes.map((c) => c.handle);
  const decimals = currencyDecimals(settings.tiktokCurrency);
  const skus: TikTokSku[] = identities.skus.map((identity, i) => {
    const field = `skus[${i}]`;
    const label = identity.label;
    const priced = applyPriceRules({ price: identity.variant.price, compareAtPrice: identity.variant.compareAtPrice, collectionHandles }, priceRules, { currency: settings.tiktokCurrency, decimals, rangeMin: limits.priceMin, rangeMax: limits.priceMax }, field, label);
    findings.push(...priced.findings);
    const stock = computeSkuInventory(identity.variant, inventoryRules, field, label);
    findings.push(...stock.findings);
    const sku: TikTokSku = {
      seller_sku: identity.sellerSku,
      price: { amount: priced.price ?? "0", currency: settings.tiktokCurrency },
      inventory: stock.inventory,
      external_sku_id: identity.variant.id,
    };
    if (identity.salesAttributes) sku.sales_attributes = identity.salesAttributes;
    if (priced.compareAt) sku.external_list_prices = [{ source: "SHOPIFY_COMPARE_AT_PRICE", amount: priced.compareAt, currency: settings.tiktokCurrency }];
    if (identity.identifierCode) sku.identifier_code = identity.identifierCode;
    return sku;
  });

  const weightUnit = chooseWeightUnit(settings.weightUnit, limits);
  const weight = mapPackageWeight(product, weightUnit);
  findings.push(...weight.findings);

  const category = mapCategory(product, settings, limits);
  findings.push(...category.findings);
  const dimensionsRequired = limits.packageDimensionsRequired || category.requirements?.packageDimensionsRequired === true;
  const dimensions = mapPackageDimensions(product, weightUnit, settings.defaultPackageDimensionsByProductType, dimensionsRequired);
  findings.push(...dimensions.findings);

  // Compliance: claims in title, description and image alt text; supplement disclaimer; shipping/returns.
  const screened: ScreenedText[] = [
    { field: "title", text: product.title },
    { field: "description", text: product.descriptionHtml, html: true },
    ...main.altTexts,
    ...description.altTexts.map((text, i) => ({ field: `description.img[${i}].alt`, text })),
  ];
  findings.push(...screenClaims(screened));
  if (category.rule?.complianceProfile === "dietary_supplement") findings.push(...checkSupplementDisclaimer(product.descriptionHtml));
  findings.push(...checkShippingAndReturns(settings.policies));

  const body: TikTokListingBody = {
    save_mode: settings.saveMode,
    title: title.title,
    description: description.html,
    category_id: category.rule?.categoryId ?? "",
    category_version: category.rule?.categoryVersion ?? limits.categoryVersion,
    main_images: main.images.map((i) => ({ uri: i.reference })),
    skus,
    package_weight: weight.weight,
    external_product_id: product.id,
  };
  if (category.brandId) body.brand_id = category.brandId;
  if (dimensions.dimensions) body.package_dimensions = dimensions.dimensions;
  if (category.attributes.length > 0) body.product_attributes = category.attributes;

  // Last gate: any limit the body still breaks without a blocking finding on that field gets one.
  const blockedFields = findings.filter((f) => f.severity === "blocking").map((f) => normaliseField(f.field));
  for (const f of lintListingBody(body, limits, limits.skuMax)) {
    const field = normaliseField(f.field);
    if (!blockedFields.some((b) => b.startsWith(field) || field.startsWith(b))) {
      findings.push(f);
      blockedFields.push(field);
    }
  }

  const images = [...main.images, ...identities.images, ...description.images];
  return { body, findings, blocking: hasBlocking(findings), images, fingerprint: computeFingerprint(body, images) };
}
