// The store's orders: records by id, lookups between orders, line items, fulfillment orders, fulfillments and
// refunds, the statuses Shopify derives from them, and the asynchronous jobs (orderCancel) that change them.
// Operations live beside it (order-placement, order-fulfillment, order-cancellation, order-refunds).
import type { ShopifyStore } from "./store";
import type { StoredFulfillment, StoredFulfillmentOrder, StoredLineItem, StoredOrder, StoredRefund } from "./order-model";
import { financialStatus } from "./order-model";

export type OrderChange =
  | { kind: "order/create"; orderId: string }
  | { kind: "order/update"; orderId: string }
  | { kind: "order/cancel"; orderId: string }
  | { kind: "fulfillment/create"; fulfillmentId: string }
  | { kind: "fulfillment/update"; fulfillmentId: string }
  | { kind: "refund/create"; refundId: string };

export interface StoredJob {
  id: string;
  done: boolean;
  status: "STARTED" | "SUCCEEDED" | "FAILED";
  orderId: string;
  errors: { field: string[] | null; message: string; code: string }[];
}

export class OrderBook {
  readonly orders = new Map<string, StoredOrder>();
  readonly fulfillmentOrders = new Map<string, StoredFulfillmentOrder>();
  readonly fulfillments = new Map<string, StoredFulfillment>();
  readonly refunds = new Map<string, StoredRefund>();
  readonly jobs = new Map<string, StoredJob>();
  /** When orderCreate made each order (the development-store limit counts a rolling minute of them). */
  readonly apiCreationTimes: number[] = [];
  /** How long an asynchronous job waits before it runs. */
  jobDelayMs = 50;
  private readonly lineItemOrder = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private lastNumber = 1000;

  constructor(private readonly store: ShopifyStore) {}

  nextNumber(): number {
    return ++this.lastNumber;
  }

  add(order: StoredOrder, fulfillmentOrders: StoredFulfillmentOrder[]): void {
    this.orders.set(order.id, order);
    for (const line of order.lineItems) this.lineItemOrder.set(line.id, order.id);
    for (const fo of fulfillmentOrders) this.fulfillmentOrders.set(fo.id, fo);
  }

  orderOfLineItem(lineItemId: string): StoredOrder | undefined {
    const orderId = this.lineItemOrder.get(lineItemId);
    return orderId ? this.orders.get(orderId) : undefined;
  }

  lineItem(lineItemId: string): StoredLineItem | undefined {
    return this.orderOfLineItem(lineItemId)?.lineItems.find((l) => l.id === lineItemId);
  }

  fulfillmentOrdersOf(order: StoredOrder): StoredFulfillmentOrder[] {
    return order.fulfillmentOrderIds.map((id) => this.fulfillmentOrders.get(id)!);
  }

  fulfillmentsOf(order: StoredOrder): StoredFulfillment[] {
    return order.fulfillmentIds.map((id) => this.fulfillments.get(id)!);
  }

  refundsOf(order: StoredOrder): StoredRefund[] {
    return order.refundIds.map((id) => this.refunds.get(id)!);
  }

  fulfilledQuantity(line: StoredLineItem): number {
    const order = this.orderOfLineItem(line.id)!;
    return this.fulfillmentsOf(order).filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItems).filter((l) => l.lineItemId === line.id).reduce((n, l) => n + l.quantity, 0);
  }

  /** Units still to fulfil: what the line's open fulfillment orders have left. */
  unfulfilledQuantity(line: StoredLineItem): number {
    const order = this.orderOfLineItem(line.id)!;
    return this.fulfillmentOrdersOf(order).flatMap((fo) => fo.lineItems).filter((l) => l.lineItemId === line.id).reduce((n, l) => n + l.remainingQuantity, 0);
  }

  /** displayFulfillmentStatus. */
  fulfillmentStatus(order: StoredOrder): string {
    const fulfilled = order.lineItems.reduce((n, l) => n + this.fulfilledQuantity(l), 0);
    const remaining = order.lineItems.reduce((n, l) => n + this.unfulfilledQuantity(l), 0);
    if (fulfilled > 0) return remaining > 0 ? "PARTIALLY_FULFILLED" : "FULFILLED";
    const open = this.fulfillmentOrdersOf(order).filter((fo) => fo.lineItems.some((l) => l.remainingQuantity > 0));
    if (open.length > 0 && open.every((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
    return "UNFULFILLED";
  }

  /** Orders close when cancelled, or once paid and fulfilled (the store archives them, Shopify's default). */
  closeIfDone(order: StoredOrder, now: string): void {
    if (order.closedAt) return;
    const paid = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(financialStatus(order));
    if (order.cancelledAt || (paid && this.fulfillmentStatus(order) === "FULFILLED")) order.closedAt = now;
  }

  /** Marks the order changed and tells listeners (webhooks) what happened. */
  touch(order: StoredOrder, ...changes: OrderChange[]): void {
    order.updatedAt = this.store.timestamp();
    this.closeIfDone(order, order.updatedAt);
    for (const change of changes) this.store.announce(change);
  }

  /** Queues an asynchronous job; it runs after jobDelayMs and then reports done. */
  schedule(job: StoredJob, run: (job: StoredJob) => void): void {
    this.jobs.set(job.id, job);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run(job);
      job.done = true;
    }, this.jobDelayMs);
    this.timers.add(timer);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
