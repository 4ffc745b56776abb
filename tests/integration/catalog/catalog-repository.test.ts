import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../app/db.server";
import { catalogFilterFromSearchParams, catalogFilterSchema } from "../../../app/modules/catalog/catalog-filter";
import { createCatalogRepository, type CatalogIndexFields } from "../../../app/modules/catalog/catalog-repository";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const shop = "catalog.myshopify.com";
const product = (n: number, overrides: Partial<CatalogIndexFields> = {}): CatalogIndexFields => ({
  productId: `gid://shopify/Product/${1000 + n}`,
  handle: `product-${n}`,
  title: `Product ${String(n).padStart(3, "0")}`,
  vendor: n % 2 ? "Acme" : "Globex",
  productType: n % 3 ? "Shirts" : "Mugs",
  status: n % 5 ? "ACTIVE" : "DRAFT",
  tags: n % 4 ? ["summer"] : ["winter", "sale"],
  imageUrl: null,
  variantCount: 2,
  skus: [`SKU-${n}`],
  shopifyUpdatedAt: new Date("2026-11-01T00:00:00Z"),
  ...overrides,
});
const filter = (over: Partial<ReturnType<typeof catalogFilterSchema.parse>> = {}) => ({ ...catalogFilterSchema.parse({}), ...over });

describe.each(TEST_DATABASES)("catalog repository on $name", (backend) => {
  let db: Database;
  let catalog: ReturnType<typeof createCatalogRepository>;

  const database = useMigratedDatabase(backend);
  beforeAll(async () => {
    db = database();
    catalog = createCatalogRepository(db);
    for (let n = 1; n <= 120; n++) await catalog.upsert(shop, product(n));
    await catalog.upsert("other.myshopify.com", product(1, { title: "Other shop's product" }));
  });

  it("drops stale updates and applies newer ones", async () => {
    const older = product(1, { title: "Old title", shopifyUpdatedAt: new Date("2026-10-01T00:00:00Z") });
    expect(await catalog.upsert(shop, older)).toBe("stale");
    expect(await catalog.upsert(shop, product(1, { title: "Product 001", shopifyUpdatedAt: new Date("2026-11-02T00:00:00Z") }))).toBe("updated");
    expect((await catalog.find(shop, product(1).productId))?.title).toBe("Product 001");
  });

  it("pages forwards and backwards with keyset cursors, only within the shop", async () => {
    const first = await catalog.page(shop, filter(), { pageSize: 50 });
    expect(first.total).toBe(120);
    expect(first.rows.map((r) => r.title).slice(0, 2)).toEqual(["Product 001", "Product 002"]);
    expect(first.previousCursor).toBeNull();
    const second = await catalog.page(shop, filter(), { pageSize: 50, after: first.nextCursor! });
    expect(second.rows[0]!.title).toBe("Product 051");
    const third = await catalog.page(shop, filter(), { pageSize: 50, after: second.nextCursor! });
    expect(third.rows).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
    const back = await catalog.page(shop, filter(), { pageSize: 50, before: third.previousCursor! });
    expect(back.rows.map((r) => r.title)).toEqual(second.rows.map((r) => r.title));
  });

  it("searches case-insensitively by title, handle, vendor and SKU, and filters", async () => {
    expect((await catalog.page(shop, filter({ query: "PRODUCT 01" }))).total).toBe(10);
    expect((await catalog.page(shop, filter({ query: "sku-7" }))).rows.map((r) => r.handle)).toContain("product-7");
    expect((await catalog.page(shop, filter({ vendor: "Acme" }))).total).toBe(60);
    expect((await catalog.page(shop, filter({ productType: "Mugs" }))).total).toBe(40);
    expect((await catalog.page(shop, filter({ status: ["DRAFT"] }))).total).toBe(24);
    expect((await catalog.page(shop, filter({ tag: "sale" }))).total).toBe(30);
    expect((await catalog.page(shop, filter({ tag: "sal" }))).total).toBe(0); // whole tags only
  });

  it("lists the ids of every product a filter matches, past any page size", async () => {
    const acme = await catalog.matchingProductIds(shop, filter({ vendor: "Acme" }));
    expect(acme).toHaveLength(60);
    expect(new Set(acme).size).toBe(60);
    expect(await catalog.matchingProductIds(shop, filter())).toHaveLength((await catalog.page(shop, filter())).total);
    await db.productSync.create({ data: { shop, productId: product(5).productId, selected: true, state: "live" } });
    expect(await catalog.matchingProductIds(shop, filter({ syncState: ["live"] }))).toEqual([product(5).productId]);
    await db.productSync.deleteMany({ where: { shop } });
  });

  it("filters by sync state, treating products never touched as not synced", async () => {
    await db.productSync.create({ data: { shop, productId: product(2).productId, selected: true, state: "live" } });
    await db.productSync.create({ data: { shop, productId: product(3).productId, selected: true, state: "rejected", blockingFindings: 2 } });
    expect((await catalog.page(shop, filter({ syncState: ["live"] }))).rows.map((r) => r.handle)).toEqual(["product-2"]);
    expect((await catalog.page(shop, filter({ syncState: ["not_synced"] }))).total).toBe(118);
    // A product chosen and then unchosen before it was listed is back to "not synced".
    await db.productSync.create({ data: { shop, productId: product(4).productId, selected: false, state: "not_synced" } });
    expect((await catalog.page(shop, filter({ syncState: ["not_synced"] }))).total).toBe(118);
    expect((await catalog.page(shop, filter({ syncState: ["not_synced", "live"] }))).total).toBe(119);
    const rejected = (await catalog.page(shop, filter({ syncState: ["rejected", "live"] }))).rows;
    expect(rejected.map((r) => [r.handle, r.syncState, r.selected])).toEqual([["product-2", "live", true], ["product-3", "rejected", true]]);
  });

  it("hides deleted products and lists facets", async () => {
    expect(await catalog.markDeleted(shop, product(120).productId, new Date())).toBe(true);
    expect((await catalog.page(shop, filter())).total).toBe(119);
    expect(await catalog.facets(shop)).toEqual({ vendors: ["Acme", "Globex"], productTypes: ["Mugs", "Shirts"] });
  });

  it("reads filters from the URL and ignores hand-edited nonsense", () => {
    expect(catalogFilterFromSearchParams(new URLSearchParams("query=mug&status=ACTIVE,DRAFT&syncState=live"))).toMatchObject({ query: "mug", status: ["ACTIVE", "DRAFT"], syncState: ["live"] });
    expect(catalogFilterFromSearchParams(new URLSearchParams("status=BOGUS"))).toEqual(catalogFilterSchema.parse({}));
  });
});
