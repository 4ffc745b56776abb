// TikTok's product webhooks (status change, audit result): read the listing's status from TikTok and
// show it — live, or rejected with TikTok's reasons and suggestions as findings. A listing that goes live
// gets one more sync, which applies price changes TikTok would not take during review.
import { parseTikTokWebhook } from "../../integrations/tiktok";
import type { JobQueue } from "../../jobs/job-queue";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { WebhookProcessor } from "../webhooks/process-webhook-delivery";
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

export function createTikTokReviewProcessors(deps: TikTokReviewDeps): Record<string, WebhookProcessor> {
  const onProductEvent: WebhookProcessor = async ({ payload, topic }) => {
    const event = parseTikTokWebhook(payload);
    if (event.kind !== "event" || !("product_id" in event.data)) return { ignored: "not a product event" };
    const count = await applyTikTokProductStatus(deps, String(event.data.product_id), `tiktok:${topic}`);
    if (count === 0) return { ignored: "product is not one the app synced" };
  };
  return {
    "tiktok:PRODUCT_STATUS_CHANGE": onProductEvent,
    "tiktok:PRODUCT_AUDIT_STATUS_CHANGE": onProductEvent,
  };
}


/** Job: ask TikTok where a listing in review stands; check again later (without using up attempts) while it is still in review. */
export async function checkReview(deps: TikTokReviewDeps, shop: string, productId: string, nextCheckMs: number): Promise<"settled" | "not_in_review"> {
  const record = await deps.state.get(shop, productId);
  if (!record?.tiktokProductId || record.state !== "in_review") return "not_in_review";
  await applyTikTokProductStatus(deps, record.tiktokProductId, "review-check");
  const after = await deps.state.get(shop, productId);
  if (after?.state === "in_review") {
    throw Object.assign(new Error("Still in TikTok's review"), { retryable: true, deferred: true, retryAt: new Date(Date.now() + nextCheckMs) });
  }
  return "settled";
}
