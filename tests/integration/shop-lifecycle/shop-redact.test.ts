// shop/redact erases everything the app holds about a store — every table keyed by `shop` — and nothing of
// any other store. Both databases.
import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { processedWebhookTopics } from "../../../app/app-context.server";
import type { Database } from "../../../app/db.server";
import { eraseShopData } from "../../../app/modules/shop-lifecycle/erase-shop-data";
import { TEST_DATABASES, useMigratedDatabase } from "../../support/test-databases";

const now = new Date();

async function seedStore(db: Database, shop: string, tiktokShopId: string) {
  await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_x" } });
  await db.webhookDelivery.create({ data: { source: "shopify", deliveryId: `${shop}-1`, shop, topic: "products/update", payload: "{}" } });
  await db.webhookDelivery.create({ data: { source: "tiktok", deliveryId: `${shop}-2`, shop: `tiktok:${tiktokShopId}`, topic: "PRODUCT_STATUS_CHANGE", payload: "{}" } });
  await db.job.create({ data: { shop, type: "product.sync", payload: "{}" } });
  await db.tikTokShopLink.create({ data: { shop, tiktokShopId, tiktokShopName: "Shop", region: "US", shopCipher: "c", accessTokenEncrypted: "x", refreshTokenEncrypted: "y", accessTokenExpiresAt: now, authorizationExpiresAt: now } });
  await db.catalogProduct.create({ data: { shop, productId: "gid://shopify/Product/1", handle: "h", title: "T", status: "ACTIVE", shopifyUpdatedAt: now } });
  await db.productSync.create({ data: { shop, productId: "gid://shopify/Product/1" } });
  await db.skuLink.create({ data: { shop, productId: "gid://shopify/Product/1", variantId: "v1", sellerSku: "S", tiktokProductId: "t1", tiktokSkuId: "ts1" } });
  await db.syncEvent.create({ data: { shop, productId: "gid://shopify/Product/1", trigger: "initial-sync", action: "create", outcome: "ok", summary: "s" } });
  await db.storeSettings.create({ data: { shop } });
  await db.syncRun.create({ data: { shop, kind: "initial-sync" } });
  await db.stockLevel.create({ data: { shop, inventoryItemId: "i1", locationId: "l1", available: 1, shopifyUpdatedAt: now } });
  await db.readinessAttestation.create({ data: { shop, kind: "age_18_plus", attestedBy: "owner@example.com", textVersion: "1", text: "I am 18+" } });
  await db.tikTokOrder.create({ data: { shop, tiktokShopId, tiktokOrderId: `o-${shop}`, tiktokStatus: "AWAITING_SHIPMENT", tiktokUpdatedAt: now, placedAt: now, currency: "USD", buyerPaid: "1.00" } });
  await db.orderEvent.create({ data: { shop, tiktokOrderId: `o-${shop}`, action: "import", outcome: "ok", summary: "s" } });
  await db.orderPollCursor.create({ data: { shop, tiktokShopId, updatedFrom: 0 } });
  await db.imageUpload.create({ data: { tiktokShopId, sourceUrl: `https://cdn/${shop}.jpg`, useCase: "MAIN_IMAGE", uri: "u", url: "u" } });
  await db.tikTokStatement.create({ data: { shop, tiktokShopId, statementId: `st-${shop}`, statementTime: now, currency: "USD", settlementAmount: "1.00" } });
  await db.tikTokSettlementTransaction.create({ data: { shop, tiktokShopId, kind: "settled", transactionId: `tx-${shop}`, type: "ORDER", currency: "USD", settlementAmount: "1.00" } });
  await db.tikTokPayout.create({ data: { shop, tiktokShopId, paymentId: `pay-${shop}`, initiatedAt: now, status: "PAID", currency: "USD", amount: "1.00" } });
  await db.financeSyncCursor.create({ data: { shop, tiktokShopId, statementTimeFrom: 0 } });
}

describe.each(TEST_DATABASES)("$name", (backend) => {
  const database = useMigratedDatabase(backend);
  let db: Database;

  beforeAll(async () => {
    db = database();
    await seedStore(db, "gone.myshopify.com", "tt-gone");
    await seedStore(db, "stays.myshopify.com", "tt-stays");
  });

  it("erases every table keyed by the store, and the TikTok-shop data only that store used", async () => {
    const erased = await eraseShopData(db, "gone.myshopify.com");
    const modelsWithShop = Prisma.dmmf.datamodel.models.filter((m) => m.fields.some((f) => f.name === "shop")).map((m) => m.name);
    for (const model of [...modelsWithShop, "ImageUpload"]) expect(erased[model], `${model} erased`).toBeGreaterThanOrEqual(1);
    expect(erased.WebhookDelivery).toBe(2); // the store's and its TikTok shop's

    const left = (shop: string, tiktokShopId: string) => Promise.all([
      db.session.count({ where: { shop } }), db.webhookDelivery.count({ where: { shop: { in: [shop, `tiktok:${tiktokShopId}`] } } }), db.job.count({ where: { shop } }),
      db.tikTokShopLink.count({ where: { shop } }), db.catalogProduct.count({ where: { shop } }), db.productSync.count({ where: { shop } }),
      db.skuLink.count({ where: { shop } }), db.syncEvent.count({ where: { shop } }), db.storeSettings.count({ where: { shop } }),
      db.syncRun.count({ where: { shop } }), db.stockLevel.count({ where: { shop } }), db.readinessAttestation.count({ where: { shop } }),
      db.imageUpload.count({ where: { tiktokShopId } }),
    ]);
    expect(await left("gone.myshopify.com", "tt-gone")).toEqual(new Array(13).fill(0));
    expect(await left("stays.myshopify.com", "tt-stays")).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("keeps a TikTok shop's data while another store still links that TikTok shop", async () => {
    await seedStore(db, "second.myshopify.com", "tt-stays"); // the same TikTok shop linked from two stores
    await eraseShopData(db, "second.myshopify.com");
    expect(await db.imageUpload.count({ where: { tiktokShopId: "tt-stays" } })).toBe(2); // both stores' uploads stay
    expect(await db.webhookDelivery.count({ where: { shop: "tiktok:tt-stays" } })).toBe(2);
    expect(await db.tikTokShopLink.count({ where: { shop: "stays.myshopify.com" } })).toBe(1);
  });
});

describe("compliance webhooks", () => {
  it("has a processor for each mandatory compliance topic", () => {
    for (const topic of ["shop/redact", "customers/redact", "customers/data_request"]) expect(processedWebhookTopics.has(`shopify:${topic}`)).toBe(true);
  });
});
