-- AlterTable
ALTER TABLE "SkuLink" ADD COLUMN "inventoryPolicy" TEXT;
ALTER TABLE "SkuLink" ADD COLUMN "pushedStock" TEXT;
ALTER TABLE "SkuLink" ADD COLUMN "tracked" BOOLEAN;

-- CreateTable
CREATE TABLE "StockLevel" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("shop", "inventoryItemId", "locationId")
);

