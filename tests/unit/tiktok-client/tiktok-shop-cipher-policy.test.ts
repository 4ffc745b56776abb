import { describe, expect, it } from "vitest";
import { isShopCipherForbidden } from "../../../app/integrations/tiktok/tiktok-shop-cipher-policy";

describe("shop_cipher policy (contract §1.1)", () => {
  it.each([
    ["GET", "/authorization/202309/shops"],
    ["GET", "/seller/202309/shops"],
    ["GET", "/seller/202309/permissions"],
    ["POST", "/product/202309/images/upload"],
    ["POST", "/product/202309/files/upload"],
    ["POST", "/product/202309/brands"],
    ["POST", "/product/202309/global_products"],
    ["GET", "/product/202309/global_categories"],
    ["GET", "/product/202309/categories/600001/global_attributes"],
    ["POST", "/product/202409/compliance/manufacturers"],
    ["GET", "/logistics/202309/global_warehouses"],
  ])("%s %s must not carry shop_cipher", (method, path) => {
    expect(isShopCipherForbidden(method, path)).toBe(true);
  });

  it.each([
    ["GET", "/product/202309/brands"],
    ["POST", "/product/202309/products"],
    ["GET", "/product/202312/prerequisites"],
    ["GET", "/logistics/202309/warehouses"],
    ["GET", "/order/202309/orders"],
    ["PUT", "/event/202309/webhooks"],
    ["DELETE", "/authorization/202403/shops"],
    ["GET", "/analytics/202405/shop/performance"],
  ])("%s %s takes shop_cipher", (method, path) => {
    expect(isShopCipherForbidden(method, path)).toBe(false);
  });
});
