-- AlterTable
ALTER TABLE "ProductSync" ADD COLUMN "pricePendingHash" TEXT;

