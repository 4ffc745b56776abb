// Linked TikTok shops and their (encrypted) tokens.
import type { Database } from "../../db.server";
import type { TikTokTokenSet } from "../../integrations/tiktok/tiktok-oauth";
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

    /** The link product sync uses: the store's first linked shop that is not unlinked. */
    async primary(shop: string): Promise<TikTokShopLink | null> {
      const row = await db.tikTokShopLink.findFirst({ where: { shop, status: { not: "unlinked" } }, orderBy: { linkedAt: "asc" } });
      return row ? toLink(row) : null;
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
      await db.tikTokShopLink.update({ where: { id: linkId }, data: { status: "unlinked", pausedReason: null } });
    },
  };
}

export type TikTokShopLinkRepository = ReturnType<typeof createTikTokShopLinkRepository>;
