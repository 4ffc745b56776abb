// One TikTok order: its items, where it stands, what the app did on each side (with request ids), and Retry.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { orderSyncDeps, queue, storeSettings } from "../app-context.server";
import { carrierChoices, mapCarrier } from "../modules/orders/map-carrier";
import { decideBuyerCancellation } from "../modules/orders/buyer-cancel-request";
import { OrderStateBadge } from "../components/order-state-badge";
import { config } from "../config.server";
import { db } from "../db.server";
import { orderReconciliation } from "../modules/money/settlements-by-order";
import { orderDetail } from "../modules/orders/order-list";
import { retryOrders } from "../modules/orders/retry-orders";
import { shopifyAdminPage } from "../modules/readiness/readiness-links";
import { authenticate } from "../shopify.server";

const orderId = (id: string | undefined) => (id ?? "").replace(/\D/g, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const detail = await orderDetail(db, session.shop, orderId(params.id));
  if (!detail)
    throw new Response(
      'The app has not seen this TikTok order. Go back to Orders and press "Check TikTok for orders now".',
      { status: 404 }
    );
  const shopifyUrl = detail.order.shopifyOrderId
    ? shopifyAdminPage(
        config.SHOPIFY_ADMIN_ORIGIN,
        session.shop,
        `orders/${detail.order.shopifyOrderId.split("/").pop()}`
      )
    : null;
  const carrierProblem = detail.order.problem && detail.waitingCarrier;
  const carriers = carrierProblem ? await carrierChoices(orderSyncDeps, session.shop, detail.order.tiktokOrderId) : [];
  return {
    ...detail,
    shopifyUrl,
    carriers,
    money: await orderReconciliation(db, session.shop, detail.order.tiktokOrderId),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["retry", "approve-cancel", "reject-cancel"]) }),
  z.object({
    intent: z.literal("map-carrier"),
    company: z.string().min(1),
    provider: z.string().min(1, "Choose one of TikTok's carriers."),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, message: "That action is not understood. Reload the page and try again." };
  if (parsed.data.intent === "map-carrier") {
    return mapCarrier({ ...orderSyncDeps, settings: storeSettings, queue }, session.shop, orderId(params.id), {
      company: parsed.data.company,
      provider: parsed.data.provider,
    });
  }
  if (parsed.data.intent === "retry") {
    await retryOrders({ db, queue }, session.shop, [orderId(params.id)]);
    return { ok: true, message: "Trying this order again now." };
  }
  return decideBuyerCancellation(
    orderSyncDeps,
    session.shop,
    orderId(params.id),
    parsed.data.intent === "approve-cancel" ? "approve" : "reject"
  );
}

export default function OrderDetail() {
  const { order, lines, timeline, shopifyUrl, money, carriers, waitingCarrier } = useLoaderData<typeof loader>();
  const [provider, setProvider] = useState("");
  const fetcher = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  // The order moves on in the background (after Retry, a decision, or a step just done): follow it while it
  // changed in the last minute.
  const [actedAt, setActedAt] = useState(0);
  useEffect(() => {
    if (fetcher.data?.ok) setActedAt(Date.now());
  }, [fetcher.data]);
  const moving = Date.now() - Math.max(new Date(order.updatedAt).getTime(), actedAt) < 60_000;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [moving, revalidator]);
  const finished = order.state === "imported" || order.state === "cancelled" || order.state === "skipped";
  return (
    <Page
      title={`TikTok order ${order.tiktokOrderId}`}
      backAction={{ url: "/app/orders" }}
      titleMetadata={<OrderStateBadge state={order.state} />}
      primaryAction={
        finished
          ? undefined
          : {
              content: "Retry",
              loading: fetcher.state !== "idle",
              onAction: () => fetcher.submit({ intent: "retry" }, { method: "post" }),
            }
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {fetcher.data?.message ? (
              <Banner tone={fetcher.data.ok ? "info" : "warning"}>{fetcher.data.message}</Banner>
            ) : null}
            {order.cancelRequested ? (
              <Banner
                tone="warning"
                title="The buyer asked TikTok to cancel this order"
                action={{
                  content: "Approve cancellation",
                  onAction: () => fetcher.submit({ intent: "approve-cancel" }, { method: "post" }),
                }}
                secondaryAction={{
                  content: "Refuse",
                  onAction: () => fetcher.submit({ intent: "reject-cancel" }, { method: "post" }),
                }}
              >
                Approve it and TikTok cancels the order and refunds the buyer; the Shopify order is cancelled and
                restocked. To refuse in the US, ship the order: TikTok then closes the request.
              </Banner>
            ) : null}
            {order.problem ? (
              <Banner tone="critical" title={order.problem.message}>
                {order.problem.fix}
              </Banner>
            ) : null}
            {order.problem && waitingCarrier ? (
              <Card>
                <InlineStack gap="200" blockAlign="end">
                  <Select
                    label={`TikTok carrier for "${waitingCarrier}"`}
                    options={[{ label: "Choose…", value: "" }, ...carriers.map((c) => ({ label: c, value: c }))]}
                    value={provider}
                    onChange={setProvider}
                  />
                  <Button
                    variant="primary"
                    disabled={!provider}
                    onClick={() =>
                      fetcher.submit({ intent: "map-carrier", company: waitingCarrier, provider }, { method: "post" })
                    }
                  >
                    Remember and send to TikTok
                  </Button>
                </InlineStack>
              </Card>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Items
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "numeric"]}
                  headings={["Item", "SKU", "Units", "Price each"]}
                  rows={lines.map((l) => [
                    `${l.title}${l.gift ? " (gift)" : ""}`,
                    l.sellerSku,
                    l.quantity,
                    `${l.unitPrice} ${order.currency}`,
                  ])}
                />
                <Text as="p">{`Buyer paid ${order.buyerPaid} ${order.currency}${
                  Number(order.platformDiscount) > 0
                    ? `; TikTok adds ${order.platformDiscount} ${order.currency} for its own discounts`
                    : ""
                }. TikTok status: ${order.tiktokStatus.toLowerCase().replace(/_/g, " ")}.`}</Text>
                {shopifyUrl ? (
                  <a href={shopifyUrl} target="_top">{`Open ${order.shopifyOrderName} in Shopify`}</a>
                ) : null}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {money.status === "settled"
                    ? "What TikTok paid"
                    : money.status === "estimate"
                    ? "What TikTok will pay (estimate)"
                    : "What TikTok pays"}
                </Text>
                {money.status === "none" ? (
                  <Text as="p" tone="subdued">
                    TikTok reports an order's fees and payout once it is paid, and settles it some days after delivery.
                  </Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "numeric"]}
                    headings={["", money.currency]}
                    rows={[
                      ["Shopify order total (buyer + TikTok's discounts)", money.shopifyTotal],
                      ["TikTok pays for this order", money.payout],
                      ["Difference", money.difference],
                      ...money.lines.map((l) => [l.text, l.amount]),
                    ]}
                  />
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                {timeline.length === 0 ? (
                  <Text as="p" tone="subdued">
                    Nothing done yet.
                  </Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "text", "text"]}
                    headings={["When", "What happened", "Request id"]}
                    rows={timeline.map((e) => [
                      new Date(e.at).toLocaleString(),
                      <div key={e.id} style={{ whiteSpace: "normal", maxWidth: 520 }}>{`${
                        e.outcome === "failed" ? "⚠ " : ""
                      }${e.summary}`}</div>,
                      e.requestId ?? "",
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
