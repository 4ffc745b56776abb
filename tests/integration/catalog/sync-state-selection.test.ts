// Choosing many products at once, on SQLite and PostgreSQL: chunked statements, the same outcome as one by one.
import { describe, expect, it } from "vitest";
import { createSyncStateRepository } from "../../../app/modules/catalog/sync-state-repository";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

describe.each(TEST_DATABASES)("choosing products in bulk on $name", (backend) => {
  const database = useMigratedDatabase(backend);

  it("selects 1,100 products (some already known) and unselects part of them, keeping what each row knew", async () => {
    const db = database();
    const shop = "bulk.myshopify.com";
    const ids = Array.from({ length: 1_100 }, (_, i) => `gid://shopify/Product/${i + 1}`);
    await db.catalogProduct.createMany({ data: ids.map((productId, i) => ({ shop, productId, handle: `p-${i}`, title: `Product ${i}`, status: "ACTIVE", shopifyUpdatedAt: new Date() })) });
    await db.productSync.createMany({ data: ids.slice(0, 300).map((productId) => ({ shop, productId, selected: false, state: "deactivated", tiktokProductId: `t-${productId}` })) });
    const state = createSyncStateRepository(db);

    expect(await state.setSelected(shop, ids, true, "manual")).toBe(1_100);
    const rows = await db.productSync.findMany({ where: { shop } });
    expect(rows).toHaveLength(1_100);
    expect(rows.every((r) => r.selected && r.selectedBy === "manual" && r.state === "queued")).toBe(true);
    expect(rows.filter((r) => r.tiktokProductId).length).toBe(300); // a known listing stays linked

    await state.setSelected(shop, ids.slice(200, 800), false, "manual");
    const after = await db.productSync.findMany({ where: { shop }, orderBy: { productId: "asc" } });
    const unselected = after.filter((r) => !r.selected);
    expect(unselected).toHaveLength(600);
    expect(unselected.every((r) => r.selectedBy === null && r.state === "queued")).toBe(true); // the sync job retires them
  });
});
