// The sandbox's merchant-side order routes (unsigned, like its other /sandbox routes): list orders, fulfil or
// cancel one as a merchant in the admin would, update tracking, check out on the webstore, switch the shop's
// plan, and the lost-answer fault knob. Each change fires the webhooks Shopify would.
import { z } from "zod";
import { decimalAmount } from "./money";
import { cancelOrder, cancellationErrors } from "./order-cancellation";
import { createFulfillment, updateTracking, type FulfilRequest } from "./order-fulfillment";
import { financialStatus, orderTotals, type StoredOrder } from "./order-model";
import { gid } from "./shopify-ids";
import { storefrontCheckout } from "./storefront-checkout";
import type { ShopifyStore } from "./store";

export interface FaultKnobs {
  /** The next n orderCreate requests that create an order are committed, then their connection is destroyed. */
  loseOrderCreateAnswers: number;
}

export interface OrderRouteResult {
  status: number;
  body: unknown;
}

const id = z.union([z.string(), z.number()]).transform(String);
const Fulfil = z.object({ trackingCompany: z.string().optional(), trackingNumber: z.string().optional(), lineItems: z.array(z.object({ lineItemId: id, quantity: z.coerce.number().int() })).optional() });
const Tracking = z.object({ trackingCompany: z.string().optional(), trackingNumber: z.string() });
const Cancel = z.object({ restock: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(true), reason: z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]).default("OTHER"), refund: z.boolean().default(false) });
const Checkout = z.object({ items: z.array(z.object({ variantId: id, quantity: z.coerce.number().int() })) });
const Plan = z.object({ plan: z.enum(["development", "standard"]) });
const Faults = z.object({ loseOrderCreateAnswers: z.coerce.number().int().min(0) });

const toGid = (type: string, value: string) => (value.startsWith("gid://") ? value : gid(type, value));

/** An order as the sandbox's JSON API lists it: the record plus what Shopify derives from it. */
export function orderSummary(store: ShopifyStore, order: StoredOrder) {
  const totals = orderTotals(order);
  const book = store.orders;
  return {
    ...order,
    displayFinancialStatus: financialStatus(order),
    displayFulfillmentStatus: book.fulfillmentStatus(order),
    totalPrice: decimalAmount(totals.total),
    fulfillmentOrders: book.fulfillmentOrdersOf(order),
    fulfillments: book.fulfillmentsOf(order),
    refunds: book.refundsOf(order),
  };
}

/** The merchant fulfils from the admin: named lines (or everything open), one fulfillment per fulfillment order. */
function merchantFulfil(store: ShopifyStore, order: StoredOrder, input: z.infer<typeof Fulfil>): OrderRouteResult {
  const fos = store.orders.fulfillmentOrdersOf(order);
  const wanted = input.lineItems?.map((l) => ({ lineItemId: toGid("LineItem", l.lineItemId), quantity: l.quantity }));
  const open = (fo: (typeof fos)[number]) => fo.status === "OPEN" || fo.status === "IN_PROGRESS";
  // Named lines are fulfilled wherever they are (a held one is refused); otherwise every open fulfillment order.
  const requests: FulfilRequest[] = fos.filter((fo) => wanted || open(fo)).flatMap((fo) => {
    const lines = fo.lineItems.filter((l) => l.remainingQuantity > 0 && (!wanted || wanted.some((w) => w.lineItemId === l.lineItemId)));
    if (lines.length === 0) return [];
    return [{ fulfillmentOrderId: fo.id, lines: lines.map((l) => ({ id: l.id, quantity: wanted ? wanted.find((w) => w.lineItemId === l.lineItemId)!.quantity : l.remainingQuantity })) }];
  });
  if (requests.length === 0) {
    const held = fos.some((fo) => fo.status === "ON_HOLD");
    return { status: 409, body: { error: held ? "The order's unfulfilled items are on hold: release the hold first" : "Nothing left to fulfil on this order" } };
  }
  const tracking = { company: input.trackingCompany ?? null, number: input.trackingNumber ?? null };
  const fulfillments = [];
  for (const request of requests) {
    const result = createFulfillment(store, [request], tracking, false);
    if ("errors" in result) return { status: 409, body: { error: result.errors.map((e) => e.message).join("; "), fulfillments } };
    fulfillments.push(result.fulfillment);
  }
  return { status: 201, body: { fulfillments } };
}

/** Routes under /sandbox that concern orders; null when the path is not one of them. */
export function orderRoute(store: ShopifyStore, faults: FaultKnobs, method: string, path: string, input: Record<string, unknown>): OrderRouteResult | null {
  let m: RegExpExecArray | null;
  if (method === "GET" && path === "/sandbox/orders") return { status: 200, body: { orders: [...store.orders.orders.values()].map((o) => orderSummary(store, o)) } };
  if (method !== "POST") return null;
  if ((m = /^\/sandbox\/orders\/(\d+)\/(fulfill|cancel)$/.exec(path))) {
    const order = store.orders.orders.get(gid("Order", m[1]!));
    if (!order) return { status: 404, body: { error: `No order ${m[1]}` } };
    if (m[2] === "fulfill") return merchantFulfil(store, order, Fulfil.parse(input));
    const request = { ...Cancel.parse(input), staffNote: null };
    const errors = cancellationErrors(order, request);
    if (errors.length) return { status: 409, body: { error: errors[0]!.message } };
    cancelOrder(store, order, request);
    return { status: 200, body: { order: orderSummary(store, order) } };
  }
  if ((m = /^\/sandbox\/fulfillments\/(\d+)\/tracking$/.exec(path))) {
    const fulfillment = store.orders.fulfillments.get(gid("Fulfillment", m[1]!));
    if (!fulfillment) return { status: 404, body: { error: `No fulfillment ${m[1]}` } };
    const edit = Tracking.parse(input);
    updateTracking(store, fulfillment, { company: edit.trackingCompany ?? fulfillment.trackingCompany, number: edit.trackingNumber }, false);
    return { status: 200, body: { fulfillment } };
  }
  if (path === "/sandbox/storefront-orders") {
    const items = Checkout.parse(input).items.map((i) => ({ variantId: toGid("ProductVariant", i.variantId), quantity: i.quantity }));
    const result = storefrontCheckout(store, items);
    return "order" in result ? { status: 201, body: { order: orderSummary(store, result.order) } } : { status: result.status, body: { error: result.error } };
  }
  if (path === "/sandbox/plan") {
    store.shop.plan = Plan.parse(input).plan;
    return { status: 200, body: { plan: store.shop.plan } };
  }
  if (path === "/sandbox/faults") {
    Object.assign(faults, Faults.parse(input));
    return { status: 200, body: { faults } };
  }
  return null;
}
