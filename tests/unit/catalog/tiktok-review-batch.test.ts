// TikTok's product events of one batch: each listing is read from TikTok once, for its latest event.
import { describe, expect, it } from "vitest";
import { createTikTokReviewBatchProcessors, type TikTokReviewDeps } from "../../../app/modules/catalog/tiktok-review-processors";
import type { StoredWebhookDelivery } from "../../../app/modules/webhooks/webhook-delivery-repository";

const event = (productId: string, status: string, n: number) =>
  ({ id: `d${n}`, topic: "PRODUCT_STATUS_CHANGE", payload: JSON.stringify({ type: 5, tts_notification_id: `n${n}`, shop_id: "7494726673780148001", timestamp: 1796170000 + n, data: { product_id: productId, status, update_time: 1796170000 + n } }) }) as unknown as StoredWebhookDelivery;

describe("TikTok product events in a batch", () => {
  it("reads each listing once, for its latest event; the earlier ones are marked superseded", async () => {
    const reads: string[] = [];
    const deps = {
      state: {
        byTikTokProductId: async (id: string) => (id === "1729000000000000001" || id === "1729000000000000002" ? [{ shop: "s", productId: `p-${id}`, selected: true, pricePendingHash: null }] : []),
        update: async () => undefined,
        recordEvent: async () => "e",
      },
      queue: { enqueue: async () => ({ id: "j", coalesced: false }) },
      tiktokFor: async () => ({ api: { products: { get: async (id: string) => (reads.push(id), { data: { status: "ACTIVATE", audit: null, audit_failed_reasons: [] }, requestId: "r" }) } } }),
    } as unknown as TikTokReviewDeps;
    const process = createTikTokReviewBatchProcessors(deps)["tiktok:PRODUCT_STATUS_CHANGE"]!;
    const results = await process([
      event("1729000000000000001", "PENDING", 1),
      event("1729000000000000002", "ACTIVATE", 2),
      event("1729000000000000001", "ACTIVATE", 3),
      event("1729000000000000009", "ACTIVATE", 4),
    ]);
    expect(reads).toEqual(["1729000000000000002", "1729000000000000001"]); // not the listing the app does not know
    expect(results).toEqual([
      { ignored: "superseded: a later event of this listing in the same batch read its status" },
      undefined,
      undefined,
      { ignored: "product is not one the app synced" },
    ]);
  });
});
