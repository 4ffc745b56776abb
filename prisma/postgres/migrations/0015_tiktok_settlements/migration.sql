-- CreateTable
CREATE TABLE "TikTokStatement" (
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "statementTime" TIMESTAMP(3) NOT NULL,
    "currency" TEXT NOT NULL,
    "settlementAmount" TEXT NOT NULL,
    "revenueAmount" TEXT NOT NULL DEFAULT '0',
    "shippingCostAmount" TEXT NOT NULL DEFAULT '0',
    "feeTaxAmount" TEXT NOT NULL DEFAULT '0',
    "adjustmentAmount" TEXT NOT NULL DEFAULT '0',
    "reserveAmount" TEXT NOT NULL DEFAULT '0',
    "payableAmount" TEXT NOT NULL DEFAULT '0',
    "transactionCount" INTEGER NOT NULL DEFAULT 0,
    "paymentId" TEXT,
    "paymentStatus" TEXT,
    "paymentTime" TIMESTAMP(3),
    "flags" TEXT NOT NULL DEFAULT '[]',
    "transactionsImportedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TikTokStatement_pkey" PRIMARY KEY ("shop","statementId")
);

-- CreateTable
CREATE TABLE "TikTokSettlementTransaction" (
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "statementId" TEXT,
    "statementTime" TIMESTAMP(3),
    "type" TEXT NOT NULL,
    "tiktokOrderId" TEXT,
    "orderId" TEXT,
    "adjustmentId" TEXT,
    "adjustmentOrderId" TEXT,
    "reserveId" TEXT,
    "reserveStatus" TEXT,
    "associatedOrderId" TEXT,
    "currency" TEXT NOT NULL,
    "orderCreateTime" TIMESTAMP(3),
    "settlementAmount" TEXT NOT NULL,
    "revenueAmount" TEXT NOT NULL DEFAULT '0',
    "shippingCostAmount" TEXT NOT NULL DEFAULT '0',
    "feeTaxAmount" TEXT NOT NULL DEFAULT '0',
    "adjustmentAmount" TEXT NOT NULL DEFAULT '0',
    "reserveAmount" TEXT NOT NULL DEFAULT '0',
    "referralFee" TEXT NOT NULL DEFAULT '0',
    "platformCommission" TEXT NOT NULL DEFAULT '0',
    "affiliateCommission" TEXT NOT NULL DEFAULT '0',
    "transactionFee" TEXT NOT NULL DEFAULT '0',
    "feeItems" TEXT NOT NULL DEFAULT '{}',
    "revenueRefund" TEXT NOT NULL DEFAULT '0',
    "customerPaidShipping" TEXT NOT NULL DEFAULT '0',
    "shippingSubsidy" TEXT NOT NULL DEFAULT '0',
    "customerPayment" TEXT NOT NULL DEFAULT '0',
    "platformDiscount" TEXT NOT NULL DEFAULT '0',
    "salesTax" TEXT NOT NULL DEFAULT '0',
    "retailDeliveryFee" TEXT NOT NULL DEFAULT '0',
    "residue" TEXT,
    "estimatedSettlement" TEXT,
    "unsettledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TikTokSettlementTransaction_pkey" PRIMARY KEY ("shop","kind","transactionId")
);

-- CreateTable
CREATE TABLE "TikTokPayout" (
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "initiatedAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "settlementAmount" TEXT NOT NULL DEFAULT '0',
    "reserveAmount" TEXT NOT NULL DEFAULT '0',
    "amountBeforeExchange" TEXT NOT NULL DEFAULT '0',
    "exchangeRate" TEXT,
    "bankAccount" TEXT,
    "residue" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TikTokPayout_pkey" PRIMARY KEY ("shop","paymentId")
);

-- CreateTable
CREATE TABLE "FinanceSyncCursor" (
    "shop" TEXT NOT NULL,
    "tiktokShopId" TEXT NOT NULL,
    "statementTimeFrom" INTEGER NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "FinanceSyncCursor_pkey" PRIMARY KEY ("shop","tiktokShopId")
);

-- CreateIndex
CREATE INDEX "TikTokStatement_shop_statementTime_idx" ON "TikTokStatement"("shop", "statementTime");

-- CreateIndex
CREATE INDEX "TikTokSettlementTransaction_shop_tiktokOrderId_idx" ON "TikTokSettlementTransaction"("shop", "tiktokOrderId");

-- CreateIndex
CREATE INDEX "TikTokSettlementTransaction_shop_statementId_idx" ON "TikTokSettlementTransaction"("shop", "statementId");

-- CreateIndex
CREATE INDEX "TikTokSettlementTransaction_shop_kind_statementTime_idx" ON "TikTokSettlementTransaction"("shop", "kind", "statementTime");

-- CreateIndex
CREATE INDEX "TikTokPayout_shop_initiatedAt_idx" ON "TikTokPayout"("shop", "initiatedAt");

