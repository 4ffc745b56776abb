import type { ZodType } from "zod";
import type { TikTokResult } from "./tiktok-envelope";
import type { ShopCall } from "./tiktok-shop-call";
import {
  orderTransactionsResultSchema,
  paymentsResultSchema,
  statementTransactionsResultSchema,
  statementsResultSchema,
  unsettledResultSchema,
  withdrawalsResultSchema,
  type TikTokCreateTimeFilter,
  type TikTokFinancePaging,
  type TikTokOrderTransactionsResult,
  type TikTokPayment,
  type TikTokPaymentsResult,
  type TikTokStatement,
  type TikTokStatementFilter,
  type TikTokStatementTransaction,
  type TikTokStatementTransactionsResult,
  type TikTokStatementsResult,
  type TikTokUnsettledFilter,
  type TikTokUnsettledResult,
  type TikTokUnsettledTransaction,
  type TikTokWithdrawalType,
  type TikTokWithdrawalsResult,
} from "./types/finance";

const pagingQuery = (p: TikTokFinancePaging, sortField: string) => ({
  sort_field: sortField,
  sort_order: p.sortOrder,
  page_size: p.pageSize,
  page_token: p.pageToken,
});

/**
 * Walks every page of a listing. A page token seen twice would loop forever: that is an error, as in
 * orders.searchAll.
 */
async function* allPages<P, T>(
  what: string,
  fetchPage: (pageToken: string | undefined) => Promise<P>,
  items: (page: P) => T[],
  nextToken: (page: P) => string | undefined
): AsyncGenerator<T, void, undefined> {
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(pageToken);
    yield* items(page);
    pageToken = nextToken(page) || undefined;
    if (pageToken !== undefined) {
      if (seen.has(pageToken)) throw new Error(`TikTok ${what} returned the same page token twice`);
      seen.add(pageToken);
    }
  } while (pageToken !== undefined);
}

/** Finance (orders-and-money contract §1): settled statements, their transactions, unsettled estimates, payouts. */
export function createFinanceApi(call: ShopCall) {
  const get = <T>(
    path: string,
    schema: ZodType<T>,
    query: Record<string, string | number | undefined>,
    pathParams?: Record<string, string>
  ) => call({ method: "GET", path, pathParams, query, schema, shopScoped: true, idempotent: true });

  const api = {
    /** Daily statements (generated at 00:00 UTC), sorted by statement_time. */
    statements(
      filter: TikTokStatementFilter = {},
      paging: TikTokFinancePaging = {}
    ): Promise<TikTokResult<TikTokStatementsResult>> {
      return get("/finance/202309/statements", statementsResultSchema, {
        ...filter,
        ...pagingQuery(paging, "statement_time"),
      });
    },

    /** One statement's totals and a page of its transactions (order, adjustment, reserve), sorted by order_create_time. */
    statementTransactions(
      statementId: string,
      paging: TikTokFinancePaging = {}
    ): Promise<TikTokResult<TikTokStatementTransactionsResult>> {
      return get(
        "/finance/202501/statements/{statement_id}/statement_transactions",
        statementTransactionsResultSchema,
        pagingQuery(paging, "order_create_time"),
        { statement_id: statementId }
      );
    },

    /** SKU-level settlement rows of one order (each names its statement_id; a later refund adds rows). Empty until settled. */
    orderTransactions(orderId: string): Promise<TikTokResult<TikTokOrderTransactionsResult>> {
      return get(
        "/finance/202501/orders/{order_id}/statement_transactions",
        orderTransactionsResultSchema,
        {},
        { order_id: orderId }
      );
    },

    /** Estimates for paid orders not settled yet. Never book them. */
    unsettled(
      filter: TikTokUnsettledFilter = {},
      paging: TikTokFinancePaging = {}
    ): Promise<TikTokResult<TikTokUnsettledResult>> {
      return get("/finance/202507/orders/unsettled", unsettledResultSchema, {
        ...filter,
        ...pagingQuery(paging, "order_create_time"),
      });
    },

    /** Payouts; statements name theirs by payment_id. */
    payments(
      filter: TikTokCreateTimeFilter = {},
      paging: TikTokFinancePaging = {}
    ): Promise<TikTokResult<TikTokPaymentsResult>> {
      return get("/finance/202309/payments", paymentsResultSchema, {
        ...filter,
        ...pagingQuery(paging, "create_time"),
      });
    },

    /** Wallet movements. `types` is required (sent comma-joined); this endpoint takes no sort parameters. */
    withdrawals(
      types: TikTokWithdrawalType[],
      filter: TikTokCreateTimeFilter = {},
      paging: Omit<TikTokFinancePaging, "sortOrder"> = {}
    ): Promise<TikTokResult<TikTokWithdrawalsResult>> {
      if (types.length === 0) throw new RangeError("withdrawals: TikTok requires at least one type");
      return call({
        method: "GET",
        path: "/finance/202309/withdrawals",
        schema: withdrawalsResultSchema,
        shopScoped: true,
        idempotent: true,
        query: { types, ...filter, page_size: paging.pageSize, page_token: paging.pageToken },
      });
    },

    statementsAll(
      filter: TikTokStatementFilter = {},
      paging: Omit<TikTokFinancePaging, "pageToken"> = { pageSize: 100 }
    ): AsyncGenerator<TikTokStatement> {
      return allPages(
        "statements",
        async (pageToken) => (await api.statements(filter, { ...paging, pageToken })).data,
        (d) => d.statements,
        (d) => d.next_page_token
      );
    },

    statementTransactionsAll(
      statementId: string,
      paging: Omit<TikTokFinancePaging, "pageToken"> = { pageSize: 100 }
    ): AsyncGenerator<TikTokStatementTransaction> {
      return allPages(
        "statement transactions",
        async (pageToken) => (await api.statementTransactions(statementId, { ...paging, pageToken })).data,
        (d) => d.transactions,
        (d) => d.next_page_token
      );
    },

    unsettledAll(
      filter: TikTokUnsettledFilter = {},
      paging: Omit<TikTokFinancePaging, "pageToken"> = { pageSize: 100 }
    ): AsyncGenerator<TikTokUnsettledTransaction> {
      return allPages(
        "unsettled transactions",
        async (pageToken) => (await api.unsettled(filter, { ...paging, pageToken })).data,
        (d) => d.transactions,
        (d) => d.next_page_token
      );
    },

    paymentsAll(
      filter: TikTokCreateTimeFilter = {},
      paging: Omit<TikTokFinancePaging, "pageToken"> = { pageSize: 100 }
    ): AsyncGenerator<TikTokPayment> {
      return allPages(
        "payments",
        async (pageToken) => (await api.payments(filter, { ...paging, pageToken })).data,
        (d) => d.payments,
        (d) => d.next_page_token
      );
    },
  };
  return api;
}

export type TikTokFinanceApi = ReturnType<typeof createFinanceApi>;
