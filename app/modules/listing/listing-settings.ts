// What a merchant (or TikTok, for category rules) decides about listings, as plain data. The mapper reads
// nothing else: the same product with the same settings always gives the same listing.
import { regionLimits, type DimensionUnit, type TikTokRegion } from "./listing-limits";

export interface CategoryMatch {
  /** Shopify product type, compared case-insensitively. */
  productType?: string;
  collectionHandle?: string;
  tag?: string;
  /** Shopify Standard Product Taxonomy id, e.g. "gid://shopify/TaxonomyCategory/hb-1-9-6". */
  shopifyCategoryId?: string;
  /** One product (gid), for products with nothing else to match on (e.g. no product type). */
  productId?: string;
}

/** Which extra compliance checks apply to products in a category. */
export type ComplianceProfile = "general" | "dietary_supplement" | "cosmetic" | "pet_care";

export interface CategoryMappingRule {
  match: CategoryMatch;
  categoryId: string;
  categoryVersion: "v1" | "v2";
  complianceProfile?: ComplianceProfile;
  /** "tiktok" when the app chose the category from TikTok's recommendation (the merchant can change it). */
  suggestedBy?: "tiktok";
}

/** TikTok's rules for a category (Get Category Rules + Get Attributes), kept as data. */
export interface CategoryRequirements {
  categoryId: string;
  requiredAttributes: Array<{ id: string; name: string }>;
  packageDimensionsRequired: boolean;
  certificationsRequired: boolean;
  permission?: "AVAILABLE" | "INVITE_ONLY" | "NON_MAIN_CATEGORY" | "PROHIBITED";
}

/** A product attribute filled from a Shopify product metafield. */
export interface AttributeSource {
  /** Applies to every category when absent. */
  categoryId?: string;
  attributeId: string;
  attributeName: string;
  metafield: { namespace: string; key: string };
}

export type BrandSetting =
  | { mode: "none" }
  | { mode: "fixed"; brandId: string }
  | { mode: "by_vendor"; brandIdByVendor: Record<string, string> };

export interface PackageDimensions {
  length: string;
  width: string;
  height: string;
  unit: DimensionUnit;
}

export interface ListingSettings {
  region: TikTokRegion;
  /** Currency of the TikTok shop (what TikTok prices are in). */
  tiktokCurrency: string;
  /** Currency of the Shopify store (what Shopify prices are in). */
  shopifyCurrency: string;
  categoryMapping: CategoryMappingRule[];
  categoryRequirements: CategoryRequirements[];
  attributeSources: AttributeSource[];
  brand: BrandSetting;
  /** Keyed by Shopify product type (case-insensitive). */
  defaultPackageDimensionsByProductType: Record<string, PackageDimensions>;
  weightUnit: "KILOGRAM" | "POUND" | "GRAM";
  skuLimit: number;
  /** Emit only the old TikTok description whitelist (p img ul ol li br strong b i em u). */
  strictHtml: boolean;
  /** Rename Shopify option names that are too long or unclear for TikTok (e.g. "Constitutive ingredients" → "Ingredient"). */
  salesAttributeNameOverrides: Record<string, string>;
  /** null = not known yet (the TikTok shop is not linked or not checked). `checkedAt`: when TikTok was asked (ISO). */
  policies: { shippingTemplateConfigured: boolean | null; returnPolicyConfigured: boolean | null; checkedAt?: string };
  saveMode: "LISTING" | "AS_DRAFT";
}

export function defaultListingSettings(region: TikTokRegion): ListingSettings {
  const limits = regionLimits(region);
  return {
    region,
    tiktokCurrency: limits.currency,
    shopifyCurrency: limits.currency,
    categoryMapping: [],
    categoryRequirements: [],
    attributeSources: [],
    brand: { mode: "none" },
    defaultPackageDimensionsByProductType: {},
    weightUnit: region === "US" ? "POUND" : "KILOGRAM",
    skuLimit: limits.skuMax,
    strictHtml: true,
    salesAttributeNameOverrides: {},
    policies: { shippingTemplateConfigured: null, returnPolicyConfigured: null },
    saveMode: "LISTING",
  };
}
