// The safety net (TikTok requires polling besides webhooks): every few minutes each linked TikTok shop is
// searched for orders updated since the last run (a little overlap for clock skew), and every order whose
// status the app has not recorded gets a sync. A shop's first run reaches back 7 days (the back-fill).
// Orders waiting on a problem are tried again too, so a fix the merchant made takes effect by itself.
import type { Database } from "../../db.server";
import type { JobQueue } from "../../jobs/job-queue";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import { enqueueOrderPoll, enqueueOrderSync, enqueueOrderSyncs, scheduleOrderPolls } from "./order-jobs";
import type { TikTokOrderRepository } from "./tiktok-order-repository";

export const BACKFILL_SECONDS = 7 * 24 * 3600;
const OVERLAP_SECONDS = 300;
const SEARCH_PAGE = 50;

export interface PollOrdersDeps {
  db: Database;
  queue: JobQueue;
  orders: TikTokOrderRepository;
  tiktokFor: (shop: string, tiktokShopId: string) => Promise<TikTokShopSession>;
  now: () => Date;
}

export async function pollOrders(
  deps: PollOrdersDeps,
  shop: string,
  tiktokShopId: string
): Promise<{ seen: number; queued: number }> {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const cursor = await deps.db.orderPollCursor.findUnique({ where: { shop_tiktokShopId: { shop, tiktokShopId } } });
  const from = cursor ? cursor.updatedFrom - OVERLAP_SECONDS : nowSeconds - BACKFILL_SECONDS;
  const session = await deps.tiktokFor(shop, tiktokShopId);
  let seen = 0;
  let queued = 0;
  let newest = cursor?.updatedFrom ?? from;
  const trigger = cursor ? "safety-net" : "back-fill";
  // A page at a time: one read of what the app already knows, then one enqueue for the orders that changed.
  const queueChanged = async (page: TikTokOrder[]) => {
    if (page.length === 0) return;
    const known = await deps.orders.statuses(
      shop,
      page.map((o) => o.id)
    );
    const changed = page.filter((o) => known.get(o.id) !== o.status);
    if (changed.length)
      await enqueueOrderSyncs(
        deps.queue,
        shop,
        changed.map((o) => ({ tiktokShopId, tiktokOrderId: o.id, trigger }))
      );
    queued += changed.length;
  };
  let page: TikTokOrder[] = [];
  for await (const order of session.api.orders.searchAll(
    { update_time_ge: Math.max(0, from) },
    { pageSize: SEARCH_PAGE, sortField: "update_time", sortOrder: "ASC" }
  )) {
    seen++;
    newest = Math.max(newest, order.update_time ?? order.create_time);
    page.push(order);
    if (page.length === SEARCH_PAGE) await queueChanged(page.splice(0));
  }
  await queueChanged(page);
  // Orders waiting on a problem are tried again whatever their status: the merchant may have fixed the cause.
  for (const waiting of await deps.orders.waitingOnProblems(shop)) {
    if (waiting.tiktokShopId === tiktokShopId)
      await enqueueOrderSync(deps.queue, shop, {
        tiktokShopId,
        tiktokOrderId: waiting.tiktokOrderId,
        trigger: "safety-net",
      });
  }
  const data = { updatedFrom: Math.min(newest, nowSeconds), lastRunAt: deps.now() };
  await deps.db.orderPollCursor.upsert({
    where: { shop_tiktokShopId: { shop, tiktokShopId } },
    create: { shop, tiktokShopId, ...data },
    update: data,
  });
  return { seen, queued };
}

/** The recurring scheduler: one poll per active link, then itself again after the interval. */
export async function runOrderPollScheduler(
  deps: { db: Database; queue: JobQueue },
  intervalMs: number
): Promise<number> {
  const links = await deps.db.tikTokShopLink.findMany({
    where: { status: "active" },
    select: { shop: true, tiktokShopId: true },
  });
  for (const link of links) await enqueueOrderPoll(deps.queue, link.shop, link.tiktokShopId);
  await scheduleOrderPolls(deps.queue, intervalMs);
  return links.length;
}
