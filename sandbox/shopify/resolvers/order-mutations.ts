// orderCreate, orderCancel (asynchronous: a job) and refundCreate (@idempotent required).
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { IDEMPOTENCY_MISMATCH_MESSAGE, runIdempotent } from "../idempotency";
import { toCents } from "../money";
import { draftOrder } from "../order-create-input";
import { cancellationErrors, scheduleCancellation } from "../order-cancellation";
import type { InventoryBehaviour, StoredOrder } from "../order-model";
import { placeOrder } from "../order-placement";
import { createRefund, refundErrors, type RefundRequest } from "../order-refunds";
import { SANDBOX_APP_ID } from "../shop-defaults";
import type { ShopifyStore } from "../store";
import { cancelJobResultView, jobView } from "./job-views";
import { rejectUnsupported, unsupported } from "./mutation-support";
import { orderView } from "./order-views";
import { refundView } from "./refund-views";
import { requireAnyScope, requireScope, type ResolverContext } from "./resolver-context";

/**
 * The schema's note: "If you're using the orderCreate mutation with a trial or development store, then you can
 * create a maximum of five new orders per minute." How GraphQL answers the sixth is not documented; the REST
 * endpoint answers 429 "Exceeded order API rate limit, please try again in a minute. Upgrade to a paid account
 * to remove this limit." (ShopifySharp#726). The sandbox answers that wording as a userError INVALID (the
 * code enum has nothing closer) and creates no order.
 */
export const DEVELOPMENT_ORDERS_PER_MINUTE = 5;
export const DEVELOPMENT_LIMIT_MESSAGE = "Exceeded order API rate limit, please try again in a minute. Upgrade to a paid account to remove this limit.";

function developmentLimitReached(store: ShopifyStore): boolean {
  if (store.shop.plan !== "development") return false;
  const times = store.orders.apiCreationTimes;
  const since = store.now().getTime() - 60_000;
  while (times.length && times[0]! <= since) times.shift();
  return times.length >= DEVELOPMENT_ORDERS_PER_MINUTE;
}

type RefundInput = Record<string, any>;

function refundRequest(order: StoredOrder, input: RefundInput): RefundRequest {
  rejectUnsupported("RefundInput", { ...input, refundMethods: input.refundMethods?.length ? input.refundMethods : undefined }, ["orderId", "refundLineItems", "transactions", "note", "notify", "shipping", "currency", "allowOverRefunding"]);
  if (input.currency && input.currency !== order.currency) unsupported("RefundInput", ["currency"]);
  const shippingTotal = order.shippingLines.reduce((n, s) => n + s.priceCents - s.discountCents, 0);
  const shipping = input.shipping?.shippingRefundAmount ? (toCents(input.shipping.shippingRefundAmount.amount) ?? 0) : input.shipping?.fullRefund ? shippingTotal : 0;
  return {
    lines: (input.refundLineItems ?? []).map((l: RefundInput) => ({ lineItemId: l.lineItemId, quantity: l.quantity, restockType: l.restockType ?? "NO_RESTOCK", locationId: l.locationId ?? null })),
    transactions: (input.transactions ?? []).map((t: RefundInput) => ({ orderId: t.orderId, gateway: t.gateway, kind: t.kind, amountCents: toCents(t.amount) ?? 0, parentId: t.parentId ?? null })),
    shippingCents: shipping,
    note: input.note ?? null,
    allowOverRefunding: Boolean(input.allowOverRefunding),
  };
}

export function orderMutations(ctx: ResolverContext) {
  const store = ctx.store;
  return {
    orderCreate: (args: { order: Record<string, unknown>; options?: { inventoryBehaviour?: InventoryBehaviour } | null }) => {
      requireScope(ctx, "write_orders", "orderCreate");
      if (ctx.onlineToken) throw new GraphQLError("Access denied for orderCreate field. This mutation is only accessible to apps authenticated using offline tokens.", { extensions: { code: "ACCESS_DENIED" } });
      if (developmentLimitReached(store)) return { order: null, userErrors: [{ field: null, message: DEVELOPMENT_LIMIT_MESSAGE, code: "INVALID" }] };
      const drafted = draftOrder({ store, appId: SANDBOX_APP_ID, inventoryBehaviour: args.options?.inventoryBehaviour ?? "BYPASS" }, args.order);
      if ("userErrors" in drafted) return { order: null, userErrors: drafted.userErrors };
      const placed = placeOrder(store, drafted.draft);
      if ("claimFailed" in placed) {
        return { order: null, userErrors: [{ field: ["order", "lineItems", String(placed.claimFailed)], message: "Inventory could not be claimed: not enough available and the variant does not allow overselling.", code: "INVENTORY_CLAIM_FAILED" }] };
      }
      store.orders.apiCreationTimes.push(store.now().getTime());
      ctx.createdOrderIds?.push(placed.order.id);
      return { order: orderView(ctx, placed.order), userErrors: [] };
    },
    // `refund` is deprecated in 2026-10 (the sandbox refuses deprecated input): refundMethod says how to refund.
    orderCancel: (args: { orderId: string; reason: string; restock: boolean; refundMethod?: { originalPaymentMethodsRefund?: boolean | null; storeCreditRefund?: unknown } | null; notifyCustomer?: boolean | null; staffNote?: string | null }) => {
      requireAnyScope(ctx, ["write_orders", "write_marketplace_orders"], "orderCancel");
      const order = store.orders.orders.get(args.orderId);
      if (!order) return { job: null, jobResult: null, orderCancelUserErrors: [{ field: ["orderId"], message: "Order does not exist.", code: "NOT_FOUND" }] };
      if (args.refundMethod?.storeCreditRefund) {
        // Store credit goes to the order's customer; the sandbox's orders have none.
        return { job: null, jobResult: null, orderCancelUserErrors: [{ field: ["refundMethod", "storeCreditRefund"], message: "A store credit refund needs the order's customer, and this order has none.", code: "STORE_CREDIT_REFUND_MISSING_CUSTOMER" }] };
      }
      const request = { reason: args.reason, restock: args.restock, refund: Boolean(args.refundMethod?.originalPaymentMethodsRefund), staffNote: args.staffNote ?? null };
      const errors = cancellationErrors(order, request);
      if (errors.length) return { job: null, jobResult: null, orderCancelUserErrors: errors };
      const job = scheduleCancellation(store, order, request);
      return { job: jobView(job), jobResult: cancelJobResultView(ctx, job), orderCancelUserErrors: [] };
    },
    refundCreate: (args: { input: RefundInput }, _c: unknown, info: GraphQLResolveInfo) => {
      requireAnyScope(ctx, ["write_orders", "write_marketplace_orders"], "refundCreate");
      const mismatch = () => ({ order: null, refund: null, userErrors: [{ field: null, message: IDEMPOTENCY_MISMATCH_MESSAGE }] });
      return runIdempotent(store.idempotency, info, args, () => {
        const order = store.orders.orders.get(args.input.orderId);
        if (!order) return { order: null, refund: null, userErrors: [{ field: ["input", "orderId"], message: "Order does not exist." }] };
        const request = refundRequest(order, args.input);
        const errors = refundErrors(store, order, request);
        if (errors.length) return { order: orderView(ctx, order), refund: null, userErrors: errors.map(({ field, message }) => ({ field, message })) };
        const refund = createRefund(store, order, request);
        return { order: orderView(ctx, order), refund: refundView(ctx, refund), userErrors: [] };
      }, mismatch);
    },
  };
}
