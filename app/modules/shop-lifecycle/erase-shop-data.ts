// shop/redact: 48 hours after a store uninstalls the app, Shopify asks for everything the app holds about
// it to be erased (a mandatory compliance webhook). Every table keyed by the store goes, in one
// transaction; data keyed by a linked TikTok shop (its webhooks, cached image uploads) goes too unless
// another store still links that TikTok shop. tests/integration/shop-lifecycle checks every model with a
// `shop` column is covered, so a new table cannot be forgotten.
import type { Database } from "../../db.server";

export async function eraseShopData(db: Database, shop: string): Promise<Record<string, number>> {
  const linked = (await db.tikTokShopLink.findMany({ where: { shop }, select: { tiktokShopId: true } })).map((l) => l.tiktokShopId);
  const sharedWithOthers = new Set((await db.tikTokShopLink.findMany({ where: { tiktokShopId: { in: linked }, shop: { not: shop } }, select: { tiktokShopId: true } })).map((l) => l.tiktokShopId));
  const tiktokShops = linked.filter((id) => !sharedWithOthers.has(id));
  const byShop = { where: { shop } };
  const results = await db.$transaction([
    db.session.deleteMany(byShop),
    db.webhookDelivery.deleteMany({ where: { shop: { in: [shop, ...tiktokShops.map((id) => `tiktok:${id}`)] } } }),
    db.job.deleteMany(byShop),
    db.tikTokShopLink.deleteMany(byShop),
    db.productSync.deleteMany(byShop), // before the catalog rows it cascades from, so it is counted
    db.catalogProduct.deleteMany(byShop),
    db.skuLink.deleteMany(byShop),
    db.syncEvent.deleteMany(byShop),
    db.storeSettings.deleteMany(byShop),
    db.syncRun.deleteMany(byShop),
    db.stockLevel.deleteMany(byShop),
    db.readinessAttestation.deleteMany(byShop),
    db.tikTokOrder.deleteMany(byShop),
    db.orderEvent.deleteMany(byShop),
    db.orderPollCursor.deleteMany(byShop),
    db.tikTokStatement.deleteMany(byShop),
    db.tikTokSettlementTransaction.deleteMany(byShop),
    db.tikTokPayout.deleteMany(byShop),
    db.financeSyncCursor.deleteMany(byShop),
    db.imageUpload.deleteMany({ where: { tiktokShopId: { in: tiktokShops } } }),
  ]);
  const names = ["Session", "WebhookDelivery", "Job", "TikTokShopLink", "ProductSync", "CatalogProduct", "SkuLink", "SyncEvent", "StoreSettings", "SyncRun", "StockLevel", "ReadinessAttestation", "TikTokOrder", "OrderEvent", "OrderPollCursor", "TikTokStatement", "TikTokSettlementTransaction", "TikTokPayout", "FinanceSyncCursor", "ImageUpload"];
  return Object.fromEntries(names.map((name, i) => [name, results[i]!.count]));
}
