import { parse, TypeInfo, validate, visit, visitWithTypeInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { PRODUCT_FOR_LISTING_QUERY } from "../../../app/integrations/shopify/product.graphql";
import { loadAdminSchema } from "../../support/admin-schema";

function deprecatedFields(document: string): string[] {
  const schema = loadAdminSchema();
  const typeInfo = new TypeInfo(schema);
  const found: string[] = [];
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        if (field?.deprecationReason) found.push(`${typeInfo.getParentType()?.name}.${field.name}`);
      },
      Argument() {
        const arg = typeInfo.getArgument();
        if (arg?.deprecationReason) found.push(`argument ${arg.name}`);
      },
    }),
  );
  return found;
}

describe("productForListing query against the Admin 2026-10 schema", () => {
  it("validates", () => {
    const errors = validate(loadAdminSchema(), parse(PRODUCT_FOR_LISTING_QUERY));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("uses no deprecated field or argument", () => {
    expect(deprecatedFields(PRODUCT_FOR_LISTING_QUERY)).toEqual([]);
  });

  it("a deliberately deprecated field is caught by the same check (the test can fail)", () => {
    const bad = `query { product(id: "gid://shopify/Product/1") { images(first: 1) { nodes { url } } } }`;
    expect(validate(loadAdminSchema(), parse(bad))).toEqual([]);
    expect(deprecatedFields(bad)).toEqual(["Product.images"]);
  });

  it("keeps connection sizes explicit", () => {
    expect(PRODUCT_FOR_LISTING_QUERY).toMatch(/variants\(first: \$variants\)/);
    expect(PRODUCT_FOR_LISTING_QUERY).toMatch(/\$variants: Int = 100/);
    expect(PRODUCT_FOR_LISTING_QUERY).toMatch(/media\(first: 20\)/);
  });
});
