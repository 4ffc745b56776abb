-- CreateTable
CREATE TABLE "TikTokShopLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "tiktokShopName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "shopCipher" TEXT NOT NULL,
    "sellerType" TEXT,
    "openId" TEXT,
    "sellerName" TEXT,
    "accessTokenEncrypted" TEXT NOT NULL,
    "refreshTokenEncrypted" TEXT NOT NULL,
    "accessTokenExpiresAt" DATETIME NOT NULL,
    "authorizationExpiresAt" DATETIME NOT NULL,
    "grantedScopes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "pausedReason" TEXT,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CatalogProduct" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "vendor" TEXT NOT NULL DEFAULT '',
    "productType" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "collections" TEXT NOT NULL DEFAULT '',
    "imageUrl" TEXT,
    "variantCount" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProductSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    "selectedBy" TEXT,
    "state" TEXT NOT NULL DEFAULT 'not_synced',
    "tiktokProductId" TEXT,
    "tiktokStatus" TEXT,
    "contentHash" TEXT,
    "priceHash" TEXT,
    "stockHash" TEXT,
    "appliedShopifyUpdatedAt" DATETIME,
    "blockingFindings" INTEGER NOT NULL DEFAULT 0,
    "findings" TEXT NOT NULL DEFAULT '[]',
    "lastError" TEXT,
    "lastSyncedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProductSync_shop_productId_fkey" FOREIGN KEY ("shop", "productId") REFERENCES "CatalogProduct" ("shop", "productId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkuLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "inventoryItemId" TEXT,
    "sellerSku" TEXT NOT NULL,
    "tiktokProductId" TEXT NOT NULL,
    "tiktokSkuId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "SyncEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "tiktokRequestId" TEXT,
    "detail" TEXT,
    "durationMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StoreSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL DEFAULT '{}',
    "autoInclude" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "detail" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ImageUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tiktokShopId" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "useCase" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OAuthNonce" (
    "nonce" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TikTokShopLink_tiktokShopId_idx" ON "TikTokShopLink"("tiktokShopId");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokShopLink_shop_tiktokShopId_key" ON "TikTokShopLink"("shop", "tiktokShopId");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_title_idx" ON "CatalogProduct"("shop", "title");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_vendor_idx" ON "CatalogProduct"("shop", "vendor");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_productType_idx" ON "CatalogProduct"("shop", "productType");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_status_idx" ON "CatalogProduct"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogProduct_shop_productId_key" ON "CatalogProduct"("shop", "productId");

-- CreateIndex
CREATE INDEX "ProductSync_shop_selected_state_idx" ON "ProductSync"("shop", "selected", "state");

-- CreateIndex
CREATE INDEX "ProductSync_shop_tiktokProductId_idx" ON "ProductSync"("shop", "tiktokProductId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductSync_shop_productId_key" ON "ProductSync"("shop", "productId");

-- CreateIndex
CREATE INDEX "SkuLink_shop_inventoryItemId_idx" ON "SkuLink"("shop", "inventoryItemId");

-- CreateIndex
CREATE INDEX "SkuLink_shop_productId_idx" ON "SkuLink"("shop", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "SkuLink_shop_variantId_key" ON "SkuLink"("shop", "variantId");

-- CreateIndex
CREATE INDEX "SyncEvent_shop_productId_createdAt_idx" ON "SyncEvent"("shop", "productId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncRun_shop_startedAt_idx" ON "SyncRun"("shop", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImageUpload_tiktokShopId_sourceUrl_useCase_key" ON "ImageUpload"("tiktokShopId", "sourceUrl", "useCase");

