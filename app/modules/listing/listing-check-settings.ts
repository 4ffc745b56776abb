// Settings file of `npm run listing:check -- --settings file.json`, validated at the boundary.
import { z } from "zod";
import { defaultInventoryRules, type InventoryRules } from "../inventory/inventory-rules";
import { defaultPriceRules, type PriceRules } from "../pricing/price-rules";
import { TIKTOK_REGIONS } from "./listing-limits";
import { defaultListingSettings, type ListingSettings } from "./listing-settings";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const adjustment = z.union([z.object({ kind: z.literal("none") }), z.object({ kind: z.literal("percent"), percent: decimal }), z.object({ kind: z.literal("fixed"), amount: decimal })]);
const rounding = z.union([z.object({ kind: z.literal("none") }), z.object({ kind: z.literal("whole") }), z.object({ kind: z.literal("ending"), ending: decimal })]);
const dims = z.object({ length: decimal, width: decimal, height: decimal, unit: z.enum(["CENTIMETER", "INCH"]) });

const schema = z.object({
  listing: z
    .object({
      region: z.enum(TIKTOK_REGIONS),
      tiktokCurrency: z.string(),
      shopifyCurrency: z.string(),
      categoryMapping: z.array(z.object({ match: z.object({ productType: z.string().optional(), collectionHandle: z.string().optional(), tag: z.string().optional(), shopifyCategoryId: z.string().optional(), productId: z.string().optional() }), categoryId: z.string(), categoryVersion: z.enum(["v1", "v2"]), complianceProfile: z.enum(["general", "dietary_supplement", "cosmetic", "pet_care"]).optional(), suggestedBy: z.literal("tiktok").optional() })),
      categoryRequirements: z.array(z.object({ categoryId: z.string(), requiredAttributes: z.array(z.object({ id: z.string(), name: z.string() })), packageDimensionsRequired: z.boolean(), certificationsRequired: z.boolean(), permission: z.enum(["AVAILABLE", "INVITE_ONLY", "NON_MAIN_CATEGORY", "PROHIBITED"]).optional() })),
      attributeSources: z.array(z.object({ categoryId: z.string().optional(), attributeId: z.string(), attributeName: z.string(), metafield: z.object({ namespace: z.string(), key: z.string() }) })),
      brand: z.union([z.object({ mode: z.literal("none") }), z.object({ mode: z.literal("fixed"), brandId: z.string() }), z.object({ mode: z.literal("by_vendor"), brandIdByVendor: z.record(z.string(), z.string()) })]),
      defaultPackageDimensionsByProductType: z.record(z.string(), dims),
      weightUnit: z.enum(["KILOGRAM", "POUND", "GRAM"]),
      skuLimit: z.number().int().positive(),
      strictHtml: z.boolean(),
      salesAttributeNameOverrides: z.record(z.string(), z.string()),
      policies: z.object({ shippingTemplateConfigured: z.boolean().nullable(), returnPolicyConfigured: z.boolean().nullable(), checkedAt: z.string().optional() }),
      saveMode: z.enum(["LISTING", "AS_DRAFT"]),
    })
    .partial()
    .optional(),
  price: z.object({ adjustment, rounding, compareAt: z.enum(["keep", "adjust", "drop"]), collectionOverrides: z.array(z.object({ collectionHandle: z.string(), adjustment, rounding: rounding.optional() })), minimum: decimal.nullable(), maximum: decimal.nullable() }).partial().optional(),
  inventory: z
    .object({
      locationWarehouses: z.array(z.object({ locationId: z.string(), warehouseId: z.string() })),
      defaultWarehouseId: z.string().nullable(),
      mode: z.enum(["sum", "per_warehouse"]),
      buffer: z.union([z.object({ kind: z.literal("none") }), z.object({ kind: z.literal("fixed"), units: z.number().int().nonnegative() }), z.object({ kind: z.literal("percent"), percent: z.number().nonnegative().max(100) })]),
      outOfStockThreshold: z.number().int().nonnegative(),
      untrackedQuantity: z.number().int().nonnegative().max(99_999),
      continueSelling: z.enum(["stock", "fixed"]),
      continueSellingQuantity: z.number().int().nonnegative().max(99_999),
    })
    .partial()
    .optional(),
});

export interface ListingCheckSettings {
  listing: ListingSettings;
  price: PriceRules;
  inventory: InventoryRules;
}

/** Parses a settings document; missing parts take the defaults for its region (US when absent). */
export function parseListingCheckSettings(json: unknown): ListingCheckSettings {
  const parsed = schema.parse(json);
  const region = parsed.listing?.region ?? "US";
  return {
    listing: { ...defaultListingSettings(region), ...(parsed.listing ?? {}) } as ListingSettings,
    price: { ...defaultPriceRules(), ...(parsed.price ?? {}) } as PriceRules,
    inventory: { ...defaultInventoryRules(), ...(parsed.inventory ?? {}) } as InventoryRules,
  };
}
