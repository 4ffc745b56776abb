import { z } from "zod";

/** TikTok ids are digit strings; a few payloads send them as JSON numbers, which our lossless parser keeps exact. */
export const tiktokId = z.union([z.string().min(1), z.number().int()]).transform((v) => String(v));

/** Unix seconds (TikTok sends ints; tolerate digit strings, seen in webhook payloads). */
export const unixSeconds = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => Number(v));

/** Decimal amounts travel as strings ("12.50"); never as floats. */
export const decimalString = z.union([z.string(), z.number()]).transform((v) => String(v));

/** Converts Unix seconds from TikTok to a Date. */
export function dateFromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** Per-item failure reported inside `data.errors[]` of batch endpoints (contract §2). */
export const batchItemErrorSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().default(""),
  detail: z
    .looseObject({
      product_id: tiktokId.optional(),
      sku_id: tiktokId.optional(),
      extra_errors: z
        .array(z.looseObject({ code: z.number().int().optional(), message: z.string().optional(), warehouse_id: tiktokId.optional() }))
        .optional(),
    })
    .optional(),
});
export type TikTokBatchItemError = z.infer<typeof batchItemErrorSchema>;

/** `data` of batch endpoints: partial failures must be inspected even when the envelope code is 0. */
export const batchResultSchema = z.looseObject({ errors: z.array(batchItemErrorSchema).default([]) });
export type TikTokBatchResult = z.infer<typeof batchResultSchema>;

/** Endpoints documented to answer with empty `data` (e.g. Update Price, Ship Package). */
export const emptyDataSchema = z.looseObject({});
