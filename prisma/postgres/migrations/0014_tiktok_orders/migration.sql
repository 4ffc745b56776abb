-- CreateTable
CREATE TABLE "TikTokOrder" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "tiktokOrderId" TEXT NOT NULL,
    "tiktokStatus" TEXT NOT NULL,
    "tiktokUpdatedAt" TIMESTAMP(3) NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "fulfillmentType" TEXT NOT NULL DEFAULT 'FULFILLMENT_BY_SELLER',
    "state" TEXT NOT NULL DEFAULT 'new',
    "lines" TEXT NOT NULL DEFAULT '[]',
    "currency" TEXT NOT NULL,
    "buyerPaid" TEXT NOT NULL,
    "platformDiscount" TEXT NOT NULL DEFAULT '0',
    "createIntentAt" TIMESTAMP(3),
    "createAttempts" INTEGER NOT NULL DEFAULT 0,
    "shopifyOrderId" TEXT,
    "shopifyOrderName" TEXT,
    "referenceSent" BOOLEAN NOT NULL DEFAULT false,
    "reservation" TEXT,
    "remorseHold" TEXT,
    "problemCode" TEXT,
    "problemMessage" TEXT,
    "problemFix" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lineMap" TEXT NOT NULL DEFAULT '{}',
    "shipments" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "TikTokOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "tiktokOrderId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderPollCursor" (
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "updatedFrom" INTEGER NOT NULL,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "OrderPollCursor_pkey" PRIMARY KEY ("shop","tiktokShopId")
);

-- CreateIndex
CREATE INDEX "TikTokOrder_shop_state_placedAt_idx" ON "TikTokOrder"("shop", "state", "placedAt");

-- CreateIndex
CREATE INDEX "TikTokOrder_shop_placedAt_idx" ON "TikTokOrder"("shop", "placedAt");

-- CreateIndex
CREATE INDEX "TikTokOrder_shop_shopifyOrderId_idx" ON "TikTokOrder"("shop", "shopifyOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "TikTokOrder_shop_tiktokOrderId_key" ON "TikTokOrder"("shop", "tiktokOrderId");

-- CreateIndex
CREATE INDEX "OrderEvent_shop_tiktokOrderId_createdAt_idx" ON "OrderEvent"("shop", "tiktokOrderId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderEvent_createdAt_idx" ON "OrderEvent"("createdAt");

-- CreateIndex
CREATE INDEX "SkuLink_shop_tiktokSkuId_idx" ON "SkuLink"("shop", "tiktokSkuId");

