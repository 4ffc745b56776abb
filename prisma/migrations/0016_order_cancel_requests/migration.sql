-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TikTokOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "tiktokOrderId" TEXT NOT NULL,
    "tiktokStatus" TEXT NOT NULL,
    "tiktokUpdatedAt" DATETIME NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "fulfillmentType" TEXT NOT NULL DEFAULT 'FULFILLMENT_BY_SELLER',
    "state" TEXT NOT NULL DEFAULT 'new',
    "lines" TEXT NOT NULL DEFAULT '[]',
    "currency" TEXT NOT NULL,
    "buyerPaid" TEXT NOT NULL,
    "platformDiscount" TEXT NOT NULL DEFAULT '0',
    "createIntentAt" DATETIME,
    "createAttempts" INTEGER NOT NULL DEFAULT 0,
    "shopifyOrderId" TEXT,
    "shopifyOrderName" TEXT,
    "referenceSent" BOOLEAN NOT NULL DEFAULT false,
    "reservation" TEXT,
    "remorseHold" TEXT,
    "problemCode" TEXT,
    "problemMessage" TEXT,
    "problemFix" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lineMap" TEXT NOT NULL DEFAULT '{}',
    "shipments" TEXT NOT NULL DEFAULT '[]',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_TikTokOrder" ("buyerPaid", "createAttempts", "createIntentAt", "createdAt", "currency", "fulfillmentType", "id", "lineMap", "lines", "paidAt", "placedAt", "platformDiscount", "problemCode", "problemFix", "problemMessage", "referenceSent", "remorseHold", "reservation", "shipments", "shop", "shopifyOrderId", "shopifyOrderName", "state", "tiktokOrderId", "tiktokShopId", "tiktokStatus", "tiktokUpdatedAt", "updatedAt") SELECT "buyerPaid", "createAttempts", "createIntentAt", "createdAt", "currency", "fulfillmentType", "id", "lineMap", "lines", "paidAt", "placedAt", "platformDiscount", "problemCode", "problemFix", "problemMessage", "referenceSent", "remorseHold", "reservation", "shipments", "shop", "shopifyOrderId", "shopifyOrderName", "state", "tiktokOrderId", "tiktokShopId", "tiktokStatus", "tiktokUpdatedAt", "updatedAt" FROM "TikTokOrder";
DROP TABLE "TikTokOrder";
ALTER TABLE "new_TikTokOrder" RENAME TO "TikTokOrder";
CREATE INDEX "TikTokOrder_shop_state_placedAt_idx" ON "TikTokOrder"("shop", "state", "placedAt");
CREATE INDEX "TikTokOrder_shop_placedAt_idx" ON "TikTokOrder"("shop", "placedAt");
CREATE INDEX "TikTokOrder_shop_shopifyOrderId_idx" ON "TikTokOrder"("shop", "shopifyOrderId");
CREATE UNIQUE INDEX "TikTokOrder_shop_tiktokOrderId_key" ON "TikTokOrder"("shop", "tiktokOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

