-- AlterTable (SQLite adds a column with a constant default in place; no table rebuild needed)
ALTER TABLE "TikTokShopLink" ADD COLUMN "syncsCatalog" BOOLEAN NOT NULL DEFAULT false;
