// "Retry" on the orders page, and "Check TikTok now": both only queue work the jobs already do.
import type { Database } from "../../db.server";
import type { JobQueue } from "../../jobs/job-queue";
import { enqueueOrderPoll, enqueueOrderSync } from "./order-jobs";

export async function retryOrders(
  deps: { db: Database; queue: JobQueue },
  shop: string,
  tiktokOrderIds: readonly string[]
): Promise<number> {
  const orders = await deps.db.tikTokOrder.findMany({
    where: { shop, tiktokOrderId: { in: [...tiktokOrderIds] } },
    select: { tiktokShopId: true, tiktokOrderId: true },
  });
  for (const o of orders)
    await enqueueOrderSync(deps.queue, shop, {
      tiktokShopId: o.tiktokShopId,
      tiktokOrderId: o.tiktokOrderId,
      trigger: "retry",
    });
  return orders.length;
}

export async function searchOrdersNow(deps: { db: Database; queue: JobQueue }, shop: string): Promise<number> {
  const links = await deps.db.tikTokShopLink.findMany({
    where: { shop, status: "active" },
    select: { tiktokShopId: true },
  });
  for (const link of links) await enqueueOrderPoll(deps.queue, shop, link.tiktokShopId);
  return links.length;
}
