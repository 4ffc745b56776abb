// orderCreate's input, checked as Shopify checks it and turned into an order draft: lines need an existing
// variant or a title and price; tax lines go on the order or on lines, not both; one discount code; a future
// processedAt is clamped to now (2026-07+).
import { allocate, type Cents } from "./money";
import type { InventoryBehaviour, StoredDiscountCode, StoredShippingLine } from "./order-model";
import { readMoney, readTaxLines, splitOrderTaxLines, type InputError, type MoneyBagInput, type TaxLineInput } from "./order-input-money";
import type { LineDraft, OrderDraft, TransactionDraft } from "./order-placement";
import { rejectUnsupported, unsupported } from "./resolvers/mutation-support";
import { validMetafieldValue } from "./resolvers/metafield-values";
import type { ShopifyStore } from "./store";

type Input = Record<string, any>;

const ORDER_FIELDS = ["billingAddress", "buyerAcceptsMarketing", "currency", "customAttributes", "customer", "discountCode", "email", "financialStatus", "lineItems", "metafields", "name", "note", "phone", "poNumber", "presentmentCurrency", "processedAt", "shippingAddress", "shippingLines", "sourceIdentifier", "sourceName", "sourceUrl", "tags", "taxLines", "taxesIncluded", "test", "transactions"];
const LINE_FIELDS = ["variantId", "quantity", "priceSet", "sku", "title", "variantTitle", "vendor", "taxable", "requiresShipping", "giftCard", "taxLines", "properties", "weight"];
const TRANSACTION_FIELDS = ["amountSet", "kind", "status", "gateway", "processedAt", "test", "authorizationCode", "receiptJson"];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface DraftContext {
  store: ShopifyStore;
  appId: number;
  inventoryBehaviour: InventoryBehaviour;
}

function draftLine(store: ShopifyStore, input: Input, field: string[], currency: string, errors: InputError[]): LineDraft | null {
  rejectUnsupported("OrderCreateLineItemInput", input, LINE_FIELDS);
  if (input.quantity < 1) errors.push({ field: [...field, "quantity"], message: "Quantity must be greater than or equal to 1.", code: "INVALID" });
  const variant = input.variantId ? store.variants.get(input.variantId) : undefined;
  if (input.variantId && !variant) {
    errors.push({ field: [...field, "variantId"], message: `Product variant ${input.variantId} does not exist.`, code: "INVALID" });
    return null;
  }
  if (!variant && (!input.title || !input.priceSet)) {
    errors.push({ field, message: "A line item without a variantId needs a title and a priceSet.", code: "INVALID" });
    return null;
  }
  const price = input.priceSet ? readMoney(input.priceSet as MoneyBagInput, [...field, "priceSet"], currency, errors) : Math.round(Number(variant!.price) * 100);
  if (price === null) return null;
  if (price < 0) errors.push({ field: [...field, "priceSet"], message: "Price can't be negative.", code: "INVALID" });
  const product = variant ? store.products.get(variant.productId) : undefined;
  const item = variant ? store.inventoryItems.get(variant.inventoryItemId) : undefined;
  return {
    variantId: variant?.id ?? null,
    productId: product?.id ?? null,
    inventoryItemId: item?.id ?? null,
    title: input.title ?? product?.title ?? "",
    variantTitle: input.variantTitle ?? (variant && variant.title !== "Default Title" ? variant.title : null),
    sku: input.sku ?? variant?.sku ?? null,
    vendor: input.vendor ?? product?.vendor ?? null,
    quantity: input.quantity,
    priceCents: price,
    taxable: input.taxable !== false,
    requiresShipping: item ? item.requiresShipping : Boolean(input.requiresShipping),
    giftCard: Boolean(input.giftCard),
    taxLines: readTaxLines(input.taxLines as TaxLineInput[] | null, "line", price * input.quantity, [...field, "taxLines"], currency, errors),
    discountCents: 0,
    properties: (input.properties ?? []).map((p: Input) => ({ name: p.name, value: p.value })),
  };
}

function draftShippingLine(input: Input, field: string[], currency: string, errors: InputError[]): Omit<StoredShippingLine, "id"> | null {
  const price = readMoney(input.priceSet as MoneyBagInput, [...field, "priceSet"], currency, errors);
  if (price === null) return null;
  if (price < 0) errors.push({ field: [...field, "priceSet"], message: "Price can't be negative.", code: "INVALID" });
  const taxLines = readTaxLines(input.taxLines as TaxLineInput[] | null, "shipping", price, [...field, "taxLines"], currency, errors);
  return { title: input.title, code: input.code ?? null, source: input.source ?? null, priceCents: price, discountCents: 0, taxLines };
}

/** The one discount code: its amount, allocated over the lines (item codes) or the shipping (free shipping). */
function applyDiscount(input: Input | null | undefined, lines: LineDraft[], shipping: Omit<StoredShippingLine, "id">[], currency: string, errors: InputError[]): StoredDiscountCode | null {
  if (!input) return null;
  const kinds = (["itemFixedDiscountCode", "itemPercentageDiscountCode", "freeShippingDiscountCode"] as const).filter((k) => input[k]);
  if (kinds.length !== 1) {
    errors.push({ field: ["order", "discountCode"], message: "Only one discount code can be set for each order.", code: "INVALID" });
    return null;
  }
  const kind = kinds[0]!;
  const attrs = input[kind] as Input;
  const field = ["order", "discountCode", kind];
  if (kind === "freeShippingDiscountCode") {
    shipping.forEach((s) => (s.discountCents = s.priceCents));
    return { code: attrs.code, kind, amountCents: shipping.reduce((n, s) => n + s.priceCents, 0), percentage: null };
  }
  const base = lines.reduce((n, l) => n + l.priceCents * l.quantity, 0);
  let amount: Cents | null;
  if (kind === "itemFixedDiscountCode") amount = attrs.amountSet ? readMoney(attrs.amountSet as MoneyBagInput, [...field, "amountSet"], currency, errors) : null;
  else amount = typeof attrs.percentage === "number" && attrs.percentage >= 0 && attrs.percentage <= 100 ? Math.round((base * attrs.percentage) / 100) : null;
  if (amount === null || amount < 0) {
    errors.push({ field: [...field, kind === "itemFixedDiscountCode" ? "amountSet" : "percentage"], message: "Discount amount is invalid.", code: "INVALID" });
    return null;
  }
  amount = Math.min(amount, base);
  allocate(amount, lines.map((l) => l.priceCents * l.quantity)).forEach((share, i) => (lines[i]!.discountCents = share));
  return { code: attrs.code, kind, amountCents: amount, percentage: kind === "itemPercentageDiscountCode" ? attrs.percentage : null };
}

function draftTransactions(inputs: Input[] | null | undefined, currency: string, errors: InputError[]): TransactionDraft[] {
  return (inputs ?? []).flatMap((t, i) => {
    rejectUnsupported("OrderCreateOrderTransactionInput", t, TRANSACTION_FIELDS);
    if (!["SALE", "AUTHORIZATION", "CAPTURE"].includes(t.kind)) unsupported("OrderCreateOrderTransactionInput", [`kind: ${t.kind}`]);
    const field = ["order", "transactions", String(i)];
    const amount = readMoney(t.amountSet as MoneyBagInput, [...field, "amountSet"], currency, errors);
    if (amount === null) return [];
    if (amount < 0) errors.push({ field: [...field, "amountSet"], message: "Amount can't be negative.", code: "INVALID" });
    return [{ kind: t.kind, status: t.status, gateway: t.gateway ?? null, amountCents: amount, parentId: null, test: Boolean(t.test), processedAt: t.processedAt ?? null }];
  });
}

function draftMetafields(inputs: Input[] | null | undefined, errors: InputError[]) {
  return (inputs ?? []).flatMap((m, i) => {
    if (m.id) unsupported("MetafieldInput", ["id"]);
    const field = ["order", "metafields", String(i)];
    if (!m.namespace || !m.key || !m.type || m.value == null) {
      errors.push({ field, message: "A metafield needs a namespace, a key, a type and a value.", code: "INVALID" });
      return [];
    }
    if (!validMetafieldValue(m.type, m.value)) errors.push({ field: [...field, "value"], message: `Value is invalid for type ${m.type}.`, code: "INVALID" });
    return [{ namespace: m.namespace as string, key: m.key as string, type: m.type as string, value: m.value as string }];
  });
}

/** processedAt as given, clamped to now when in the future (2026-07+); unparseable → PROCESSED_AT_INVALID. */
function processedAt(value: unknown, now: Date, errors: InputError[]): string {
  if (value == null) return now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    errors.push({ field: ["order", "processedAt"], message: "Processed at is invalid.", code: "PROCESSED_AT_INVALID" });
    return now.toISOString();
  }
  return new Date(Math.min(time, now.getTime())).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * OrderCreateCustomerInput is @oneOf, so the schema already refuses toAssociate with toUpsert; Shopify's
 * REDUNDANT_CUSTOMER_FIELDS is for the deprecated customerId next to customer, and the sandbox refuses deprecated
 * input outright. The sandbox keeps no customers, so there is none to associate.
 */
function customerErrors(customer: Input | null | undefined): InputError[] {
  if (customer?.toAssociate) return [{ field: ["order", "customer", "toAssociate"], message: "Customer does not exist.", code: "INVALID" }];
  return [];
}

/** Lines, shipping, the discount code and order-level tax lines (split over the taxable lines). */
function draftMoney(store: ShopifyStore, input: Input, currency: string, errors: InputError[]) {
  const lineInputs = (input.lineItems ?? []) as Input[];
  if (lineInputs.length === 0) errors.push({ field: ["order", "lineItems"], message: "An order needs at least one line item.", code: "INVALID" });
  if (input.taxLines?.length && lineInputs.some((l) => l.taxLines?.length)) {
    errors.push({ field: ["order", "taxLines"], message: "Tax lines can be specified on the order or on the line items, but not both.", code: "INVALID" });
  }
  const lineItems = lineInputs.map((l, i) => draftLine(store, l, ["order", "lineItems", String(i)], currency, errors)).filter((l): l is LineDraft => l !== null);
  const shippingLines = ((input.shippingLines ?? []) as Input[]).map((s, i) => draftShippingLine(s, ["order", "shippingLines", String(i)], currency, errors)).filter((s): s is Omit<StoredShippingLine, "id"> => s !== null);
  const discountCode = applyDiscount(input.discountCode, lineItems, shippingLines, currency, errors);
  const bases = lineItems.map((l) => ({ taxable: l.taxable, base: l.priceCents * l.quantity - l.discountCents }));
  const orderTax = readTaxLines(input.taxLines as TaxLineInput[] | null, "order", bases.reduce((n, b) => n + b.base, 0), ["order", "taxLines"], currency, errors);
  splitOrderTaxLines(orderTax, bases).forEach((taxes, i) => lineItems[i]!.taxLines.push(...taxes));
  return { lineItems, shippingLines, discountCode };
}

function orderFields(context: DraftContext, input: Input, currency: string, email: string | null, processed: string, discountCode: StoredDiscountCode | null): OrderDraft["fields"] {
  return {
    processedAt: processed,
    appId: context.appId,
    sourceName: input.sourceName ?? String(context.appId),
    sourceIdentifier: input.sourceIdentifier ?? null,
    sourceUrl: input.sourceUrl ?? null,
    tags: [...new Set(((input.tags ?? []) as string[]).map((t) => t.trim()).filter(Boolean))],
    customAttributes: (input.customAttributes ?? []).map((a: Input) => ({ key: a.key, value: a.value })),
    note: input.note ?? null,
    email,
    phone: input.phone ?? input.customer?.toUpsert?.phone ?? null,
    poNumber: input.poNumber ?? null,
    test: Boolean(input.test),
    buyerAcceptsMarketing: Boolean(input.buyerAcceptsMarketing),
    currency,
    taxesIncluded: Boolean(input.taxesIncluded),
    inventoryBehaviour: context.inventoryBehaviour,
    discountCode,
    financialStatusOverride: input.financialStatus ?? null,
    shippingAddress: input.shippingAddress ?? null,
    billingAddress: input.billingAddress ?? null,
  };
}

export function draftOrder(context: DraftContext, input: Input): { draft: OrderDraft } | { userErrors: InputError[] } {
  const { store } = context;
  rejectUnsupported("OrderCreateOrderInput", input, ORDER_FIELDS);
  const currency: string = input.currency ?? store.shop.currencyCode;
  if (input.presentmentCurrency && input.presentmentCurrency !== currency) unsupported("OrderCreateOrderInput", ["presentmentCurrency"]);
  const errors: InputError[] = [...customerErrors(input.customer)];
  const email: string | null = input.email ?? input.customer?.toUpsert?.email ?? null;
  if (email !== null && !EMAIL.test(email)) errors.push({ field: ["order", "email"], message: "Email is invalid.", code: "INVALID" });
  const { lineItems, shippingLines, discountCode } = draftMoney(store, input, currency, errors);
  const transactions = draftTransactions(input.transactions, currency, errors);
  const metafields = draftMetafields(input.metafields, errors);
  const processed = processedAt(input.processedAt, store.now(), errors);
  if (errors.length) return { userErrors: errors };
  const fields = orderFields(context, input, currency, email, processed, discountCode);
  return { draft: { name: input.name ?? null, lineItems, shippingLines, transactions, metafields, fields } };
}
