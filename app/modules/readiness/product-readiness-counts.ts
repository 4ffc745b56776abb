// How many products the merchant chose for TikTok, and how many of those the pre-flight check found
// nothing blocking in (the first listings).
import type { Database } from "../../db.server";

export async function countChosenProducts(db: Database, shop: string): Promise<{ selected: number; withoutBlockingFindings: number }> {
  const [selected, withoutBlockingFindings] = await Promise.all([
    db.productSync.count({ where: { shop, selected: true } }),
    db.productSync.count({ where: { shop, selected: true, blockingFindings: 0 } }),
  ]);
  return { selected, withoutBlockingFindings };
}
