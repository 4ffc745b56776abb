-- searchText is now capped at 1,000 characters (catalogSearchText) so that it fits in an index entry: cap the
-- rows written before, or PostgreSQL could refuse the index for a product with very many SKUs.
UPDATE "CatalogProduct" SET "searchText" = substr("searchText", 1, 1000) WHERE length("searchText") > 1000;

-- DropIndex
DROP INDEX "CatalogProduct_shop_title_idx";

-- DropIndex
DROP INDEX "CatalogProduct_shop_vendor_idx";

-- DropIndex
DROP INDEX "CatalogProduct_shop_productType_idx";

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_title_id_deletedAt_searchText_idx" ON "CatalogProduct"("shop", "title", "id", "deletedAt", "searchText");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_vendor_deletedAt_idx" ON "CatalogProduct"("shop", "vendor", "deletedAt");

-- CreateIndex
CREATE INDEX "CatalogProduct_shop_productType_deletedAt_idx" ON "CatalogProduct"("shop", "productType", "deletedAt");

