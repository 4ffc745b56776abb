-- AlterTable
ALTER TABLE "TikTokOrder" ADD COLUMN     "cancelRequested" BOOLEAN NOT NULL DEFAULT false;

