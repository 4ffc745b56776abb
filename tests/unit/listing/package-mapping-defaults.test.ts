import { describe, expect, it } from "vitest";
import { ANY_PRODUCT_TYPE, mapPackageDimensions } from "../../../app/modules/listing/package-mapping";
import type { ShopifyProduct } from "../../../app/modules/listing/shopify-product";

const product = (productType: string) => ({ productType, packageLength: null, packageWidth: null, packageHeight: null }) as unknown as ShopifyProduct;
const dims = (n: string) => ({ length: n, width: n, height: n, unit: "CENTIMETER" as const });

describe("default package dimensions", () => {
  it("uses the product type's default first, then the store-wide default", () => {
    const defaults = { Mugs: dims("12"), [ANY_PRODUCT_TYPE]: dims("30") };
    expect(mapPackageDimensions(product("mugs"), "KILOGRAM", defaults, true).dimensions?.length).toBe("12");
    expect(mapPackageDimensions(product(""), "KILOGRAM", defaults, true).dimensions?.length).toBe("30");
    expect(mapPackageDimensions(product("Shirts"), "KILOGRAM", defaults, true).dimensions?.length).toBe("30");
  });

  it("is a blocking finding with the fix when neither exists", () => {
    const result = mapPackageDimensions(product(""), "KILOGRAM", {}, true);
    expect(result.dimensions).toBeUndefined();
    expect(result.findings).toEqual([expect.objectContaining({ code: "PACKAGE_DIMENSIONS_MISSING", severity: "blocking", fix: expect.stringContaining("products without a type") })]);
  });
});
