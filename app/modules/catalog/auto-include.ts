// Rules that choose new products for TikTok without the merchant: "every new product of vendor X / type Y /
// with tag Z". Checked when Shopify announces a new product (products/create).
import { z } from "zod";

export const autoIncludeRuleSchema = z.object({
  field: z.enum(["vendor", "productType", "tag"]),
  value: z.string().trim().min(1, "Enter the value new products must have"),
});
export type AutoIncludeRule = z.infer<typeof autoIncludeRuleSchema>;

export function parseAutoIncludeRules(json: string): AutoIncludeRule[] {
  const parsed = z.array(autoIncludeRuleSchema).safeParse(JSON.parse(json || "[]"));
  return parsed.success ? parsed.data : [];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The first rule the product matches, if any (case-insensitive, whole values). */
export function matchingAutoIncludeRule(rules: readonly AutoIncludeRule[], product: { vendor: string; productType: string; tags: readonly string[] }): AutoIncludeRule | undefined {
  return rules.find((rule) =>
    rule.field === "vendor" ? same(product.vendor, rule.value) : rule.field === "productType" ? same(product.productType, rule.value) : product.tags.some((t) => same(t, rule.value)),
  );
}

export const describeRule = (rule: AutoIncludeRule) => `${rule.field === "productType" ? "type" : rule.field}:${rule.value}`;
