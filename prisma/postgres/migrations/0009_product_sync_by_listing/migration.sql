-- CreateIndex
CREATE INDEX "ProductSync_tiktokProductId_idx" ON "ProductSync"("tiktokProductId");

