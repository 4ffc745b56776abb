// Variants → TikTok SKUs: sales attributes from options, seller SKU, barcode and SKU image.
import { createHash } from "node:crypto";
import { blocking, warning, type Finding } from "./finding";
import { identifierCodeFor } from "./identifier-code";
import { resolveImage, type ImageRef, type UploadedImages } from "./image-refs";
import { LIMITS_SOURCE, LISTING_LIMITS } from "./listing-limits";
import type { ShopifyProduct, ShopifyVariant } from "./shopify-product";
import type { TikTokSalesAttribute } from "./tiktok-listing-body";
import { variantLabel } from "./variant-label";

export interface SkuIdentity {
  variant: ShopifyVariant;
  label: string;
  sellerSku: string;
  salesAttributes: TikTokSalesAttribute[] | undefined;
  identifierCode: { code: string; type: "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN" } | undefined;
}

const DEFAULT_OPTION = (o: { name: string; value: string }) => o.name === "Title" && o.value === "Default Title";

/** Stable seller SKU for a variant without a usable one: from the numeric Shopify id, else a hash of product handle and options. */
export function generatedSellerSku(product: Pick<ShopifyProduct, "handle">, variant: ShopifyVariant): string {
  const numeric = /\/(\d+)$/.exec(variant.id)?.[1];
  if (numeric) return `SV-${numeric}`;
  const seed = `${product.handle}|${variant.selectedOptions.map((o) => `${o.name}=${o.value}`).join("|")}`;
  return `SV-${createHash("sha256").update(seed).digest("hex").slice(0, 12).toUpperCase()}`;
}

export function isValidSellerSku(sku: string): boolean {
  return sku.length >= 1 && sku.length <= LISTING_LIMITS.sellerSkuMax && !/\s/.test(sku);
}

export function mapSkuIdentities(product: ShopifyProduct, region: string, nameOverrides: Record<string, string>, uploads: UploadedImages | undefined): { skus: SkuIdentity[]; images: ImageRef[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const images: ImageRef[] = [];
  const variants = [...product.variants.nodes].sort((a, b) => a.position - b.position);
  const multi = variants.length > 1;
  const usedSkus = new Set<string>();
  const usedBarcodes = new Set<string>();
  const reportedNames = new Set<string>();
  const combos = new Set<string>();

  const skus = variants.map((variant, i) => {
    const field = `skus[${i}]`;
    const label = variantLabel(product, variant);

    // Seller SKU
    const raw = (variant.sku ?? "").trim();
    let sellerSku = raw;
    if (raw === "") {
      sellerSku = generatedSellerSku(product, variant);
      findings.push(warning("SELLER_SKU_GENERATED", `${field}.seller_sku`, `${capitalise(label)} has no SKU in Shopify; TikTok will use the generated SKU ${sellerSku}.`, `Add a SKU to ${label} in Shopify if you want the same SKU on TikTok.`));
    } else if (!isValidSellerSku(raw)) {
      sellerSku = generatedSellerSku(product, variant);
      findings.push(warning("SELLER_SKU_REPLACED", `${field}.seller_sku`, `The SKU "${raw}" of ${label} ${raw.length > LISTING_LIMITS.sellerSkuMax ? `is longer than ${LISTING_LIMITS.sellerSkuMax} characters` : "contains spaces"}, which TikTok refuses; ${sellerSku} is used instead.`, `Change the SKU of ${label} in Shopify to at most ${LISTING_LIMITS.sellerSkuMax} characters without spaces.`, { tiktokErrorCode: "12052054", source: LIMITS_SOURCE }));
    } else if (usedSkus.has(raw)) {
      sellerSku = generatedSellerSku(product, variant);
      findings.push(warning("SELLER_SKU_DUPLICATE", `${field}.seller_sku`, `The SKU "${raw}" of ${label} is already used by another variant of this product; ${sellerSku} is used instead.`, `Give ${label} its own SKU in Shopify.`));
    }
    usedSkus.add(sellerSku);

    // Sales attributes
    let salesAttributes: TikTokSalesAttribute[] | undefined;
    const options = variant.selectedOptions.filter((o) => !DEFAULT_OPTION(o));
    if (multi) {
      if (options.length === 0) {
        findings.push(blocking("SALES_ATTRIBUTES_MISSING", `${field}.sales_attributes`, "The product has several variants but no options to tell them apart.", "Give the product options (e.g. Size, Color) in Shopify.", { tiktokErrorCode: "12019117" }));
      }
      salesAttributes = options.slice(0, LISTING_LIMITS.salesAttributesMax).map((o) => {
        const name = nameOverrides[o.name] ?? o.name;
        if ([...name].length > LISTING_LIMITS.salesAttributeNameMax && !reportedNames.has(name)) {
          reportedNames.add(name);
          findings.push(blocking("SALES_ATTRIBUTE_NAME_TOO_LONG", `${field}.sales_attributes`, `The option name "${name}" has ${[...name].length} characters; TikTok allows ${LISTING_LIMITS.salesAttributeNameMax}.`, `Rename the option "${name}" to at most ${LISTING_LIMITS.salesAttributeNameMax} characters in Shopify, or set a shorter TikTok name for it in the app settings.`, { source: LIMITS_SOURCE }));
        }
        if ([...o.value].length > LISTING_LIMITS.salesAttributeValueMax) {
          findings.push(blocking("SALES_ATTRIBUTE_VALUE_TOO_LONG", `${field}.sales_attributes`, `The option value "${o.value}" of ${label} has ${[...o.value].length} characters; TikTok allows ${LISTING_LIMITS.salesAttributeValueMax}.`, `Shorten the option value to at most ${LISTING_LIMITS.salesAttributeValueMax} characters in Shopify.`, { source: LIMITS_SOURCE }));
        }
        if (o.value.trim().length === 0) {
          findings.push(blocking("SALES_ATTRIBUTE_VALUE_MISSING", `${field}.sales_attributes`, `${capitalise(label)} has an empty value for the option "${o.name}".`, `Give ${label} a value for "${o.name}" in Shopify.`));
        }
        return { name, value_name: o.value } as TikTokSalesAttribute;
      });
      const combo = JSON.stringify(salesAttributes.map((a) => [a.name, a.value_name]));
      if (combos.has(combo)) {
        findings.push(blocking("SALES_ATTRIBUTES_DUPLICATE", `${field}.sales_attributes`, `${capitalise(label)} has the same option values as another variant.`, "Make every variant's option values unique in Shopify."));
      }
      combos.add(combo);
      // Variant image → SKU image on the first attribute (TikTok: only one attribute may carry images).
      const variantImage = variant.media.nodes.find((m) => m.image?.url)?.image;
      if (variantImage && salesAttributes[0]) {
        const ref = resolveImage(uploads, "ATTRIBUTE_IMAGE", variantImage.url);
        images.push(ref);
        salesAttributes[0].sku_img = { uri: ref.reference };
      }
    }

    // Identifier code
    let identifierCode: SkuIdentity["identifierCode"];
    const barcode = (variant.barcode ?? "").trim();
    if (barcode) {
      const code = identifierCodeFor(barcode, region);
      if (!code) {
        findings.push(warning("BARCODE_INVALID", `${field}.identifier_code`, `The barcode "${barcode}" of ${label} is not a valid GTIN/EAN/UPC/ISBN (wrong length or check digit); it is not sent.`, `Correct the barcode of ${label} in Shopify (8, 12, 13 or 14 digits with a valid check digit).`, { source: LIMITS_SOURCE }));
      } else if (usedBarcodes.has(code.code)) {
        findings.push(warning("BARCODE_DUPLICATE", `${field}.identifier_code`, `The barcode ${code.code} of ${label} is also used by another variant; TikTok needs one per SKU, so it is not sent for this one.`, `Give ${label} its own barcode in Shopify.`, { source: LIMITS_SOURCE }));
      } else {
        usedBarcodes.add(code.code);
        identifierCode = code;
      }
    }
    return { variant, label, sellerSku, salesAttributes, identifierCode };
  });
  return { skus, images, findings };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
