-- CreateTable
CREATE TABLE "ReadinessAttestation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attestedBy" TEXT NOT NULL,
    "attestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "textVersion" TEXT NOT NULL,
    "text" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ReadinessAttestation_shop_kind_attestedAt_idx" ON "ReadinessAttestation"("shop", "kind", "attestedAt");

