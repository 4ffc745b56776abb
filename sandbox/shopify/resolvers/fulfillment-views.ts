// FulfillmentOrder (its line items, holds and assigned location), Fulfillment and its tracking info. Fulfillment
// orders are visible only with a fulfillment-orders read scope, as Shopify filters them by access.
import type { StoredFulfillment, StoredFulfillmentOrder, StoredHold } from "../order-model";
import { paginate, type ConnectionArgs } from "../relay-connection";
import { locationView } from "./location-views";
import { lineItemView, orderView } from "./order-views";
import { variantView } from "./product-views";
import { hasScope, legacyNumber, type ResolverContext } from "./resolver-context";

const byId = (x: { id: string }) => ({ value: legacyNumber(x.id), id: legacyNumber(x.id) });

/** The sandbox's locations are all merchant-managed, so the merchant-managed scope is the one that shows them. */
export function readsFulfillmentOrders(ctx: ResolverContext): boolean {
  return hasScope(ctx, "read_merchant_managed_fulfillment_orders");
}

const HOLD_REASONS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment", HIGH_RISK_OF_FRAUD: "High risk of fraud", INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock", OTHER: "Other", UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
  AWAITING_RETURN_ITEMS: "Awaiting return items", ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Post-purchase upsell",
};

export function holdView(h: StoredHold) {
  return {
    __typename: "FulfillmentHold",
    id: h.id,
    reason: h.reason,
    reasonNotes: h.reasonNotes,
    handle: h.handle,
    displayReason: HOLD_REASONS[h.reason] ?? h.reason,
    heldByRequestingApp: h.heldByApp,
  };
}

function assignedLocationView(ctx: ResolverContext, locationId: string) {
  const l = ctx.store.locations.get(locationId)!;
  return {
    __typename: "FulfillmentOrderAssignedLocation",
    name: l.name,
    address1: l.address.address1,
    address2: null,
    city: l.address.city,
    province: l.address.province,
    zip: l.address.zip,
    countryCode: l.address.countryCode,
    phone: l.address.phone,
    location: () => locationView(ctx, l),
  };
}

export function fulfillmentOrderView(ctx: ResolverContext, fo: StoredFulfillmentOrder) {
  const book = ctx.store.orders;
  const order = () => book.orders.get(fo.orderId)!;
  return {
    __typename: "FulfillmentOrder",
    id: fo.id,
    status: fo.status,
    requestStatus: "UNSUBMITTED",
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    orderId: fo.orderId,
    orderName: () => order().name,
    orderProcessedAt: () => order().processedAt,
    order: () => orderView(ctx, order()),
    assignedLocation: () => assignedLocationView(ctx, fo.locationId),
    fulfillmentHolds: () => fo.holds.map(holdView),
    lineItems: (args: ConnectionArgs) => paginate(fo.lineItems, args, byId, (l) => {
      const line = book.lineItem(l.lineItemId)!;
      const variant = line.variantId ? ctx.store.variants.get(line.variantId) : undefined;
      return {
        __typename: "FulfillmentOrderLineItem",
        id: l.id,
        totalQuantity: l.totalQuantity,
        remainingQuantity: l.remainingQuantity,
        sku: line.sku,
        productTitle: line.title,
        variantTitle: line.variantTitle,
        vendor: line.vendor,
        requiresShipping: line.requiresShipping,
        inventoryItemId: line.inventoryItemId,
        lineItem: () => lineItemView(ctx, line, order()),
        variant: () => (variant ? variantView(ctx, variant) : null),
      };
    }, { unbounded: ctx.unbounded }),
    fulfillments: (args: ConnectionArgs) => {
      const list = book.fulfillmentsOf(order()).filter((f) => f.lineItems.some((l) => l.fulfillmentOrderId === fo.id));
      return paginate(list, args, byId, (f) => fulfillmentView(ctx, f), { unbounded: ctx.unbounded });
    },
  };
}

export function fulfillmentView(ctx: ResolverContext, f: StoredFulfillment) {
  const book = ctx.store.orders;
  const order = () => book.orders.get(f.orderId)!;
  const tracking = f.trackingNumbers.length ? f.trackingNumbers.map((n, i) => ({ number: n, url: f.trackingUrls[i] ?? null })) : f.trackingUrls.map((u) => ({ number: null, url: u }));
  return {
    __typename: "Fulfillment",
    id: f.id,
    legacyResourceId: String(legacyNumber(f.id)),
    name: f.name,
    status: f.status,
    displayStatus: f.status === "SUCCESS" ? "FULFILLED" : "CANCELED",
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    totalQuantity: f.lineItems.reduce((n, l) => n + l.quantity, 0),
    requiresShipping: () => f.lineItems.some((l) => book.lineItem(l.lineItemId)!.requiresShipping),
    trackingInfo: (args: { first?: number | null }) =>
      (tracking.length ? tracking : f.trackingCompany ? [{ number: null, url: null }] : [])
        .slice(0, args.first ?? undefined)
        .map((t) => ({ __typename: "FulfillmentTrackingInfo", company: f.trackingCompany, number: t.number, url: t.url })),
    location: () => locationView(ctx, ctx.store.locations.get(f.locationId)!),
    order: () => orderView(ctx, order()),
    fulfillmentLineItems: (args: ConnectionArgs) => paginate(f.lineItems, args, byId, (l) => ({
      __typename: "FulfillmentLineItem",
      id: l.id,
      quantity: l.quantity,
      lineItem: () => lineItemView(ctx, book.lineItem(l.lineItemId)!, order()),
    }), { unbounded: ctx.unbounded }),
  };
}
