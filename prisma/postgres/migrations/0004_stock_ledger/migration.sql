-- AlterTable
ALTER TABLE "SkuLink" ADD COLUMN     "inventoryPolicy" TEXT,
ADD COLUMN     "pushedStock" TEXT,
ADD COLUMN     "tracked" BOOLEAN;

-- CreateTable
CREATE TABLE "StockLevel" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StockLevel_pkey" PRIMARY KEY ("shop","inventoryItemId","locationId")
);

