import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import type { TikTokProductBody } from "../../../app/integrations/tiktok/types/product";
import { eventually, pngBytes, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let categoryId: string;
let salesWarehouseId: string;
let productAttributes: TikTokProductBody["product_attributes"];
let imageUri: string;
let needsDimensions = false;
let color: { id: string; red: string; blue: string };

function productBody(overrides: Partial<TikTokProductBody> = {}): TikTokProductBody {
  return {
    title: "Ceramic coffee mug 12oz — speckled glaze",
    description: "<p>A sturdy <strong>ceramic</strong> mug.</p><ul><li>12 oz</li><li>Dishwasher safe</li></ul>",
    category_id: categoryId,
    category_version: "v2",
    main_images: [{ uri: imageUri }],
    skus: [
      { seller_sku: "MUG-12-RED", sales_attributes: [{ id: color.id, value_id: color.red }], price: { amount: "12.50", currency: "USD" },
        inventory: [{ warehouse_id: salesWarehouseId, quantity: 10 }], external_sku_id: "gid://shopify/ProductVariant/1" },
      { seller_sku: "MUG-12-BLUE", sales_attributes: [{ id: color.id, value_id: color.blue }], price: { amount: "13.00", currency: "USD" },
        inventory: [{ warehouse_id: salesWarehouseId, quantity: 5 }], external_sku_id: "gid://shopify/ProductVariant/2" },
    ],
    package_weight: { value: "0.5", unit: "KILOGRAM" },
    ...(needsDimensions ? { package_dimensions: { length: "12", width: "10", height: "10", unit: "CENTIMETER" } } : {}),
    product_attributes: productAttributes,
    external_product_id: "gid://shopify/Product/1",
    ...overrides,
  } as TikTokProductBody;
}

beforeAll(async () => {
  h = await startContractHarness();
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
});
afterAll(async () => h?.close());

describe("catalog endpoints against the simulator", () => {
  it("recommends a leaf category for a title, and the category tree contains it as an available leaf", async () => {
    const rec = await shop.catalog.recommendCategory({ product_title: "Ceramic coffee mug 12oz", category_version: "v2" });
    expect(rec.code).toBe(0);
    expect(rec.requestId).toMatch(/^\d{14}/);
    categoryId = rec.data.leaf_category_id;
    const cats = await shop.catalog.getCategories({ categoryVersion: "v2" });
    const leaf = cats.data.categories.find((c) => c.id === categoryId);
    expect(leaf).toMatchObject({ is_leaf: true });
    expect(leaf!.permission_statuses).toContain("AVAILABLE");
    expect(cats.data.categories.some((c) => c.parent_id === "0" && !c.is_leaf)).toBe(true);
  });

  it("reads attributes (with TikTok's is_requried spelling) and rules for the category", async () => {
    const attrs = await shop.catalog.getAttributes(categoryId, { categoryVersion: "v2" });
    expect(attrs.data.attributes.length).toBeGreaterThan(0);
    const required = attrs.data.attributes.filter((a) => a.type === "PRODUCT_PROPERTY" && a.is_requried);
    expect(required.length).toBeGreaterThan(0);
    const colorAttr = attrs.data.attributes.find((a) => a.type === "SALES_PROPERTY" && a.name === "Color");
    expect(colorAttr).toBeDefined();
    const valueId = (name: string) => colorAttr!.values.find((v) => v.name === name)!.id;
    color = { id: colorAttr!.id, red: valueId("Red"), blue: valueId("Blue") };
    productAttributes = required.map((a) => ({ id: a.id, values: a.values[0] ? [{ id: a.values[0].id }] : [{ name: "Stoneware" }] }));
    const rules = await shop.catalog.getCategoryRules(categoryId, { categoryVersion: "v2" });
    expect(rules.code).toBe(0);
    needsDimensions = rules.data.package_dimension?.is_required ?? false;
  });

  it("lists brands with paging and the listing prerequisites (202312)", async () => {
    const brands = await shop.catalog.getBrands({ pageSize: 10, categoryId });
    expect(Array.isArray(brands.data.brands)).toBe(true);
    const pre = await shop.catalog.getListingPrerequisites();
    expect(pre.data.check_results.length).toBeGreaterThan(0);
    expect(pre.data.check_results.every((r) => typeof r.is_failed === "boolean")).toBe(true);
  });

  it("reads warehouses, delivery options and shipping providers", async () => {
    const wh = await shop.logistics.getWarehouses();
    const sales = wh.data.warehouses.find((w) => w.type === "SALES_WAREHOUSE");
    expect(sales).toBeDefined();
    expect(wh.data.warehouses.some((w) => w.type === "RETURN_WAREHOUSE")).toBe(true);
    salesWarehouseId = sales!.id;
    const options = await shop.logistics.getDeliveryOptions(salesWarehouseId);
    expect(options.data.delivery_options.length).toBeGreaterThan(0);
    const providers = await shop.logistics.getShippingProviders(options.data.delivery_options[0]!.id);
    expect(Array.isArray(providers.data.shipping_providers)).toBe(true);
  });
});

describe("product endpoints against the simulator", () => {
  let productId: string;
  let skuIds: Record<string, string>;

  it("uploads a main image (multipart, unsigned body, no shop_cipher)", async () => {
    const res = await shop.products.uploadImage({ bytes: pngBytes(600, 600), fileName: "mug.png", mimeType: "image/png", useCase: "MAIN_IMAGE" });
    expect(res.data.uri).toMatch(/^tos-/);
    expect(res.data.width).toBe(600);
    imageUri = res.data.uri;
  });

  it("passes the listing check, then creates a product that goes PENDING → ACTIVATE", async () => {
    const check = await shop.products.listingCheck(productBody());
    expect(check.data.check_result).toBe("PASS");

    const created = await shop.products.create(productBody());
    productId = created.data.product_id;
    expect(productId).toMatch(/^\d{18,19}$/);
    skuIds = Object.fromEntries(created.data.skus.map((s) => [s.seller_sku!, s.id]));
    expect(Object.keys(skuIds).sort()).toEqual(["MUG-12-BLUE", "MUG-12-RED"]);

    const active = await eventually(async () => {
      const p = await shop.products.get(productId);
      return p.data.status === "ACTIVATE" ? p : undefined;
    }, "product review to finish");
    expect(active.data.title).toBe(productBody().title);
    // Read side uses sale_price, not amount (contract §4.3).
    expect(active.data.skus.find((s) => s.seller_sku === "MUG-12-RED")!.price).toMatchObject({ currency: "USD", sale_price: "12.50" });
  });

  it("the same idempotency_key returns the same product instead of a duplicate", async () => {
    // Custom sales attributes by name (the other form §4.2 accepts).
    const body = productBody({ idempotency_key: "same-key-1", skus: productBody().skus.map((s, i) => ({ ...s, seller_sku: `${s.seller_sku}-I`,
      sales_attributes: [{ name: "Glaze", value_name: i === 0 ? "Speckled" : "Matte" }] })) });
    const a = await shop.products.create(body);
    const b = await shop.products.create(body);
    expect(b.data.product_id).toBe(a.data.product_id);
  });

  it("searches with page tokens and iterates over every page", async () => {
    const page = await shop.products.search({ status: "ALL" }, { pageSize: 1 });
    expect(page.data.products).toHaveLength(1);
    expect(page.data.next_page_token).toBeTruthy();
    const all: string[] = [];
    for await (const p of shop.products.searchAll({ status: "ALL" }, 1)) all.push(p.id);
    expect(all).toContain(productId);
    expect(new Set(all).size).toBe(all.length);
    const bySku = await shop.products.search({ seller_skus: ["MUG-12-RED"] }, { pageSize: 10 });
    expect(bySku.data.products.map((p) => p.id)).toContain(productId);
  });

  it("updates inventory (0 allowed) and price without sending the product back to review", async () => {
    const inv = await shop.inventory.updateInventory(productId, { skus: [{ id: skuIds["MUG-12-RED"]!, inventory: [{ warehouse_id: salesWarehouseId, quantity: 0 }] }] });
    expect(inv.data.errors).toEqual([]);
    const price = await shop.inventory.updatePrice(productId, { skus: [{ id: skuIds["MUG-12-BLUE"]!, price: { amount: "14.00", currency: "USD" } }] });
    expect(price.code).toBe(0);
    const search = await shop.inventory.searchInventory({ product_ids: [productId] });
    const red = search.data.inventory[0]!.skus.find((s) => s.id === skuIds["MUG-12-RED"]);
    expect(red!.warehouse_inventory[0]).toMatchObject({ warehouse_id: salesWarehouseId, available_quantity: 0 });
    const p = await shop.products.get(productId);
    expect(p.data.status).toBe("ACTIVATE");
    expect(p.data.skus.find((s) => s.id === skuIds["MUG-12-BLUE"])!.price!.sale_price).toBe("14.00");
  });

  it("reports per-SKU inventory failures in data.errors (a warehouse the SKU is not stocked in) with code 0", async () => {
    const res = await shop.inventory.updateInventory(productId, { skus: [{ id: skuIds["MUG-12-RED"]!, inventory: [{ warehouse_id: "7068517275539719999", quantity: 3 }] }] });
    expect(res.code).toBe(0);
    expect(res.data.errors).toHaveLength(1);
    expect(res.data.errors[0]).toMatchObject({ code: expect.any(Number), detail: { sku_id: skuIds["MUG-12-RED"] } });
    expect(res.data.errors[0]!.message.length).toBeGreaterThan(0);
  });

  it("partial edit of the title and full edit keep SKU ids and send the product back to review", async () => {
    const partial = await shop.products.partialEdit(productId, { title: "Ceramic coffee mug 12oz — matte glaze" });
    expect(partial.data.product_id).toBe(productId);
    const edited = await shop.products.edit(productId, productBody({
      title: "Ceramic coffee mug 12oz — gloss glaze",
      skus: productBody().skus.map((s) => ({ ...s, id: skuIds[s.seller_sku!] })),
    }));
    expect(edited.data.product_id).toBe(productId);
    const p = await shop.products.get(productId);
    expect(["PENDING", "ACTIVATE"]).toContain(p.data.status);
    expect(p.data.skus.map((s) => s.id).sort()).toEqual(Object.values(skuIds).sort());
  });

  it("deactivates, activates, deletes and recovers", async () => {
    await eventually(async () => ((await shop.products.get(productId)).data.status === "ACTIVATE" ? true : undefined), "re-review");
    const off = await shop.products.deactivate([productId]);
    expect(off.data.errors).toEqual([]);
    expect((await shop.products.get(productId)).data.status).toBe("SELLER_DEACTIVATED");
    const on = await shop.products.activate([productId]);
    expect(on.data.errors).toEqual([]);
    await shop.products.deactivate([productId]);
    const del = await shop.products.delete([productId]);
    expect(del.data.errors).toEqual([]);
    const rec = await shop.products.recover([productId]);
    expect(rec.data.errors).toEqual([]);
    expect((await shop.products.get(productId)).data.status).toBe("SELLER_DEACTIVATED");
  });
});
