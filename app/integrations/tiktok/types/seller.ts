import { z } from "zod";
import { tiktokId } from "./tiktok-primitives";

/** Get Authorized Shops (contract §3.2). `region` is ISO-like; the UK is "GB". */
export const authorizedShopsResultSchema = z.looseObject({
  shops: z
    .array(
      z.looseObject({
        id: tiktokId,
        name: z.string(),
        region: z.string(),
        seller_type: z.string(), // LOCAL | CROSS_BORDER
        cipher: z.string().min(1),
        code: z.string().optional(),
      }),
    )
    .default([]),
});
export type TikTokAuthorizedShop = z.infer<typeof authorizedShopsResultSchema>["shops"][number];

export const activeShopsResultSchema = z.looseObject({
  shops: z.array(z.looseObject({ id: tiktokId, region: z.string().optional() })).default([]),
});
export type TikTokActiveShop = z.infer<typeof activeShopsResultSchema>["shops"][number];

export const permissionsResultSchema = z.looseObject({ permissions: z.array(z.string()).default([]) });

