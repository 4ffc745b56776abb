// Order, LineItem, ShippingLine, TaxLine, OrderTransaction and MoneyBag as the Admin API shows them. Fields not
// listed here error as unsupported (strict resolver), never an invented null.
import { GraphQLError } from "graphql";
import { decimalAmount, type Cents } from "../money";
import { financialStatus, lineSubtotal, moneyReceived, moneyRefunded, orderTotals, type StoredLineItem, type StoredOrder, type StoredShippingLine, type StoredTaxLine, type StoredTransaction } from "../order-model";
import { paginate, type ConnectionArgs } from "../relay-connection";
import { fulfillmentOrderView, fulfillmentView, readsFulfillmentOrders } from "./fulfillment-views";
import { metafieldFields } from "./metafield-views";
import { variantView } from "./product-views";
import { refundView } from "./refund-views";
import { legacyNumber, type ResolverContext } from "./resolver-context";

const byId = (x: { id: string }) => ({ value: legacyNumber(x.id), id: legacyNumber(x.id) });

/** Filter arguments the sandbox does not apply are refused rather than silently ignored. */
function refuseArguments(field: string, args: object, names: string[]): void {
  const given = names.filter((n) => (args as Record<string, unknown>)[n] != null);
  if (given.length) throw new GraphQLError(`Argument(s) ${given.map((n) => `'${n}'`).join(", ")} of 'Order.${field}' are not supported by the sandbox`, { extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" } });
}

export function moneyBag(cents: Cents, currencyCode: string) {
  const money = { __typename: "MoneyV2", amount: decimalAmount(cents), currencyCode };
  return { __typename: "MoneyBag", shopMoney: money, presentmentMoney: money };
}

export function taxLineView(t: StoredTaxLine, currency: string) {
  return {
    __typename: "TaxLine",
    title: t.title,
    rate: t.rate,
    ratePercentage: Math.round(t.rate * 100 * 10000) / 10000,
    priceSet: moneyBag(t.priceCents, currency),
    channelLiable: t.channelLiable,
    source: null,
  };
}

export function lineItemView(ctx: ResolverContext, line: StoredLineItem, order: StoredOrder) {
  const book = ctx.store.orders;
  const c = order.currency;
  const unfulfilled = () => book.unfulfilledQuantity(line);
  return {
    __typename: "LineItem",
    id: line.id,
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity: line.quantity - line.refundedQuantity,
    refundableQuantity: line.quantity - line.refundedQuantity,
    unfulfilledQuantity: unfulfilled,
    nonFulfillableQuantity: () => line.quantity - unfulfilled() - book.fulfilledQuantity(line),
    taxable: line.taxable,
    requiresShipping: line.requiresShipping,
    isGiftCard: line.giftCard,
    customAttributes: line.properties.map((p) => ({ __typename: "Attribute", key: p.name, value: p.value })),
    originalUnitPriceSet: moneyBag(line.priceCents, c),
    originalTotalSet: moneyBag(line.priceCents * line.quantity, c),
    discountedTotalSet: () => moneyBag(lineSubtotal(line), c),
    totalDiscountSet: moneyBag(line.discountCents, c),
    unfulfilledOriginalTotalSet: () => moneyBag(line.priceCents * unfulfilled(), c),
    discountAllocations: line.discountCents > 0 ? [{ __typename: "DiscountAllocation", allocatedAmountSet: moneyBag(line.discountCents, c) }] : [],
    taxLines: (args: { first?: number | null }) => line.taxLines.slice(0, args.first ?? undefined).map((t) => taxLineView(t, c)),
    variant: () => {
      const v = line.variantId ? ctx.store.variants.get(line.variantId) : undefined;
      return v ? variantView(ctx, v) : null;
    },
  };
}

function shippingLineView(s: StoredShippingLine, currency: string) {
  return {
    __typename: "ShippingLine",
    id: s.id,
    title: s.title,
    code: s.code,
    source: s.source,
    custom: true,
    isRemoved: false,
    carrierIdentifier: null,
    originalPriceSet: moneyBag(s.priceCents, currency),
    discountedPriceSet: moneyBag(s.priceCents - s.discountCents, currency),
    taxLines: s.taxLines.map((t) => taxLineView(t, currency)),
  };
}

export function transactionView(t: StoredTransaction, currency: string, order: StoredOrder) {
  return {
    __typename: "OrderTransaction",
    id: t.id,
    kind: t.kind,
    status: t.status,
    gateway: t.gateway,
    formattedGateway: t.gateway,
    amountSet: moneyBag(t.amountCents, currency),
    test: t.test,
    createdAt: t.createdAt,
    processedAt: t.processedAt,
    manualPaymentGateway: true,
    parentTransaction: () => {
      const parent = t.parentId ? order.transactions.find((x) => x.id === t.parentId) : undefined;
      return parent ? transactionView(parent, currency, order) : null;
    },
  };
}

function orderMoney(order: StoredOrder) {
  const totals = () => orderTotals(order);
  const c = order.currency;
  return {
    subtotalPriceSet: () => moneyBag(totals().subtotal, c),
    totalPriceSet: () => moneyBag(totals().total, c),
    totalTaxSet: () => moneyBag(totals().tax, c),
    totalShippingPriceSet: () => moneyBag(totals().shipping, c),
    totalDiscountsSet: () => moneyBag(totals().discounts, c),
    totalReceivedSet: () => moneyBag(moneyReceived(order), c),
    totalRefundedSet: () => moneyBag(moneyRefunded(order), c),
    netPaymentSet: () => moneyBag(moneyReceived(order) - moneyRefunded(order), c),
    totalOutstandingSet: () => moneyBag(totals().total - moneyReceived(order) + moneyRefunded(order), c),
    fullyPaid: () => moneyReceived(order) >= totals().total,
    unpaid: () => moneyReceived(order) === 0,
    displayFinancialStatus: () => financialStatus(order),
    paymentGatewayNames: () => [...new Set(order.transactions.map((t) => t.gateway).filter((g): g is string => g !== null))],
  };
}

export function orderView(ctx: ResolverContext, order: StoredOrder) {
  const book = ctx.store.orders;
  const c = order.currency;
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: String(legacyNumber(order.id)),
    name: order.name,
    number: order.number,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    test: order.test,
    sourceIdentifier: order.sourceIdentifier,
    sourceName: order.sourceName,
    tags: order.tags,
    note: order.note,
    email: order.email,
    phone: order.phone,
    poNumber: order.poNumber,
    currencyCode: c,
    presentmentCurrencyCode: c,
    taxesIncluded: order.taxesIncluded,
    customAttributes: order.customAttributes.map((a) => ({ __typename: "Attribute", key: a.key, value: a.value })),
    discountCode: order.discountCode?.code ?? null,
    discountCodes: order.discountCode ? [order.discountCode.code] : [],
    ...orderMoney(order),
    displayFulfillmentStatus: () => book.fulfillmentStatus(order),
    subtotalLineItemsQuantity: order.lineItems.reduce((n, l) => n + l.quantity, 0),
    requiresShipping: order.lineItems.some((l) => l.requiresShipping),
    taxLines: () => mergeTaxLines(order).map((t) => taxLineView(t, c)),
    lineItems: (args: ConnectionArgs) => paginate(args.reverse ? [...order.lineItems].reverse() : order.lineItems, args, byId, (l) => lineItemView(ctx, l, order), { unbounded: ctx.unbounded }),
    shippingLines: (args: ConnectionArgs & { includeRemovals?: boolean | null }) => paginate(order.shippingLines, args, byId, (s) => shippingLineView(s, c), { unbounded: ctx.unbounded }),
    transactions: (args: { first?: number | null; capturable?: boolean | null; manuallyResolvable?: boolean | null }) => {
      refuseArguments("transactions", args, ["capturable", "manuallyResolvable"]);
      return order.transactions.slice(0, args.first ?? undefined).map((t) => transactionView(t, c, order));
    },
    // displayable hides fulfillment orders closed by a merge or move; the sandbox never merges or moves them.
    fulfillmentOrders: (args: ConnectionArgs & { displayable?: boolean | null; query?: string | null }) => {
      refuseArguments("fulfillmentOrders", args, ["query"]);
      const visible = readsFulfillmentOrders(ctx) ? book.fulfillmentOrdersOf(order) : [];
      return paginate(visible, args, byId, (fo) => fulfillmentOrderView(ctx, fo), { unbounded: ctx.unbounded });
    },
    fulfillments: (args: { first?: number | null; query?: string | null }) => {
      refuseArguments("fulfillments", args, ["query"]);
      return book.fulfillmentsOf(order).slice(0, args.first ?? undefined).map((f) => fulfillmentView(ctx, f));
    },
    refunds: (args: { first?: number | null }) => book.refundsOf(order).slice(0, args.first ?? undefined).map((r) => refundView(ctx, r)),
    ...metafieldFields(ctx, order.id),
  };
}

/** Order.taxLines: the line and shipping tax lines summed per title and rate. */
function mergeTaxLines(order: StoredOrder): StoredTaxLine[] {
  const merged = new Map<string, StoredTaxLine>();
  for (const t of [...order.lineItems, ...order.shippingLines].flatMap((x) => x.taxLines)) {
    const key = `${t.title}|${t.rate}|${t.channelLiable}`;
    const seen = merged.get(key);
    if (seen) seen.priceCents += t.priceCents;
    else merged.set(key, { ...t });
  }
  return [...merged.values()];
}
