// QueryRoot's order fields: orders (Shopify's search syntax and sort keys), order, fulfillmentOrder and job.
// Orders are searchable the moment they exist; Shopify's search index may lag (not modeled).
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { financialStatus, orderTotals, type StoredOrder } from "../order-model";
import { paginate, sortByKey, type ConnectionArgs, type SortKey } from "../relay-connection";
import { searchFilter, type FieldMatcher } from "../search-query";
import { fulfillmentOrderView, readsFulfillmentOrders } from "./fulfillment-views";
import { jobView } from "./job-views";
import { assertGlobalId } from "./node-lookup";
import { orderView } from "./order-views";
import { legacyNumber, requireScope, type ResolverContext } from "./resolver-context";

const FULFILLMENT_STATUS_VALUES: Record<string, string[]> = {
  unfulfilled: ["UNFULFILLED"], unshipped: ["UNFULFILLED"], fulfilled: ["FULFILLED"], shipped: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"], on_hold: ["ON_HOLD"], scheduled: ["SCHEDULED"], request_declined: ["REQUEST_DECLINED"],
};

/** status: open, closed, cancelled, not_closed (the documented values) and any (REST's status=any, matches all). */
function statusMatches(order: StoredOrder, value: string): boolean {
  switch (value) {
    case "open": return order.closedAt === null && order.cancelledAt === null;
    case "closed": return order.closedAt !== null;
    case "cancelled": return order.cancelledAt !== null;
    case "not_closed": return order.closedAt === null;
    case "any": return true;
    default: return false;
  }
}

function orderSearchFields(ctx: ResolverContext): Record<string, FieldMatcher<StoredOrder>> {
  return {
    source_identifier: { kind: "exact", get: (o) => o.sourceIdentifier },
    source_name: { kind: "exact", get: (o) => o.sourceName },
    tag: { kind: "list", get: (o) => o.tags },
    tag_not: { kind: "list", get: (o) => o.tags, negate: true },
    name: { kind: "predicate", test: (o, v) => o.name.toLowerCase() === v || o.name.toLowerCase() === `#${v}` },
    status: { kind: "predicate", test: statusMatches },
    financial_status: { kind: "predicate", test: (o, v) => financialStatus(o).toLowerCase() === v },
    fulfillment_status: { kind: "predicate", test: (o, v) => (FULFILLMENT_STATUS_VALUES[v] ?? []).includes(ctx.store.orders.fulfillmentStatus(o)) },
    sku: { kind: "list", get: (o) => o.lineItems.map((l) => l.sku).filter((s): s is string => s !== null) },
    email: { kind: "exact", get: (o) => o.email },
    discount_code: { kind: "exact", get: (o) => o.discountCode?.code ?? null },
    gateway: { kind: "list", get: (o) => o.transactions.map((t) => t.gateway).filter((g): g is string => g !== null) },
    test: { kind: "exact", get: (o) => String(o.test) },
    id: { kind: "number", get: (o) => legacyNumber(o.id) },
    created_at: { kind: "date", get: (o) => o.createdAt },
    updated_at: { kind: "date", get: (o) => o.updatedAt },
    processed_at: { kind: "date", get: (o) => o.processedAt },
  };
}

function orderSortKey(sortKey: string | null | undefined): (o: StoredOrder) => SortKey {
  const key = (value: string | number) => (o: StoredOrder) => ({ value, id: legacyNumber(o.id) });
  switch (sortKey ?? "PROCESSED_AT") {
    case "PROCESSED_AT": return (o) => key(o.processedAt)(o);
    case "CREATED_AT": return (o) => key(o.createdAt)(o);
    case "UPDATED_AT": return (o) => key(o.updatedAt)(o);
    case "ORDER_NUMBER": return (o) => key(o.number)(o);
    case "TOTAL_PRICE": return (o) => key(orderTotals(o).total)(o);
    case "ID": case "RELEVANCE": return (o) => key(legacyNumber(o.id))(o);
    default: throw new GraphQLError(`Sorting orders by ${sortKey} is not supported by the sandbox`, { extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" } });
  }
}

export function orderQueries(ctx: ResolverContext) {
  const book = ctx.store.orders;
  return {
    orders: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null; savedSearchId?: string | null }, _c: unknown, info: GraphQLResolveInfo) => {
      requireScope(ctx, "read_orders", "orders");
      if (args.savedSearchId) throw new GraphQLError("Argument 'savedSearchId' of 'orders' is not supported by the sandbox", { extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" } });
      const { matches, warnings } = searchFilter(args.query, orderSearchFields(ctx), (o) => [o.name, o.email ?? "", o.sourceIdentifier ?? "", ...o.tags]);
      if (warnings.length && args.query) ctx.searchWarnings.push({ path: [info.path.key], query: args.query, warnings });
      const keyOf = orderSortKey(args.sortKey);
      const sorted = sortByKey([...book.orders.values()].filter(matches), keyOf, Boolean(args.reverse));
      return paginate(sorted, args, keyOf, (o) => orderView(ctx, o), { unbounded: ctx.unbounded });
    },
    order: (args: { id: string }) => {
      requireScope(ctx, "read_orders", "order");
      assertGlobalId(args.id);
      const order = book.orders.get(args.id);
      return order ? orderView(ctx, order) : null;
    },
    fulfillmentOrder: (args: { id: string }) => {
      requireScope(ctx, "read_merchant_managed_fulfillment_orders", "fulfillmentOrder");
      assertGlobalId(args.id);
      const fo = book.fulfillmentOrders.get(args.id);
      return fo && readsFulfillmentOrders(ctx) ? fulfillmentOrderView(ctx, fo) : null;
    },
    job: (args: { id: string }) => {
      assertGlobalId(args.id);
      const job = book.jobs.get(args.id);
      return job ? jobView(job) : null;
    },
  };
}
