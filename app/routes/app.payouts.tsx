// The payouts page: what TikTok Shop pays for each order and why it differs from the Shopify order, TikTok's
// daily statements with their payouts, anything in TikTok's figures that does not add up, and a CSV export.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { queue } from "../app-context.server";
import { db } from "../db.server";
import { refreshFromTikTok } from "../modules/money/finance-jobs";
import type { OrderReconciliation } from "../modules/money/order-reconciliation";
import { payoutsOverview } from "../modules/money/payouts-overview";
import { statementDateRange } from "../modules/money/statement-date-range";
import { authenticate } from "../shopify.server";

const querySchema = z.object({ from: z.string().optional(), to: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const range = statementDateRange(
    querySchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
    new Date()
  );
  return { ...(await payoutsOverview(db, session.shop, range)), fromDay: range.fromDay, toDay: range.toDay };
}

const actionSchema = z.object({ intent: z.literal("refresh") });

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  if (!actionSchema.safeParse(Object.fromEntries(await request.formData())).success)
    return { ok: false, message: "That action is not known. Reload the page and try again." };
  const shops = await refreshFromTikTok({ db, queue }, session.shop);
  return shops > 0
    ? {
        ok: true,
        message: "Asking TikTok for new statements, payouts and estimates now; they show here within a minute.",
      }
    : { ok: false, message: "Connect a TikTok Shop from the home page first." };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** "-6.12" → "−6.12 USD" (a real minus sign). */
const money = (amount: string | null, currency: string) =>
  amount === null ? "—" : `${amount.replace(/^-/, "\u2212")} ${currency}`;

const PAYOUT_TONE: Record<string, "success" | "attention" | "critical"> = {
  PAID: "success",
  PROCESSING: "attention",
  FAILED: "critical",
};
const PAYOUT_LABEL: Record<string, string> = { PAID: "Paid", PROCESSING: "Processing", FAILED: "Failed" };

function PayoutBadge({ status }: { status: string | null }) {
  if (!status) return <Badge>Not scheduled yet</Badge>;
  return <Badge tone={PAYOUT_TONE[status]}>{PAYOUT_LABEL[status] ?? status.toLowerCase()}</Badge>;
}

function SettlementBadge({ status }: { status: OrderReconciliation["status"] }) {
  if (status === "settled") return <Badge tone="success">Settled</Badge>;
  if (status === "estimate") return <Badge tone="attention">Estimate</Badge>;
  return <Badge>Waiting for TikTok</Badge>;
}

/** Fetches the CSV with the embedded session (App Bridge adds the session token) and saves it. */
async function downloadCsv(fromDay: string, toDay: string) {
  const response = await fetch(`/app/payouts.csv?${new URLSearchParams({ from: fromDay, to: toDay })}`);
  if (!response.ok) throw new Error(`The download failed (HTTP ${response.status}). Try again.`);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = `tiktok-settlements-${fromDay}-to-${toDay}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function DateRangeFilter({
  fromDay,
  toDay,
  onApply,
}: {
  fromDay: string;
  toDay: string;
  onApply: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState(fromDay);
  const [to, setTo] = useState(toDay);
  useEffect(() => void (setFrom(fromDay), setTo(toDay)), [fromDay, toDay]);
  return (
    <InlineStack gap="200" blockAlign="end">
      <TextField label="Statements from" type="date" value={from} onChange={setFrom} autoComplete="off" />
      <TextField label="to" type="date" value={to} onChange={setTo} autoComplete="off" />
      <Button onClick={() => onApply(from, to)}>Show</Button>
    </InlineStack>
  );
}

function FlagsBanner({ statements }: { statements: Data["statements"] }) {
  const flagged = statements.filter((s) => s.flags.length > 0);
  if (flagged.length === 0) return null;
  return (
    <Banner tone="warning" title="Some of TikTok's figures do not add up">
      <BlockStack gap="100">
        {flagged.flatMap((s) =>
          s.flags.map((text, i) => (
            <Text as="p" key={`${s.statementId}-${i}`}>{`Statement ${s.statementId}: ${text}`}</Text>
          ))
        )}
      </BlockStack>
    </Banner>
  );
}

function StatementsTable({ statements }: { statements: Data["statements"] }) {
  return (
    <IndexTable
      resourceName={{ singular: "statement", plural: "statements" }}
      itemCount={statements.length}
      selectable={false}
      headings={[
        { title: "Day" },
        { title: "Statement" },
        { title: "Revenue" },
        { title: "Shipping" },
        { title: "Fees" },
        { title: "Adjustments" },
        { title: "Settlement" },
        { title: "Reserve" },
        { title: "Payout" },
      ]}
    >
      {statements.map((s, index) => (
        <IndexTable.Row id={s.statementId} key={s.statementId} position={index}>
          <IndexTable.Cell>{s.date.slice(0, 10)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span">{s.statementId}</Text>
            <Text as="p" tone="subdued">{`${s.transactions} transaction${s.transactions === 1 ? "" : "s"}${
              s.flags.length > 0 ? " · does not add up" : ""
            }`}</Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{money(s.revenue, s.currency)}</IndexTable.Cell>
          <IndexTable.Cell>{money(s.shipping, s.currency)}</IndexTable.Cell>
          <IndexTable.Cell>{money(s.fees, s.currency)}</IndexTable.Cell>
          <IndexTable.Cell>{money(s.adjustments, s.currency)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {money(s.settlement, s.currency)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{money(s.reserve, s.currency)}</IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="100">
              <Text as="span">{money(s.payable, s.currency)}</Text>
              <PayoutBadge status={s.payoutStatus} />
            </InlineStack>
            <Text as="p" tone="subdued">
              {s.paidAt
                ? `Paid ${new Date(s.paidAt).toLocaleDateString()}${s.bankAccount ? ` to ${s.bankAccount}` : ""}`
                : s.paymentId
                ? `Payout ${s.paymentId}`
                : ""}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

function OrderRow({ o, index }: { o: OrderReconciliation; index: number }) {
  return (
    <IndexTable.Row id={o.tiktokOrderId} position={index}>
      <IndexTable.Cell>
        <Text as="span" fontWeight="semibold">
          {o.tiktokOrderId}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {o.shopifyOrderName ?? (
          <Text as="span" tone="subdued">
            Not in Shopify yet
          </Text>
        )}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <SettlementBadge status={o.status} />
      </IndexTable.Cell>
      <IndexTable.Cell>{money(o.paidByBuyer, o.currency)}</IndexTable.Cell>
      <IndexTable.Cell>{money(o.reimbursedByTikTok, o.currency)}</IndexTable.Cell>
      <IndexTable.Cell>{money(o.fees, o.currency)}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" fontWeight="semibold">
          {o.status === "none" ? "—" : money(o.payout, o.currency)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {/* Table cells do not wrap; the explanation must. */}
        <div style={{ whiteSpace: "normal", minWidth: "22rem" }}>
          <Text as="span">{o.status === "none" ? "—" : money(o.difference, o.currency)}</Text>
          {o.lines.map((line) => (
            <Text as="p" tone="subdued" key={line.text}>
              {line.text}
            </Text>
          ))}
        </div>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

function OrdersTable({ orders }: { orders: Data["orders"] }) {
  return (
    <IndexTable
      resourceName={{ singular: "order", plural: "orders" }}
      itemCount={orders.length}
      selectable={false}
      headings={[
        { title: "TikTok order" },
        { title: "Shopify order" },
        { title: "Status" },
        { title: "Paid by the buyer" },
        { title: "Reimbursed by TikTok" },
        { title: "Fees" },
        { title: "Payout" },
        { title: "Difference from the Shopify order" },
      ]}
    >
      {orders.map((o, index) => (
        <OrderRow key={o.tiktokOrderId} o={o} index={index} />
      ))}
    </IndexTable>
  );
}

function NothingYet({ onRefresh }: { onRefresh: () => void }) {
  return (
    <EmptyState
      heading="No payouts from TikTok in these days"
      image=""
      action={{ content: "Refresh from TikTok", onAction: onRefresh }}
    >
      <p>
        TikTok settles an order a few days after it is delivered (3 to 15 days, depending on the region), as long as no
        return or refund is open. Every day at 00:00 UTC it closes a statement of what settled the day before and pays
        it out. Each statement, its payout and every order's fees show here once TikTok has closed it; orders still on
        their way show TikTok's estimate sooner.
      </p>
    </EmptyState>
  );
}

function ImportStatus({ data }: { data: Data }) {
  const failed = data.shops.filter((s) => s.lastError);
  return (
    <>
      {data.refreshing ? <Banner tone="info" title="Reading statements and payouts from TikTok…" /> : null}
      {failed.map((s) => (
        <Banner
          key={s.tiktokShopId}
          tone="warning"
          title={`The last refresh of ${s.tiktokShopName} (${s.region}) did not finish`}
        >
          {`${s.lastError} It is tried again by itself; figures below are from the last refresh that finished.`}
        </Banner>
      ))}
    </>
  );
}

export default function Payouts() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const [searchParams, setSearchParams] = useSearchParams();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const refresh = () => fetcher.submit({ intent: "refresh" }, { method: "post" });

  useEffect(() => {
    if (!data.refreshing) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [data.refreshing, revalidator]);

  const applyRange = (from: string, to: string) =>
    setSearchParams(new URLSearchParams({ ...Object.fromEntries(searchParams), from, to }));
  const download = () =>
    downloadCsv(data.fromDay, data.toDay).then(
      () => setDownloadError(null),
      (e: Error) => setDownloadError(e.message)
    );
  const lastRun = data.shops
    .map((s) => s.lastRunAt)
    .filter(Boolean)
    .sort()
    .at(-1);
  return (
    <Page
      fullWidth
      title="Payouts"
      subtitle={`What TikTok Shop pays for each order, and why it differs from the Shopify order.${
        lastRun ? ` Last read from TikTok ${new Date(lastRun).toLocaleString()}.` : ""
      }`}
      primaryAction={{ content: "Refresh from TikTok", loading: fetcher.state !== "idle", onAction: refresh }}
      secondaryActions={[{ content: "Download CSV", onAction: () => void download() }]}
    >
      <BlockStack gap="400">
        {fetcher.data?.message ? (
          <Banner tone={fetcher.data.ok ? "success" : "warning"}>{fetcher.data.message}</Banner>
        ) : null}
        {downloadError ? <Banner tone="critical">{downloadError}</Banner> : null}
        <ImportStatus data={data} />
        <FlagsBanner statements={data.statements} />
        <DateRangeFilter fromDay={data.fromDay} toDay={data.toDay} onApply={applyRange} />
        {data.statements.length === 0 && data.orders.length === 0 ? (
          <Card>
            <NothingYet onRefresh={refresh} />
          </Card>
        ) : (
          <>
            <Card padding="0">
              <BlockStack gap="200">
                <CardHeading title="Statements and payouts" />
                <StatementsTable statements={data.statements} />
              </BlockStack>
            </Card>
            <Card padding="0">
              <BlockStack gap="200">
                <CardHeading
                  title="Orders"
                  note="Settled orders of these days, then every order TikTok has not settled yet (its estimate)."
                />
                <OrdersTable orders={data.orders} />
              </BlockStack>
            </Card>
          </>
        )}
      </BlockStack>
    </Page>
  );
}

function CardHeading({ title, note }: { title: string; note?: string }) {
  return (
    <Box paddingInline="400" paddingBlockStart="400">
      <Text as="h2" variant="headingMd">
        {title}
      </Text>
      {note ? (
        <Text as="p" tone="subdued">
          {note}
        </Text>
      ) : null}
    </Box>
  );
}
