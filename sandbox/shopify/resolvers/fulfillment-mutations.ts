// fulfillmentCreate, fulfillmentTrackingInfoUpdate, fulfillmentOrderHold and fulfillmentOrderReleaseHold.
import { createFulfillment, placeHold, releaseHolds, updateTracking, type FulfilRequest, type TrackingInput } from "../order-fulfillment";
import { fulfillmentOrderView, fulfillmentView, holdView } from "./fulfillment-views";
import { rejectUnsupported, unsupported } from "./mutation-support";
import { requireAnyScope, type ResolverContext } from "./resolver-context";

const WRITE_FULFILLMENTS = ["write_assigned_fulfillment_orders", "write_merchant_managed_fulfillment_orders", "write_third_party_fulfillment_orders"];
const WRITE_HOLDS = ["write_merchant_managed_fulfillment_orders", "write_third_party_fulfillment_orders"];
const WRITE_RELEASES = [...WRITE_HOLDS, "write_marketplace_fulfillment_orders"];

type HoldInput = { reason: string; reasonNotes?: string | null; handle?: string | null; notifyMerchant?: boolean | null; externalId?: string | null; fulfillmentOrderLineItems?: unknown[] | null };
type FulfillmentInput = { lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[]; trackingInfo?: TrackingInput | null; notifyCustomer?: boolean | null; originAddress?: unknown };

export function fulfillmentMutations(ctx: ResolverContext) {
  const store = ctx.store;
  const foNotFound = (id: string) => ({ field: ["id"], message: `Fulfillment order ${id} could not be found.`, code: "FULFILLMENT_ORDER_NOT_FOUND" });
  return {
    fulfillmentCreate: (args: { fulfillment: FulfillmentInput; message?: string | null }) => {
      requireAnyScope(ctx, WRITE_FULFILLMENTS, "fulfillmentCreate");
      rejectUnsupported("FulfillmentInput", args.fulfillment as Record<string, unknown>, ["lineItemsByFulfillmentOrder", "trackingInfo", "notifyCustomer"]);
      const requests: FulfilRequest[] = args.fulfillment.lineItemsByFulfillmentOrder.map((r) => ({ fulfillmentOrderId: r.fulfillmentOrderId, lines: r.fulfillmentOrderLineItems }));
      const result = createFulfillment(store, requests, args.fulfillment.trackingInfo, Boolean(args.fulfillment.notifyCustomer));
      if ("errors" in result) return { fulfillment: null, userErrors: result.errors.map(({ field, message }) => ({ field, message })) };
      return { fulfillment: fulfillmentView(ctx, result.fulfillment), userErrors: [] };
    },
    fulfillmentTrackingInfoUpdate: (args: { fulfillmentId: string; trackingInfoInput: TrackingInput; notifyCustomer?: boolean | null }) => {
      requireAnyScope(ctx, WRITE_FULFILLMENTS, "fulfillmentTrackingInfoUpdate");
      const fulfillment = store.orders.fulfillments.get(args.fulfillmentId);
      if (!fulfillment) return { fulfillment: null, userErrors: [{ field: ["fulfillmentId"], message: "Fulfillment does not exist." }] };
      if (fulfillment.status === "CANCELLED") return { fulfillment: fulfillmentView(ctx, fulfillment), userErrors: [{ field: ["fulfillmentId"], message: "Cannot update tracking of a cancelled fulfillment." }] };
      updateTracking(store, fulfillment, args.trackingInfoInput, Boolean(args.notifyCustomer));
      return { fulfillment: fulfillmentView(ctx, fulfillment), userErrors: [] };
    },
    fulfillmentOrderHold: (args: { id: string; fulfillmentHold: HoldInput }) => {
      requireAnyScope(ctx, WRITE_HOLDS, "fulfillmentOrderHold");
      const input = args.fulfillmentHold;
      // Holding some line items splits the fulfillment order; the sandbox holds whole fulfillment orders only.
      if (input.fulfillmentOrderLineItems?.length) unsupported("FulfillmentOrderHoldInput", ["fulfillmentOrderLineItems"]);
      const fo = store.orders.fulfillmentOrders.get(args.id);
      if (!fo) return { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [foNotFound(args.id)] };
      const result = placeHold(store, fo, { reason: input.reason, reasonNotes: input.reasonNotes ?? null, handle: input.handle ?? "", notifyMerchant: Boolean(input.notifyMerchant) });
      if ("errors" in result) return { fulfillmentHold: null, fulfillmentOrder: fulfillmentOrderView(ctx, fo), remainingFulfillmentOrder: null, userErrors: result.errors };
      return { fulfillmentHold: holdView(result.hold), fulfillmentOrder: fulfillmentOrderView(ctx, fo), remainingFulfillmentOrder: null, userErrors: [] };
    },
    fulfillmentOrderReleaseHold: (args: { id: string; holdIds?: string[] | null; externalId?: string | null }) => {
      requireAnyScope(ctx, WRITE_RELEASES, "fulfillmentOrderReleaseHold");
      const fo = store.orders.fulfillmentOrders.get(args.id);
      if (!fo) return { fulfillmentOrder: null, userErrors: [foNotFound(args.id)] };
      releaseHolds(store, fo, args.holdIds);
      return { fulfillmentOrder: fulfillmentOrderView(ctx, fo), userErrors: [] };
    },
  };
}
