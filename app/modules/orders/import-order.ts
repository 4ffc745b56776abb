// Creates the Shopify order of a TikTok order exactly once. orderCreate takes no idempotency key, so:
// look first (our order by source identifier, TikTok's own channel by its tag), record the intent, create,
// store the id. A create whose answer was lost is found by the next run's lookup; until the search can be
// trusted to show it (lookupGraceMs after the intent) the run waits rather than create a second order.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import {
  ORDER_CREATE_MUTATION,
  ORDERS_BY_QUERY,
  type OrderCreateResult,
  type OrdersBySearchResult,
  type ShopifyOrderSummary,
} from "../../integrations/shopify/order.graphql";
import { ShopifyAdminError } from "../../integrations/shopify/shopify-admin-error";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";
import { addressMissing, currencyMismatch, shopifyRefused, unknownSkus, type OrderProblem } from "./order-problems";
import { OrderStepDeferred, type OrderSyncDeps } from "./order-sync-deps";
import type { TikTokOrderRecord } from "./tiktok-order-repository";
import { draftShopifyOrder, type ResolvedLine, type ShopifyOrderDraft } from "./tiktok-order-to-shopify";

export type ImportOutcome =
  | { kind: "created" | "adopted"; order: ShopifyOrderSummary }
  | { kind: "foreign"; order: ShopifyOrderSummary }
  | { kind: "problem"; problem: OrderProblem };

/** Shopify's limit on development stores (5 new orders a minute) answers as a user error: the order waits. */
const ORDER_RATE_LIMIT = /rate limit|per minute|in a minute|too many/i;
const RATE_LIMIT_WAIT_MS = 15_000;

export async function findImportedOrder(
  shopify: ShopifyAdminGateway,
  tiktokOrderId: string
): Promise<{ ours?: ShopifyOrderSummary; foreign?: ShopifyOrderSummary }> {
  const search = async (query: string) =>
    (await shopify.request<OrdersBySearchResult>(ORDERS_BY_QUERY, { query })).orders.nodes;
  const ours = (await search(`source_identifier:${tiktokOrderId}`)).find((o) => o.sourceIdentifier === tiktokOrderId);
  if (ours) return { ours };
  // TikTok's own Shopify channel tags its orders "TikTokOrderID:<id>".
  const foreign = (await search(`tag:'TikTokOrderID:${tiktokOrderId}'`)).find((o) =>
    o.tags.includes(`TikTokOrderID:${tiktokOrderId}`)
  );
  return foreign ? { foreign } : {};
}

export async function importOrder(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  order: TikTokOrder,
  region: string
): Promise<ImportOutcome> {
  const { shop, tiktokOrderId } = record;
  const shopify = await deps.shopifyFor(shop);
  const found = await findImportedOrder(shopify, tiktokOrderId);
  if (found.ours) return { kind: "adopted", order: found.ours };
  if (found.foreign) return { kind: "foreign", order: found.foreign };
  if (record.createIntentAt && deps.now().getTime() < record.createIntentAt.getTime() + deps.lookupGraceMs) {
    throw new OrderStepDeferred(
      "A create's answer was lost; waiting for Shopify's search to show the order before creating it again",
      new Date(record.createIntentAt.getTime() + deps.lookupGraceMs)
    );
  }
  const prepared = await prepareDraft(deps, record, order, region);
  if ("problem" in prepared) return { kind: "problem", problem: prepared.problem };

  await deps.orders.update(shop, tiktokOrderId, {
    createIntentAt: deps.now(),
    createAttempts: record.createAttempts + 1,
  });
  let result: OrderCreateResult;
  try {
    result = await shopify.request<OrderCreateResult>(ORDER_CREATE_MUTATION, prepared.draft);
  } catch (error) {
    // Throttled means not executed: no lookup wait needed. Anything else may have created it.
    if (error instanceof ShopifyAdminError && error.kind === "throttled")
      await deps.orders.update(shop, tiktokOrderId, { createIntentAt: null });
    throw error;
  }
  const { order: created, userErrors } = result.orderCreate;
  if (created) return { kind: "created", order: created };
  await deps.orders.update(shop, tiktokOrderId, { createIntentAt: null }); // refused: nothing was created
  const messages = userErrors.map((e) => e.message);
  if (messages.some((m) => ORDER_RATE_LIMIT.test(m)))
    throw new OrderStepDeferred(
      `Shopify's order limit: ${messages.join("; ")}`,
      new Date(deps.now().getTime() + RATE_LIMIT_WAIT_MS)
    );
  return { kind: "problem", problem: shopifyRefused(messages.length ? messages : ["no order returned"]) };
}

async function prepareDraft(
  deps: OrderSyncDeps,
  record: TikTokOrderRecord,
  order: TikTokOrder,
  region: string
): Promise<
  { draft: { order: ShopifyOrderDraft["order"]; options: ShopifyOrderDraft["options"] } } | { problem: OrderProblem }
> {
  const variants = await deps.variantsByTikTokSku(
    record.shop,
    record.lines.map((l) => l.tiktokSkuId)
  );
  const missing = record.lines.filter((l) => !variants.has(l.tiktokSkuId));
  if (missing.length) return { problem: unknownSkus(missing) };
  const shopCurrency = await deps.shopCurrency(record.shop);
  if (record.currency !== shopCurrency) return { problem: currencyMismatch(record.currency, shopCurrency) };
  if (order.fulfillment_type !== "FULFILLMENT_BY_TIKTOK" && !order.recipient_address?.address_line1)
    return { problem: addressMissing() };
  const lines: ResolvedLine[] = record.lines.map((l) => ({ ...l, variantId: variants.get(l.tiktokSkuId)!.variantId }));
  const drafted = draftShopifyOrder(order, lines, { region });
  if ("problem" in drafted) return drafted;
  return { draft: { order: drafted.draft.order, options: drafted.draft.options } };
}
