// Refund, its RefundLineItems and its transactions.
import type { StoredRefund } from "../order-model";
import { paginate, type ConnectionArgs } from "../relay-connection";
import { locationView } from "./location-views";
import { lineItemView, moneyBag, orderView, transactionView } from "./order-views";
import { legacyNumber, type ResolverContext } from "./resolver-context";

const byId = (x: { id: string }) => ({ value: legacyNumber(x.id), id: legacyNumber(x.id) });

export function refundView(ctx: ResolverContext, r: StoredRefund) {
  const book = ctx.store.orders;
  const order = () => book.orders.get(r.orderId)!;
  const transactions = () => order().transactions.filter((t) => r.transactionIds.includes(t.id));
  const currency = () => order().currency;
  return {
    __typename: "Refund",
    id: r.id,
    legacyResourceId: String(legacyNumber(r.id)),
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
    processedAt: r.processedAt,
    order: () => orderView(ctx, order()),
    totalRefundedSet: () => moneyBag(transactions().reduce((n, t) => n + t.amountCents, 0), currency()),
    transactions: (args: ConnectionArgs) => paginate(transactions(), args, byId, (t) => transactionView(t, currency(), order()), { unbounded: ctx.unbounded }),
    refundLineItems: (args: ConnectionArgs) => paginate(r.lineItems, args, byId, (l) => {
      const line = book.lineItem(l.lineItemId)!;
      return {
        __typename: "RefundLineItem",
        id: l.id,
        quantity: l.quantity,
        restockType: l.restockType,
        restocked: l.restockType !== "NO_RESTOCK",
        priceSet: moneyBag(line.priceCents, currency()),
        subtotalSet: moneyBag(l.subtotalCents, currency()),
        totalTaxSet: moneyBag(l.taxCents, currency()),
        lineItem: () => lineItemView(ctx, line, order()),
        location: () => (l.locationId ? locationView(ctx, ctx.store.locations.get(l.locationId)!) : null),
      };
    }, { unbounded: ctx.unbounded }),
  };
}
