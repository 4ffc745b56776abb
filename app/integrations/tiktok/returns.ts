import { randomUUID } from "node:crypto";
import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import {
  searchCancellationsResultSchema, searchReturnsResultSchema, sellerCancelResultSchema,
  type TikTokCancellationSearchFilter, type TikTokReturnSearchFilter, type TikTokReverseDecisionBody, type TikTokReverseSearchPaging,
  type TikTokSearchCancellationsResult, type TikTokSearchReturnsResult, type TikTokSellerCancelBody,
} from "./types/returns";
import { emptyDataSchema } from "./types/tiktok-primitives";

const pagingQuery = (p: TikTokReverseSearchPaging) => ({
  page_size: p.pageSize, page_token: p.pageToken, sort_field: p.sortField, sort_order: p.sortOrder,
});

/** Cancellations and returns (contract §7, category return_refund). */
export function createReturnsApi(call: ShopCall) {
  // Decisions carry an idempotency key (one per logical decision, reused across retries), so resending is safe.
  const decide = (path: string, idName: string, id: string, body: TikTokReverseDecisionBody | undefined, idempotencyKey?: string) =>
    call({ method: "POST", path, pathParams: { [idName]: id }, query: { idempotency_key: idempotencyKey ?? randomUUID() },
      body: body ?? {}, schema: emptyDataSchema, shopScoped: true, idempotent: true });

  return {
    searchCancellations(filter: TikTokCancellationSearchFilter, paging: TikTokReverseSearchPaging = {}):
      Promise<TikTokResult<TikTokSearchCancellationsResult>> {
      return call({ method: "POST", path: "/return_refund/202309/cancellations/search", query: pagingQuery(paging), body: filter,
        schema: searchCancellationsResultSchema, shopScoped: true, idempotent: true });
    },

    /** Seller-initiated cancel. Not resent after an ambiguous failure: check the order first. */
    cancelOrder(body: TikTokSellerCancelBody) {
      return call({ method: "POST", path: "/return_refund/202309/cancellations", body, schema: sellerCancelResultSchema,
        shopScoped: true, idempotent: false });
    },

    approveCancellation: (cancelId: string, options: { idempotencyKey?: string } = {}) =>
      decide("/return_refund/202309/cancellations/{cancel_id}/approve", "cancel_id", cancelId, undefined, options.idempotencyKey),
    rejectCancellation: (cancelId: string, body: TikTokReverseDecisionBody, options: { idempotencyKey?: string } = {}) =>
      decide("/return_refund/202309/cancellations/{cancel_id}/reject", "cancel_id", cancelId, body, options.idempotencyKey),

    searchReturns(filter: TikTokReturnSearchFilter, paging: TikTokReverseSearchPaging = {}): Promise<TikTokResult<TikTokSearchReturnsResult>> {
      return call({ method: "POST", path: "/return_refund/202309/returns/search", query: pagingQuery(paging), body: filter,
        schema: searchReturnsResultSchema, shopScoped: true, idempotent: true });
    },

    approveReturn: (returnId: string, body?: TikTokReverseDecisionBody, options: { idempotencyKey?: string } = {}) =>
      decide("/return_refund/202309/returns/{return_id}/approve", "return_id", returnId, body, options.idempotencyKey),
    rejectReturn: (returnId: string, body: TikTokReverseDecisionBody, options: { idempotencyKey?: string } = {}) =>
      decide("/return_refund/202309/returns/{return_id}/reject", "return_id", returnId, body, options.idempotencyKey),
  };
}

export type TikTokReturnsApi = ReturnType<typeof createReturnsApi>;
