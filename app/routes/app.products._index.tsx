// The products page: choose what syncs to TikTok and see where each product stands.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useFetcher, useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  IndexFilters,
  IndexTable,
  InlineStack,
  Page,
  ProgressBar,
  Text,
  Thumbnail,
  useIndexResourceState,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { catalog, importCatalog, queue, syncState } from "../app-context.server";
import { db } from "../db.server";
import { catalogFilterFromSearchParams, SYNC_STATES } from "../modules/catalog/catalog-filter";
import { reconcileStore } from "../modules/catalog/reconcile";
import { selectProducts } from "../modules/catalog/select-products";
import { loadSyncProgress } from "../modules/catalog/sync-progress";
import { SyncStateBadge } from "../components/sync-state-badge";
import { authenticate } from "../shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const filter = catalogFilterFromSearchParams(url.searchParams);
  let [page, progress] = await Promise.all([
    catalog.page(session.shop, filter, { after: url.searchParams.get("after") ?? undefined, before: url.searchParams.get("before") ?? undefined }),
    loadSyncProgress(db, session.shop),
  ]);
  if (!progress.catalogImport) {
    await importCatalog(session.shop); // first visit: read the whole catalog once (webhooks keep it current)
    progress = await loadSyncProgress(db, session.shop);
  }
  return { page, progress, facets: await catalog.facets(session.shop), filter };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("select"), productIds: z.string().transform((s) => s.split(",").filter(Boolean)), selected: z.enum(["true", "false"]).transform((v) => v === "true") }),
  z.object({ intent: z.literal("select-matching"), selected: z.enum(["true", "false"]).transform((v) => v === "true"), search: z.string() }),
  z.object({ intent: z.literal("refresh-catalog") }),
  z.object({ intent: z.literal("reconcile") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, message: "That action is not understood. Reload the page and try again." };
  const input = parsed.data;
  if (input.intent === "reconcile") {
    const count = await reconcileStore({ db, queue }, session.shop);
    return { ok: true, message: `Checking ${count} listing${count === 1 ? "" : "s"} against TikTok; anything that drifted is repaired and shown on the product's timeline.` };
  }
  if (input.intent === "refresh-catalog") {
    await importCatalog(session.shop);
    return { ok: true, message: "Reading your catalog from Shopify…" };
  }
  const ids = input.intent === "select" ? input.productIds : await catalog.matchingProductIds(session.shop, catalogFilterFromSearchParams(new URLSearchParams(input.search)));
  const count = await selectProducts({ state: syncState, queue }, session.shop, ids, input.selected);
  return { ok: true, message: input.selected ? `${count} product${count === 1 ? "" : "s"} queued for TikTok.` : `${count} product${count === 1 ? "" : "s"} will stop syncing.` };
}

const STATE_LABELS: Record<string, string> = {
  not_synced: "Not synced", queued: "Queued", syncing: "Syncing", live: "Live", in_review: "In review", rejected: "Rejected", error: "Error", deactivated: "Deactivated",
};

export default function Products() {
  const { page, progress, facets, filter } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(filter.query);
  const { mode, setMode } = useSetIndexFiltersMode();
  const resources = page.rows.map((r) => ({ id: r.productId }));
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(resources);
  const busy = fetcher.state !== "idle";

  // Long work shows live progress: refresh while anything is queued or the catalog is loading.
  const working = progress.remaining > 0 || progress.catalogImport?.status === "running";
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [working, revalidator]);
  useEffect(() => {
    if (fetcher.data?.ok) clearSelection();
  }, [fetcher.data, clearSelection]);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("after");
    next.delete("before");
    setSearchParams(next);
  };
  const submitSelection = (selected: boolean) => {
    if (allResourcesSelected && page.total > page.rows.length) {
      fetcher.submit({ intent: "select-matching", selected: String(selected), search: searchParams.toString() }, { method: "post" });
    } else {
      fetcher.submit({ intent: "select", productIds: selectedResources.join(","), selected: String(selected) }, { method: "post" });
    }
  };

  const filters: IndexFiltersProps["filters"] = [];
  const appliedFilters: IndexFiltersProps["appliedFilters"] = [];
  for (const [key, label, values, current] of [
    ["syncState", "Sync state", SYNC_STATES.map((s) => [s, STATE_LABELS[s]!] as const), filter.syncState.join(",")],
    ["status", "Shopify status", (["ACTIVE", "DRAFT", "ARCHIVED"] as const).map((s) => [s, s.toLowerCase()] as const), filter.status.join(",")],
    ["vendor", "Vendor", facets.vendors.map((v) => [v, v] as const), filter.vendor],
    ["productType", "Product type", facets.productTypes.map((v) => [v, v] as const), filter.productType],
  ] as const) {
    filters.push({
      key,
      label,
      filter: (
        <BlockStack gap="100">
          {values.map(([value, text]) => (
            <Button key={value} variant={current.split(",").includes(value) ? "primary" : "plain"} onClick={() => setParam(key, current === value ? "" : value)}>
              {text}
            </Button>
          ))}
        </BlockStack>
      ),
      shortcut: key === "syncState",
    });
    if (current) appliedFilters.push({ key, label: `${label}: ${current}`, onRemove: () => setParam(key, "") });
  }

  return (
    <Page
      title="Products"
      subtitle="Choose what sells on TikTok. Nothing syncs until you choose it."
      primaryAction={{ content: "Sync everything eligible", loading: busy, onAction: () => fetcher.submit({ intent: "select-matching", selected: "true", search: "status=ACTIVE" }, { method: "post" }) }}
      secondaryActions={[
        { content: "Check listings against TikTok", onAction: () => fetcher.submit({ intent: "reconcile" }, { method: "post" }) },
        { content: "Reload catalog from Shopify", onAction: () => fetcher.submit({ intent: "refresh-catalog" }, { method: "post" }) },
      ]}
    >
      <BlockStack gap="400">
        {fetcher.data?.message ? <Banner tone={fetcher.data.ok ? "success" : "critical"}>{fetcher.data.message}</Banner> : null}
        {progress.catalogImport?.status === "running" ? (
          <Banner tone="info" title="Reading your catalog from Shopify">Products appear here as they are read ({progress.catalogImport.imported} so far).</Banner>
        ) : null}
        {progress.selected > 0 ? (
          <Card>
            <BlockStack gap="200">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingSm">
                  {progress.remaining > 0 ? `Syncing: ${progress.done} of ${progress.selected} done` : `${progress.selected} product${progress.selected === 1 ? "" : "s"} chosen for TikTok`}
                </Text>
                <Text as="span" tone="subdued">
                  {progress.remaining > 0 && progress.etaSeconds != null ? `about ${formatDuration(progress.etaSeconds)} left` : ""}
                </Text>
              </InlineStack>
              <ProgressBar progress={progress.selected ? Math.round((progress.done / progress.selected) * 100) : 0} size="small" />
              <InlineStack gap="200">
                {Object.entries(progress.byState).map(([state, count]) => (
                  <Badge key={state}>{`${STATE_LABELS[state] ?? state}: ${count}`}</Badge>
                ))}
              </InlineStack>
              {progress.note ? <Text as="p" tone="subdued">{progress.note}</Text> : null}
            </BlockStack>
          </Card>
        ) : null}
        <Card padding="0">
          <IndexFilters
            queryValue={query}
            queryPlaceholder="Search by title, handle, vendor or SKU"
            onQueryChange={setQuery}
            onQueryClear={() => {
              setQuery("");
              setParam("query", "");
            }}
            onClearAll={() => setSearchParams(new URLSearchParams())}
            filters={filters}
            appliedFilters={appliedFilters}
            mode={mode}
            setMode={setMode}
            tabs={[]}
            selected={0}
            cancelAction={{ onAction: () => setQuery(filter.query) }}
            primaryAction={{ type: "save", onAction: async () => { setParam("query", query); return true; } }}
          />
          <IndexTable
            resourceName={{ singular: "product", plural: "products" }}
            itemCount={page.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            hasMoreItems={page.total > page.rows.length}
            promotedBulkActions={[
              { content: "Sync to TikTok", onAction: () => submitSelection(true) },
              { content: "Stop syncing", onAction: () => submitSelection(false) },
            ]}
            headings={[{ title: "" }, { title: "Product" }, { title: "TikTok" }, { title: "What to fix" }, { title: "Vendor" }, { title: "Type" }]}
            pagination={{
              hasNext: Boolean(page.nextCursor),
              hasPrevious: Boolean(page.previousCursor),
              onNext: () => page.nextCursor && navigate(`?${withCursor(searchParams, "after", page.nextCursor)}`),
              onPrevious: () => page.previousCursor && navigate(`?${withCursor(searchParams, "before", page.previousCursor)}`),
            }}
          >
            {page.rows.map((row, index) => {
              const findings = JSON.parse(row.findings) as Array<{ severity: string; message: string; fix: string }>;
              const firstBlocking = findings.find((f) => f.severity === "blocking");
              return (
                <IndexTable.Row id={row.productId} key={row.productId} position={index} selected={selectedResources.includes(row.productId)}>
                  <IndexTable.Cell>
                    <Thumbnail source={row.imageUrl ?? ""} alt="" size="small" />
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <RemixLink to={`/app/products/${encodeURIComponent(row.productId.split("/").pop()!)}`} onClick={(e) => e.stopPropagation()}>
                      <Text as="span" fontWeight="semibold">{row.title}</Text>
                    </RemixLink>
                    {row.status !== "ACTIVE" ? <Text as="span" tone="subdued">{` · ${row.status.toLowerCase()}`}</Text> : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <InlineStack gap="100" blockAlign="center">
                      <SyncStateBadge state={row.syncState} />
                      <Button
                        size="micro"
                        onClick={() => fetcher.submit({ intent: "select", productIds: row.productId, selected: String(!row.selected) }, { method: "post" })}
                      >
                        {row.selected ? "Stop syncing" : "Sync"}
                      </Button>
                    </InlineStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {firstBlocking ? (
                      <Text as="span" tone="critical">
                        {row.blockingFindings > 1 ? `${row.blockingFindings} problems. ` : ""}
                        {firstBlocking.fix}
                      </Text>
                    ) : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{row.vendor}</IndexTable.Cell>
                  <IndexTable.Cell>{row.productType}</IndexTable.Cell>
                </IndexTable.Row>
              );
            })}
          </IndexTable>
        </Card>
        <Text as="p" tone="subdued">{`${page.total} product${page.total === 1 ? "" : "s"}`}</Text>
      </BlockStack>
    </Page>
  );
}

function withCursor(params: URLSearchParams, key: "after" | "before", cursor: string): string {
  const next = new URLSearchParams(params);
  next.delete("after");
  next.delete("before");
  next.set(key, cursor);
  return next.toString();
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}
