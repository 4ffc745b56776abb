// Rules that choose new products for TikTok without the merchant: "every new product of vendor X / type Y /
// with tag Z / in collection C". A product counts as new for a day after Shopify created it, so a tag or a
// collection added just after creating it still counts; a product the merchant (or a rule) already decided
// about is never chosen again by a rule — unselecting it is remembered.
import { z } from "zod";

export const autoIncludeRuleSchema = z.object({
  field: z.enum(["vendor", "productType", "tag", "collection"]),
  value: z.string().trim().min(1, "Enter the value new products must have"),
});
export type AutoIncludeRule = z.infer<typeof autoIncludeRuleSchema>;

/** How long after its creation a product is still "new" for the rules. */
export const NEW_PRODUCT_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface AutoIncludeCandidate {
  vendor: string;
  productType: string;
  tags: readonly string[];
  /** Only needed (and only read from Shopify) when a rule is about collections. */
  collections?: ReadonlyArray<{ handle: string; title: string }>;
}

export function parseAutoIncludeRules(json: string): AutoIncludeRule[] {
  const parsed = z.array(autoIncludeRuleSchema).safeParse(JSON.parse(json || "[]"));
  return parsed.success ? parsed.data : [];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const rulesNeedCollections = (rules: readonly AutoIncludeRule[]) => rules.some((r) => r.field === "collection");

/** The first rule the product matches, if any (case-insensitive, whole values; a collection by title or handle). */
export function matchingAutoIncludeRule(rules: readonly AutoIncludeRule[], product: AutoIncludeCandidate): AutoIncludeRule | undefined {
  return rules.find((rule) => {
    switch (rule.field) {
      case "vendor":
        return same(product.vendor, rule.value);
      case "productType":
        return same(product.productType, rule.value);
      case "tag":
        return product.tags.some((t) => same(t, rule.value));
      case "collection":
        return (product.collections ?? []).some((c) => same(c.title, rule.value) || same(c.handle, rule.value));
    }
  });
}

export const describeRule = (rule: AutoIncludeRule) => `${rule.field === "productType" ? "type" : rule.field}:${rule.value}`;
