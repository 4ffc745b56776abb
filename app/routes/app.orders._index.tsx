// The orders page: TikTok orders as they reach Shopify — problems first, with what to do, and a retry.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useFetcher, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { queue } from "../app-context.server";
import { OrderStateBadge } from "../components/order-state-badge";
import { config } from "../config.server";
import { db } from "../db.server";
import { settlementsByOrder } from "../modules/money/settlements-by-order";
import { listOrders, ORDER_STATES, orderSearchStatus } from "../modules/orders/order-list";
import { shopifyAdminPage } from "../modules/readiness/readiness-links";
import { retryOrders, searchOrdersNow } from "../modules/orders/retry-orders";
import { authenticate } from "../shopify.server";

const querySchema = z.object({
  state: z
    .enum(ORDER_STATES as [string, ...string[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(0).catch(0),
  days: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const since = q.days ? new Date(Date.now() - q.days * 86_400_000) : undefined;
  const [list, search] = await Promise.all([
    listOrders(db, session.shop, { state: q.state as never, since, page: q.page }),
    orderSearchStatus(db, session.shop),
  ]);
  const shopifyOrderUrl = (gid: string) =>
    shopifyAdminPage(config.SHOPIFY_ADMIN_ORIGIN, session.shop, `orders/${gid.split("/").pop()}`);
  const money = await settlementsByOrder(
    db,
    session.shop,
    list.orders.map((o) => o.tiktokOrderId)
  );
  return {
    ...list,
    search,
    page: q.page,
    orders: list.orders.map((o) => ({
      ...o,
      shopifyUrl: o.shopifyOrderId ? shopifyOrderUrl(o.shopifyOrderId) : null,
      settlement: money.get(o.tiktokOrderId) ?? null,
    })),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("retry"),
    ids: z
      .string()
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(z.string()).min(1)),
  }),
  z.object({ intent: z.literal("search") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, message: "Choose at least one order to retry, then try again." };
  if (parsed.data.intent === "search") {
    const shops = await searchOrdersNow({ db, queue }, session.shop);
    return {
      ok: shops > 0,
      message:
        shops > 0
          ? "Asking TikTok for new and changed orders now; they appear here within a minute."
          : "Connect a TikTok Shop from the home page first.",
    };
  }
  const count = await retryOrders({ db, queue }, session.shop, parsed.data.ids);
  return {
    ok: true,
    message: `Trying ${count} order${
      count === 1 ? "" : "s"
    } again now. Orders whose cause is fixed import by themselves.`,
  };
}

const LABELS: Record<string, string> = {
  new: "Waiting",
  reserved: "Stock reserved",
  imported: "In Shopify",
  problem: "Needs attention",
  cancelled: "Cancelled",
  skipped: "Imported by another app",
};

export default function Orders() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const [searchParams, setSearchParams] = useSearchParams();
  const resources = data.orders.map((o) => ({ id: o.tiktokOrderId }));
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(resources);
  const backfilling = data.search.some((s) => s.lastRunAt === null);
  const inFlight = (data.counts.new ?? 0) + (data.counts.reserved ?? 0) > 0;

  // After "Retry" or "Check TikTok now" the work runs in the background: keep refreshing for a minute.
  const [watchUntil, setWatchUntil] = useState(0);
  const submit = (form: Record<string, string>) => {
    setWatchUntil(Date.now() + 60_000);
    fetcher.submit(form, { method: "post" });
  };
  useEffect(() => {
    if (!backfilling && !inFlight && Date.now() > watchUntil) return;
    const timer = setInterval(
      () =>
        (backfilling || inFlight || Date.now() < watchUntil) &&
        revalidator.state === "idle" &&
        revalidator.revalidate(),
      2000
    );
    return () => clearInterval(timer);
  }, [backfilling, inFlight, watchUntil, revalidator]);
  useEffect(() => {
    if (fetcher.data?.ok) clearSelection();
  }, [fetcher.data, clearSelection]);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setSearchParams(next);
  };
  const problems = data.counts.problem ?? 0;
  return (
    <Page
      title="Orders"
      subtitle="TikTok Shop orders become paid Shopify orders once TikTok's one-hour cancellation hold is over."
      primaryAction={{ content: "Check TikTok for orders now", onAction: () => submit({ intent: "search" }) }}
    >
      <BlockStack gap="400">
        {fetcher.data?.message ? (
          <Banner tone={fetcher.data.ok ? "success" : "warning"}>{fetcher.data.message}</Banner>
        ) : null}
        {problems > 0 ? (
          <Banner tone="warning" title={`${problems} order${problems === 1 ? "" : "s"} cannot be imported yet`}>
            Each says why and what to do. Once fixed, they import by themselves within a few minutes, or press Retry.
          </Banner>
        ) : null}
        {backfilling ? (
          <Banner tone="info" title="Looking for your TikTok orders of the last 7 days">
            Orders appear here as they are found.
          </Banner>
        ) : null}
        <InlineStack gap="200">
          <Button pressed={!searchParams.get("state")} onClick={() => setParam("state", "")}>
            All
          </Button>
          {ORDER_STATES.map((s) => (
            <Button key={s} pressed={searchParams.get("state") === s} onClick={() => setParam("state", s)}>{`${
              LABELS[s]
            } (${data.counts[s] ?? 0})`}</Button>
          ))}
          <Button
            pressed={searchParams.get("days") === "7"}
            onClick={() => setParam("days", searchParams.get("days") === "7" ? "" : "7")}
          >
            Last 7 days
          </Button>
        </InlineStack>
        <Card padding="0">
          {data.orders.length === 0 && (searchParams.get("state") || searchParams.get("days")) ? (
            <EmptyState
              heading="No orders match this filter"
              image=""
              action={{ content: "Show all orders", onAction: () => setSearchParams(new URLSearchParams()) }}
            >
              <p>Choose another status, or show all orders.</p>
            </EmptyState>
          ) : data.orders.length === 0 ? (
            <EmptyState
              heading="No TikTok orders yet"
              image=""
              action={{ content: "Check TikTok now", onAction: () => submit({ intent: "search" }) }}
            >
              <p>
                When a buyer orders on TikTok Shop, the order shows here, its units are reserved in Shopify at once, and
                it becomes a Shopify order after TikTok's hold.
              </p>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: "order", plural: "orders" }}
              itemCount={data.orders.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[
                { content: "Retry", onAction: () => submit({ intent: "retry", ids: selectedResources.join(",") }) },
              ]}
              headings={[
                { title: "TikTok order" },
                { title: "Shopify order" },
                { title: "Status" },
                { title: "Paid" },
                { title: "TikTok pays" },
                { title: "What to do" },
                { title: "Placed" },
              ]}
              pagination={{
                hasNext: data.hasNext,
                hasPrevious: data.page > 0,
                onNext: () => setParam("page", String(data.page + 1)),
                onPrevious: () => setParam("page", String(data.page - 1)),
              }}
            >
              {data.orders.map((o, index) => (
                <IndexTable.Row
                  id={o.tiktokOrderId}
                  key={o.tiktokOrderId}
                  position={index}
                  selected={selectedResources.includes(o.tiktokOrderId)}
                >
                  <IndexTable.Cell>
                    <RemixLink to={`/app/orders/${o.tiktokOrderId}`} onClick={(e) => e.stopPropagation()}>
                      <Text as="span" fontWeight="semibold">
                        {o.tiktokOrderId}
                      </Text>
                    </RemixLink>
                    <Text as="p" tone="subdued">{`${o.units} unit${o.units === 1 ? "" : "s"}${
                      o.fulfillmentType === "FULFILLMENT_BY_TIKTOK" ? " · fulfilled by TikTok" : ""
                    }`}</Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {o.shopifyUrl ? (
                      <a href={o.shopifyUrl} target="_top" onClick={(e) => e.stopPropagation()}>
                        {o.shopifyOrderName}
                      </a>
                    ) : (
                      <Text as="span" tone="subdued">
                        {o.shopifyOrderName ?? "—"}
                      </Text>
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <InlineStack gap="100">
                      <OrderStateBadge state={o.state} />
                      {o.cancelRequested ? <Badge tone="warning">Buyer asks to cancel</Badge> : null}
                      <Badge>{`TikTok: ${o.tiktokStatus.toLowerCase().replace(/_/g, " ")}`}</Badge>
                    </InlineStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span">{`${o.buyerPaid} ${o.currency}`}</Text>
                    {Number(o.platformDiscount) > 0 ? (
                      <Text as="p" tone="subdued">{`+ ${o.platformDiscount} from TikTok`}</Text>
                    ) : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {o.settlement ? (
                      <>
                        <Text as="span">{`${o.settlement.payout} ${o.settlement.currency}${
                          o.settlement.estimate ? " (estimate)" : ""
                        }`}</Text>
                        <Text as="p" tone="subdued">{`fees ${o.settlement.fees}`}</Text>
                      </>
                    ) : (
                      <Text as="span" tone="subdued">
                        not yet
                      </Text>
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {o.problem ? (
                      <div style={{ whiteSpace: "normal", minWidth: 200, maxWidth: 260 }}>
                        <Text as="p" tone="critical" breakWord>{`${o.problem.message} ${o.problem.fix}`}</Text>
                      </div>
                    ) : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{new Date(o.placedAt).toLocaleString()}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
