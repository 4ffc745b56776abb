// TikTok's product webhooks (status change, audit result): read the listing's status from TikTok and
// show it — live, or rejected with TikTok's reasons and suggestions as findings. A listing that goes live
// gets one more sync, which applies price changes TikTok would not take during review.
import { parseTikTokWebhook } from "../../integrations/tiktok";
import type { JobQueue } from "../../jobs/job-queue";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { WebhookBatchProcessor } from "../webhooks/process-webhook-delivery";
import { enqueueProductSync } from "./sync-jobs";
import type { SyncStateRepository } from "./sync-state-repository";

export interface TikTokReviewDeps {
  state: SyncStateRepository;
  queue: JobQueue;
  tiktokFor: (shop: string) => Promise<TikTokShopSession>;
}

export async function applyTikTokProductStatus(deps: TikTokReviewDeps, tiktokProductId: string, trigger: string): Promise<number> {
  const records = await deps.state.byTikTokProductId(tiktokProductId);
  for (const record of records) {
    const { api } = await deps.tiktokFor(record.shop);
    const { data, requestId } = await api.products.get(tiktokProductId);
    const failed = data.status === "FAILED" || data.audit?.status === "FAILED";
    const live = data.status === "ACTIVATE";
    const reasons = data.audit_failed_reasons.flatMap((r) => r.reasons.map((reason, i) => ({ reason, suggestion: r.suggestions[i] ?? r.suggestions[0], position: r.position })));
    const findings = reasons.map((r) => ({
      code: "TIKTOK_REVIEW_FAILED",
      severity: "blocking" as const,
      field: r.position ?? "product",
      message: `TikTok's review refused the listing: ${r.reason}`,
      fix: r.suggestion ?? "Change the product in Shopify as TikTok asks; the app sends the fix and TikTok reviews it again.",
    }));
    await deps.state.update(record.shop, record.productId, {
      tiktokStatus: data.status,
      state: failed ? "rejected" : live ? "live" : data.status === "PENDING" ? "in_review" : record.selected ? "error" : "deactivated",
      ...(failed ? { findings, blockingFindings: findings.length } : {}),
    });
    await deps.state.recordEvent({
      shop: record.shop,
      productId: record.productId,
      trigger,
      action: "review",
      outcome: failed ? "failed" : "ok",
      summary: failed ? `TikTok's review refused the listing: ${reasons.map((r) => r.reason).join("; ") || "no reason given"}.` : `TikTok status: ${data.status}.`,
      tiktokRequestId: requestId,
      detail: { status: data.status, audit: data.audit, reasons },
    });
    // Went live: only prices changed during the review still need sending (the rest went with the listing).
    if (live && record.selected && record.pricePendingHash) await enqueueProductSync(deps.queue, record.shop, record.productId, "tiktok:went-live");
  }
  return records.length;
}

/**
 * TikTok's product events arrive several per listing (audit result, status change), and in bursts during a big
 * sync: each listing of a batch is read from TikTok once, for its latest event (the read gives the current
 * status, which covers the earlier events too).
 */
export function createTikTokReviewBatchProcessors(deps: TikTokReviewDeps): Record<string, WebhookBatchProcessor> {
  const onProductEvents: WebhookBatchProcessor = async (deliveries) => {
    const productIds = deliveries.map(({ payload }) => {
      const event = parseTikTokWebhook(payload);
      return event.kind === "event" && "product_id" in event.data ? String(event.data.product_id) : null;
    });
    const latest = new Map<string, number>();
    productIds.forEach((id, i) => id && latest.set(id, i));
    const results: Array<void | { ignored: string }> = [];
    for (let i = 0; i < deliveries.length; i++) {
      const productId = productIds[i];
      if (!productId) results.push({ ignored: "not a product event" });
      else if (latest.get(productId) !== i) results.push({ ignored: "superseded: a later event of this listing in the same batch read its status" });
      else {
        const count = await applyTikTokProductStatus(deps, productId, `tiktok:${deliveries[i]!.topic}`);
        results.push(count === 0 ? { ignored: "product is not one the app synced" } : undefined);
      }
    }
    return results;
  };
  return {
    "tiktok:PRODUCT_STATUS_CHANGE": onProductEvents,
    "tiktok:PRODUCT_AUDIT_STATUS_CHANGE": onProductEvents,
  };
}

/** How many listings one sweep asks TikTok about; the rest wait for its next run. */
const LISTINGS_PER_SWEEP = 200;

/**
 * Job (one per shop): ask TikTok where the shop's listings sent for review at least `delayMs` ago stand; come
 * back `delayMs` later (without using up attempts) while any listing of the shop is still in review.
 */
export async function sweepReviews(deps: TikTokReviewDeps, shop: string, delayMs: number, now: () => Date = () => new Date()): Promise<{ checked: number }> {
  const due = await deps.state.listingsInReview(shop, { sentBefore: new Date(now().getTime() - delayMs), limit: LISTINGS_PER_SWEEP });
  for (const tiktokProductId of due) await applyTikTokProductStatus(deps, tiktokProductId, "review-check");
  if (await deps.state.anyInReview(shop)) {
    // A full sweep leaves more that are due: back in a second rather than an interval.
    const backInMs = due.length === LISTINGS_PER_SWEEP ? 1_000 : delayMs;
    throw Object.assign(new Error("Listings still in TikTok's review"), { retryable: true, deferred: true, retryAt: new Date(now().getTime() + backInMs) });
  }
  return { checked: due.length };
}
