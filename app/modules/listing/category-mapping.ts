// Category, product attributes and brand, from the merchant's mapping rules and TikTok's category rules.
import { blocking, warning, type Finding } from "./finding";
import { LIMITS_SOURCE, LISTING_LIMITS, type RegionListingLimits } from "./listing-limits";
import type { CategoryMappingRule, CategoryRequirements, ListingSettings } from "./listing-settings";
import type { ShopifyProduct } from "./shopify-product";
import type { TikTokProductAttribute } from "./tiktok-listing-body";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function findCategoryRule(product: ShopifyProduct, rules: readonly CategoryMappingRule[]): CategoryMappingRule | undefined {
  return rules.find(({ match }) => {
    if (match.productType !== undefined && !(product.productType.trim() !== "" && same(match.productType, product.productType))) return false;
    if (match.collectionHandle !== undefined && !product.collections.nodes.some((c) => same(c.handle, match.collectionHandle!))) return false;
    if (match.tag !== undefined && !product.tags.some((t) => same(t, match.tag!))) return false;
    if (match.shopifyCategoryId !== undefined && product.category?.id !== match.shopifyCategoryId) return false;
    if (match.productId !== undefined && product.id !== match.productId) return false;
    return match.productType !== undefined || match.collectionHandle !== undefined || match.tag !== undefined || match.shopifyCategoryId !== undefined || match.productId !== undefined;
  });
}

/** Metafield value → attribute values: JSON lists become several values. */
export function metafieldValues(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed)) return parsed.map((v) => String(v).trim()).filter((v) => v.length > 0);
    } catch {
      // not JSON after all: use it as text
    }
  }
  return trimmed.length > 0 ? [trimmed] : [];
}

export interface CategoryResult {
  rule: CategoryMappingRule | undefined;
  requirements: CategoryRequirements | undefined;
  attributes: TikTokProductAttribute[];
  brandId: string | undefined;
  findings: Finding[];
}

export function mapCategory(product: ShopifyProduct, settings: ListingSettings, limits: RegionListingLimits): CategoryResult {
  const findings: Finding[] = [];
  const rule = findCategoryRule(product, settings.categoryMapping);
  const attributes: TikTokProductAttribute[] = [];
  let requirements: CategoryRequirements | undefined;
  if (!rule) {
    findings.push(blocking("CATEGORY_UNMAPPED", "category_id", `No TikTok category is chosen for this product (product type "${product.productType || "none"}").`, `Map the product type "${product.productType || "(none)"}" or one of the product's collections to a TikTok category in the app's category settings.`, { tiktokErrorCode: "12019002" }));
  } else {
    if (rule.categoryVersion !== limits.categoryVersion) {
      findings.push(blocking("CATEGORY_VERSION_MISMATCH", "category_version", `The mapped category is from TikTok's ${rule.categoryVersion} category tree, but this market uses ${limits.categoryVersion}.`, `Pick the category again from the ${limits.categoryVersion} tree in the app's category settings.`, { tiktokErrorCode: "12052217", source: "TikTok Shop Partner Center: Get categories (category_version)" }));
    }
    requirements = settings.categoryRequirements.find((r) => r.categoryId === rule.categoryId);
    if (requirements?.permission === "PROHIBITED") {
      findings.push(blocking("CATEGORY_PROHIBITED", "category_id", "TikTok prohibits selling in the mapped category in this market.", "Choose another category, or do not list this product on TikTok.", { tiktokErrorCode: "12052220" }));
    } else if (requirements?.permission === "INVITE_ONLY") {
      findings.push(warning("CATEGORY_RESTRICTED", "category_id", "The mapped category is restricted: TikTok keeps listings pending until your shop is approved for it.", "Apply for the category in TikTok Seller Center (Qualifications), or pick an open category.", { tiktokErrorCode: "12052222" }));
    } else if (requirements?.permission === "NON_MAIN_CATEGORY") {
      findings.push(blocking("CATEGORY_NOT_MAIN", "category_id", "The mapped category is not one of your shop's main categories.", "Add the category to your shop in TikTok Seller Center, or pick one of your main categories.", { tiktokErrorCode: "12052227" }));
    }
    const sources = settings.attributeSources.filter((s) => s.categoryId === undefined || s.categoryId === rule.categoryId);
    for (const source of sources) {
      const mf = product.metafields.nodes.find((m) => m.namespace === source.metafield.namespace && m.key === source.metafield.key);
      const values = mf ? metafieldValues(mf.value) : [];
      if (values.length === 0) continue;
      const tooLong = values.find((v) => v.length > LISTING_LIMITS.productAttributeValueMax);
      if (tooLong) {
        findings.push(blocking("ATTRIBUTE_VALUE_TOO_LONG", `product_attributes.${source.attributeId}`, `The value of "${source.attributeName}" is ${tooLong.length} characters; TikTok allows ${LISTING_LIMITS.productAttributeValueMax}.`, `Shorten the metafield ${source.metafield.namespace}.${source.metafield.key} in Shopify.`, { tiktokErrorCode: "12019030", source: LIMITS_SOURCE }));
      }
      const existing = attributes.find((a) => a.id === source.attributeId);
      if (existing) continue;
      attributes.push({ id: source.attributeId, values: values.map((name) => ({ name })) });
    }
    for (const required of requirements?.requiredAttributes ?? []) {
      if (!attributes.some((a) => a.id === required.id)) {
        const source = sources.find((s) => s.attributeId === required.id);
        findings.push(blocking("REQUIRED_ATTRIBUTE_MISSING", `product_attributes.${required.id}`, `TikTok requires "${required.name}" for this category, and the product does not have it.`, source ? `Fill the metafield ${source.metafield.namespace}.${source.metafield.key} ("${required.name}") on the product in Shopify.` : `Choose which Shopify metafield holds "${required.name}" in the app's attribute settings, then fill it on the product.`, { tiktokErrorCode: "12019030" }));
      }
    }
    if (requirements?.certificationsRequired) {
      findings.push(blocking("CERTIFICATION_REQUIRED", "certifications", "TikTok requires a certificate (e.g. a lab test or registration) for products in this category.", "Upload the certificate for this product in TikTok Seller Center, or add it in the app before syncing.", { source: "TikTok Get Category Rules (product_certifications.is_required)" }));
    }
  }

  let brandId: string | undefined;
  if (settings.brand.mode === "fixed") brandId = settings.brand.brandId;
  if (settings.brand.mode === "by_vendor") {
    const map = settings.brand.brandIdByVendor;
    const key = Object.keys(map).find((k) => same(k, product.vendor));
    brandId = key ? map[key] : undefined;
    if (!brandId) {
      findings.push(warning("BRAND_NOT_MAPPED", "brand_id", `The vendor "${product.vendor || "(none)"}" is not mapped to a TikTok brand; the listing goes out without a brand.`, `Map the vendor "${product.vendor || "(none)"}" to a TikTok brand in the app's brand settings.`));
    }
  }
  return { rule, requirements, attributes, brandId, findings };
}
