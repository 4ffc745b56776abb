// Linked TikTok shops and their (encrypted) tokens.
import type { Database } from "../../db.server";
import type { TikTokTokenSet } from "../../integrations/tiktok/tiktok-oauth";
import { pickCatalogShop } from "./catalog-shop-choice";
import type { TokenCipher } from "./token-cipher";

export interface TikTokShopIdentity {
  id: string;
  name: string;
  region: string;
  cipher: string;
  sellerType?: string;
}

export interface TikTokShopLink {
  id: string;
  shop: string;
  tiktokShopId: string;
  tiktokShopName: string;
  region: string;
  shopCipher: string;
  status: "active" | "paused" | "unlinked";
  pausedReason: string | null;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  authorizationExpiresAt: Date;
  grantedScopes: string[];
  sellerName: string | null;
  /** The merchant chose this shop for the catalog (see catalog-shop-choice.ts for the default). */
  syncsCatalog: boolean;
  linkedAt: Date;
}

export function createTikTokShopLinkRepository(db: Database, cipher: TokenCipher) {
  const toLink = (row: Awaited<ReturnType<typeof db.tikTokShopLink.findFirstOrThrow>>): TikTokShopLink => ({
    id: row.id,
    shop: row.shop,
    tiktokShopId: row.tiktokShopId,
    tiktokShopName: row.tiktokShopName,
    region: row.region,
    shopCipher: row.shopCipher,
    status: row.status as TikTokShopLink["status"],
    pausedReason: row.pausedReason,
    accessToken: cipher.decrypt(row.accessTokenEncrypted),
    refreshToken: cipher.decrypt(row.refreshTokenEncrypted),
    accessTokenExpiresAt: row.accessTokenExpiresAt,
    authorizationExpiresAt: row.authorizationExpiresAt,
    grantedScopes: row.grantedScopes ? row.grantedScopes.split(",") : [],
    sellerName: row.sellerName,
    syncsCatalog: row.syncsCatalog,
    linkedAt: row.linkedAt,
  });
  const tokenFields = (tokens: TikTokTokenSet) => ({
    accessTokenEncrypted: cipher.encrypt(tokens.accessToken),
    refreshTokenEncrypted: cipher.encrypt(tokens.refreshToken),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    authorizationExpiresAt: tokens.refreshTokenExpiresAt,
  });

  return {
    async link(shop: string, tiktokShop: TikTokShopIdentity, tokens: TikTokTokenSet): Promise<TikTokShopLink> {
      const data = {
        tiktokShopName: tiktokShop.name,
        region: tiktokShop.region,
        shopCipher: tiktokShop.cipher,
        sellerType: tiktokShop.sellerType ?? null,
        openId: tokens.openId ?? null,
        sellerName: tokens.sellerName ?? null,
        grantedScopes: tokens.grantedScopes.join(","),
        status: "active",
        pausedReason: null,
        ...tokenFields(tokens),
      };
      const row = await db.tikTokShopLink.upsert({
        where: { shop_tiktokShopId: { shop, tiktokShopId: tiktokShop.id } },
        create: { shop, tiktokShopId: tiktokShop.id, ...data },
        update: data,
      });
      return toLink(row);
    },

    /** The link the catalog syncs to: the merchant's choice, else the first connected shop (pickCatalogShop). */
    async primary(shop: string): Promise<TikTokShopLink | null> {
      const rows = await db.tikTokShopLink.findMany({ where: { shop, status: { not: "unlinked" } }, orderBy: { linkedAt: "asc" } });
      const chosen = pickCatalogShop(rows.map((r) => ({ ...r, status: r.status as TikTokShopLink["status"] })));
      return chosen ? toLink(chosen) : null;
    },

    /** Makes this linked shop the one the catalog syncs to (the store's other links stop being chosen). */
    async chooseCatalogShop(shop: string, tiktokShopId: string): Promise<void> {
      await db.$transaction([
        db.tikTokShopLink.updateMany({ where: { shop, syncsCatalog: true }, data: { syncsCatalog: false } }),
        db.tikTokShopLink.update({ where: { shop_tiktokShopId: { shop, tiktokShopId } }, data: { syncsCatalog: true } }),
      ]);
    },

    async all(shop: string): Promise<TikTokShopLink[]> {
      return (await db.tikTokShopLink.findMany({ where: { shop }, orderBy: { linkedAt: "asc" } })).map(toLink);
    },

    async byTikTokShopId(tiktokShopId: string): Promise<TikTokShopLink[]> {
      return (await db.tikTokShopLink.findMany({ where: { tiktokShopId, status: { not: "unlinked" } } })).map(toLink);
    },

    async saveTokens(linkId: string, tokens: TikTokTokenSet): Promise<void> {
      await db.tikTokShopLink.update({ where: { id: linkId }, data: tokenFields(tokens) });
    },

    async setAuthorizationExpiry(linkId: string, expiresAt: Date): Promise<void> {
      await db.tikTokShopLink.update({ where: { id: linkId }, data: { authorizationExpiresAt: expiresAt } });
    },

    async pause(linkId: string, reason: string): Promise<void> {
      await db.tikTokShopLink.update({ where: { id: linkId }, data: { status: "paused", pausedReason: reason } });
    },

    async unlink(linkId: string): Promise<void> {
      await db.tikTokShopLink.update({ where: { id: linkId }, data: { status: "unlinked", pausedReason: null, syncsCatalog: false } });
    },
  };
}

export type TikTokShopLinkRepository = ReturnType<typeof createTikTokShopLinkRepository>;
