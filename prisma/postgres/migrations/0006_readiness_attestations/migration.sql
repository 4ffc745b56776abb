-- CreateTable
CREATE TABLE "ReadinessAttestation" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attestedBy" TEXT NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "textVersion" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ReadinessAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReadinessAttestation_shop_kind_attestedAt_idx" ON "ReadinessAttestation"("shop", "kind", "attestedAt");

