-- AlterTable
ALTER TABLE "TikTokShopLink" ADD COLUMN     "syncsCatalog" BOOLEAN NOT NULL DEFAULT false;

