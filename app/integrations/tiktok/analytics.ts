import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import { shopPerformanceResultSchema, type TikTokShopPerformance, type TikTokShopPerformanceQuery } from "./types/analytics";

/** Shop KPIs (contract §9; needs the Data scope). */
export function createAnalyticsApi(call: ShopCall) {
  return {
    getShopPerformance(query: TikTokShopPerformanceQuery): Promise<TikTokResult<TikTokShopPerformance>> {
      return call({ method: "GET", path: "/analytics/202405/shop/performance",
        query: { start_date_ge: query.start_date_ge, end_date_lt: query.end_date_lt, granularity: query.granularity,
          currency: query.currency, with_comparison: query.with_comparison },
        schema: shopPerformanceResultSchema, shopScoped: true, idempotent: true });
    },
  };
}

export type TikTokAnalyticsApi = ReturnType<typeof createAnalyticsApi>;
