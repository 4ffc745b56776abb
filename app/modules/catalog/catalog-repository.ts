// The catalog mirror: one row per Shopify product for the products page (search, filters, keyset
// pagination that stays fast at 100,000 products) plus each product's sync state.
import type { Prisma } from "@prisma/client";
import type { Database } from "../../db.server";
import type { ShopifyProduct } from "../listing/shopify-product";
import { encodeList, type CatalogFilter } from "./catalog-filter";
import { addVariantExtras, isCompleteSnapshot, type ExportedVariantExtras } from "./catalog-snapshot";

export interface CatalogIndexFields {
  productId: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  status: string;
  tags: string[];
  collections?: string[];
  imageUrl: string | null;
  variantCount: number;
  skus: string[];
  shopifyUpdatedAt: Date;
}

export interface CatalogRow {
  productId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: string;
  tags: string[];
  imageUrl: string | null;
  variantCount: number;
  selected: boolean;
  syncState: string;
  blockingFindings: number;
  findings: string;
  tiktokProductId: string | null;
}

export interface CatalogPage {
  rows: CatalogRow[];
  total: number;
  nextCursor: string | null;
  previousCursor: string | null;
}

export type UpsertOutcome = "created" | "updated" | "stale";

export function catalogWhere(shop: string, filter: CatalogFilter): Prisma.CatalogProductWhereInput {
  const and: Prisma.CatalogProductWhereInput[] = [{ shop, deletedAt: null }];
  if (filter.query) and.push({ searchText: { contains: filter.query.toLowerCase() } });
  if (filter.status.length) and.push({ status: { in: filter.status } });
  if (filter.vendor) and.push({ vendor: filter.vendor });
  if (filter.productType) and.push({ productType: filter.productType });
  if (filter.tag) and.push({ tags: { contains: `|${filter.tag}|` } });
  if (filter.collection) and.push({ collections: { contains: `|${filter.collection}|` } });
  if (filter.syncState.length) {
    const states = filter.syncState.filter((s) => s !== "not_synced");
    const or: Prisma.CatalogProductWhereInput[] = [];
    if (states.length) or.push({ sync: { is: { state: { in: states } } } });
    // Never touched (no sync row) or back to not synced: one NOT EXISTS per product, not two lookups.
    if (filter.syncState.includes("not_synced")) or.push({ sync: { isNot: { state: { not: "not_synced" } } } });
    and.push(or.length === 1 ? or[0]! : { OR: or });
  }
  return { AND: and };
}

/**
 * What the products page's search looks in: title, handle, vendor and SKUs, lower-cased. It is part of the
 * title index (a search walks the index in page order without reading rows), so it is capped: a PostgreSQL
 * index entry must stay under ~2.7 KB. The cap reaches ~60 SKUs beyond the title.
 */
export function catalogSearchText(fields: Pick<CatalogIndexFields, "title" | "handle" | "vendor" | "skus">): string {
  return [fields.title, fields.handle, fields.vendor, ...fields.skus].join(" ").toLowerCase().slice(0, SEARCH_TEXT_MAX_CHARS);
}
const SEARCH_TEXT_MAX_CHARS = 1000;

export function createCatalogRepository(db: Database) {
  return {
    /** Applies a product's index fields unless what we hold is newer (Shopify does not order deliveries). */
    async upsert(shop: string, fields: CatalogIndexFields, snapshot?: string): Promise<UpsertOutcome> {
      const existing = await db.catalogProduct.findUnique({
        where: { shop_productId: { shop, productId: fields.productId } },
        select: { shopifyUpdatedAt: true },
      });
      if (existing && existing.shopifyUpdatedAt > fields.shopifyUpdatedAt) return "stale";
      const data = {
        handle: fields.handle,
        title: fields.title,
        vendor: fields.vendor,
        productType: fields.productType,
        status: fields.status,
        tags: encodeList(fields.tags),
        ...(fields.collections ? { collections: encodeList(fields.collections) } : {}),
        imageUrl: fields.imageUrl,
        variantCount: fields.variantCount,
        searchText: catalogSearchText(fields),
        shopifyUpdatedAt: fields.shopifyUpdatedAt,
        deletedAt: null,
        ...(snapshot !== undefined ? { snapshot } : {}),
      };
      if (existing) {
        // Guarded on the timestamp we read, so two racing deliveries cannot put an older one last.
        const result = await db.catalogProduct.updateMany({
          where: { shop, productId: fields.productId, shopifyUpdatedAt: { lte: fields.shopifyUpdatedAt } },
          data,
        });
        return result.count === 1 ? "updated" : "stale";
      }
      try {
        await db.catalogProduct.create({ data: { shop, productId: fields.productId, ...data } });
        return "created";
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error;
        return this.upsert(shop, fields, snapshot); // created concurrently: apply as an update
      }
    },

    /**
     * The variants export's images and stock, added to the snapshots still waiting for them (a snapshot a
     * sync already replaced with a full read is newer and left alone). One read and one transaction.
     */
    async addVariantExtras(shop: string, variants: readonly ExportedVariantExtras[]): Promise<void> {
      const productIds = [...new Set(variants.map((v) => v.product.id))];
      const rows = await db.catalogProduct.findMany({ where: { shop, productId: { in: productIds }, snapshot: { not: null } }, select: { productId: true, snapshot: true, shopifyUpdatedAt: true } });
      const byVariant = new Map(variants.map((v) => [v.id, v]));
      const writes = [];
      for (const row of rows) {
        const snapshot = JSON.parse(row.snapshot!) as ShopifyProduct;
        if (isCompleteSnapshot(snapshot) || !addVariantExtras(snapshot, byVariant)) continue;
        // Guarded on the version read, so a webhook's newer index fields are not overwritten in between.
        writes.push(db.catalogProduct.updateMany({ where: { shop, productId: row.productId, shopifyUpdatedAt: row.shopifyUpdatedAt, snapshot: row.snapshot }, data: { snapshot: JSON.stringify(snapshot) } }));
      }
      if (writes.length) await db.$transaction(writes);
    },

    async markDeleted(shop: string, productId: string, at: Date): Promise<boolean> {
      const result = await db.catalogProduct.updateMany({ where: { shop, productId, deletedAt: null }, data: { deletedAt: at } });
      return result.count === 1;
    },

    async find(shop: string, productId: string) {
      return db.catalogProduct.findUnique({ where: { shop_productId: { shop, productId } }, include: { sync: true } });
    },

    async page(shop: string, filter: CatalogFilter, options: { after?: string; before?: string; pageSize?: number } = {}): Promise<CatalogPage> {
      const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 250);
      const where = catalogWhere(shop, filter);
      const backwards = Boolean(options.before);
      const cursorId = options.before ?? options.after;
      const rows = await db.catalogProduct.findMany({
        where,
        orderBy: [{ title: "asc" }, { id: "asc" }],
        // Not the snapshot: the product's whole JSON, several KB a row, which a page never shows.
        select: {
          id: true, productId: true, title: true, handle: true, vendor: true, productType: true, status: true, tags: true, imageUrl: true, variantCount: true,
          sync: { select: { selected: true, state: true, blockingFindings: true, findings: true, tiktokProductId: true } },
        },
        take: backwards ? -(pageSize + 1) : pageSize + 1,
        ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
      });
      const hasMore = rows.length > pageSize;
      const pageRows = backwards ? rows.slice(hasMore ? 1 : 0) : rows.slice(0, pageSize);
      const total = await db.catalogProduct.count({ where });
      const first = pageRows[0]?.id ?? null;
      const last = pageRows[pageRows.length - 1]?.id ?? null;
      return {
        rows: pageRows.map((r) => ({
          productId: r.productId,
          title: r.title,
          handle: r.handle,
          vendor: r.vendor,
          productType: r.productType,
          status: r.status,
          tags: r.tags.split("|").filter(Boolean),
          imageUrl: r.imageUrl,
          variantCount: r.variantCount,
          selected: r.sync?.selected ?? false,
          syncState: r.sync?.state ?? "not_synced",
          blockingFindings: r.sync?.blockingFindings ?? 0,
          findings: r.sync?.findings ?? "[]",
          tiktokProductId: r.sync?.tiktokProductId ?? null,
        })),
        total,
        nextCursor: (backwards ? Boolean(options.before) : hasMore) ? last : null,
        previousCursor: (backwards ? hasMore : Boolean(options.after)) ? first : null,
      };
    },

    /** Every product the filter matches (the products page's "all matching"): ids only, one query. */
    async matchingProductIds(shop: string, filter: CatalogFilter): Promise<string[]> {
      const rows = await db.catalogProduct.findMany({ where: catalogWhere(shop, filter), orderBy: [{ title: "asc" }, { id: "asc" }], select: { productId: true } });
      return rows.map((r) => r.productId);
    },

    async facets(shop: string) {
      const [vendors, types] = await Promise.all([
        db.catalogProduct.groupBy({ by: ["vendor"], where: { shop, deletedAt: null, vendor: { not: "" } }, orderBy: { vendor: "asc" } }),
        db.catalogProduct.groupBy({ by: ["productType"], where: { shop, deletedAt: null, productType: { not: "" } }, orderBy: { productType: "asc" } }),
      ]);
      return { vendors: vendors.map((v) => v.vendor), productTypes: types.map((t) => t.productType) };
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
