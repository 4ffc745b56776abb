import { z } from "zod";

const metric = z.union([z.number(), z.string(), z.looseObject({})]).optional();

/** Shop performance (contract §9). */
export const shopPerformanceResultSchema = z.looseObject({
  performance: z.looseObject({
    intervals: z
      .array(
        z.looseObject({
          start_date: z.string(),
          end_date: z.string(),
          gmv: z.looseObject({ amount: z.union([z.string(), z.number()]).transform(String), currency: z.string() }).optional(),
          orders: metric,
          sku_orders: metric,
          units_sold: metric,
          buyers: metric,
          product_impressions: metric,
          product_page_views: metric,
        }),
      )
      .default([]),
    comparison_intervals: z.array(z.looseObject({})).optional(),
  }),
  latest_available_date: z.string().optional(),
});
export type TikTokShopPerformance = z.infer<typeof shopPerformanceResultSchema>;

export interface TikTokShopPerformanceQuery {
  /** YYYY-MM-DD in the shop's timezone, inclusive. */
  start_date_ge: string;
  /** YYYY-MM-DD, exclusive. */
  end_date_lt: string;
  granularity?: "ALL" | "1D";
  currency?: "USD" | "LOCAL";
  with_comparison?: boolean;
}
