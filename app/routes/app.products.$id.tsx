import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Card, DataTable, InlineStack, Layout, Link, List, Page, Text } from "@shopify/polaris";
import { catalog, queue, storeSettings, syncState } from "../app-context.server";
import { SyncStateBadge } from "../components/sync-state-badge";
import { db } from "../db.server";
import { loadProductDetail, retryProductSync } from "../modules/catalog/product-detail";
import { enqueueProductSync } from "../modules/catalog/sync-jobs";
import { ordersOfProduct } from "../modules/orders/order-list";
import { OrderStateBadge } from "../components/order-state-badge";
import { authenticate } from "../shopify.server";

const productGid = (id: string | undefined) => `gid://shopify/Product/${(id ?? "").replace(/\D/g, "")}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const detail = await loadProductDetail({ db, catalog, state: syncState, settings: storeSettings }, session.shop, productGid(params.id));
  if (!detail) throw new Response("This product is not in your catalog (it may have been deleted in Shopify).", { status: 404 });
  return { ...detail, orders: await ordersOfProduct(db, session.shop, productGid(params.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const productId = productGid(params.id);
  const replayed = await retryProductSync({ db, replay: queue.replay, enqueue: () => enqueueProductSync(queue, session.shop, productId, "retry") }, session.shop, productId);
  return { message: replayed ? "Retrying the failed sync now." : "Syncing this product again now." };
}

export default function ProductDetail() {
  const detail = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const sync = detail.sync;
  const blocking = (sync?.findings ?? []).filter((f) => f.severity === "blocking");
  const warnings = (sync?.findings ?? []).filter((f) => f.severity === "warning");
  return (
    <Page
      title={detail.title}
      backAction={{ url: "/app/products" }}
      titleMetadata={<SyncStateBadge state={sync?.state ?? "not_synced"} />}
      primaryAction={{ content: "Retry now", loading: fetcher.state !== "idle", disabled: !sync?.selected, onAction: () => fetcher.submit({}, { method: "post" }) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {fetcher.data?.message ? <Banner tone="info">{fetcher.data.message}</Banner> : null}
            {sync?.lastError ? (
              <Banner tone="critical" title="The last sync failed">
                <p>{sync.lastError}</p>
              </Banner>
            ) : null}
            {blocking.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{`What to fix before TikTok accepts this product (${blocking.length})`}</Text>
                  <List>
                    {blocking.map((f, i) => (
                      <List.Item key={`${f.code}-${i}`}>
                        <Text as="span" fontWeight="semibold">{f.message}</Text> <Text as="span">{f.fix}</Text> <Badge>{f.code}</Badge>
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Card>
            ) : null}
            {warnings.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Worth a look</Text>
                  <List>
                    {warnings.map((f, i) => (
                      <List.Item key={`${f.code}-${i}`}>{`${f.message} ${f.fix}`}</List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Card>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Sync timeline</Text>
                {detail.timeline.length === 0 ? <Text as="p" tone="subdued">Nothing has been sent to TikTok yet.</Text> : null}
                {detail.timeline.map((e) => (
                  <Box key={e.id} paddingBlockEnd="200">
                    <InlineStack gap="200" blockAlign="center">
                      <Badge tone={e.outcome === "ok" ? "success" : e.outcome === "failed" ? "critical" : undefined}>{e.action}</Badge>
                      <Text as="span" tone="subdued">{new Date(e.createdAt).toLocaleString()}</Text>
                      <Text as="span" tone="subdued">{e.trigger}</Text>
                      {e.durationMs != null ? <Text as="span" tone="subdued">{`${e.durationMs} ms`}</Text> : null}
                    </InlineStack>
                    <Text as="p">{e.summary}</Text>
                    {e.tiktokRequestId ? <Text as="p" tone="subdued">{`TikTok request id: ${e.tiktokRequestId}`}</Text> : null}
                  </Box>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">On TikTok</Text>
                <Text as="p">{sync?.tiktokProductId ? `Product id ${sync.tiktokProductId}` : "Not listed yet"}</Text>
                {sync?.tiktokStatus ? <Text as="p" tone="subdued">{`TikTok status: ${sync.tiktokStatus}`}</Text> : null}
                {detail.skuLinks.length ? (
                  <DataTable columnContentTypes={["text", "text"]} headings={["Seller SKU", "TikTok SKU id"]} rows={detail.skuLinks.map((l) => [l.sellerSku, l.tiktokSkuId])} />
                ) : null}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">TikTok orders</Text>
                {detail.orders.length === 0 ? <Text as="p" tone="subdued">No TikTok orders for this product yet.</Text> : detail.orders.map((o) => (
                  <InlineStack key={o.tiktokOrderId} gap="200" blockAlign="center">
                    <Link url={`/app/orders/${o.tiktokOrderId}`}>{o.shopifyOrderName ?? o.tiktokOrderId}</Link>
                    <OrderStateBadge state={o.state} />
                    <Text as="span" tone="subdued">{`${o.units} unit${o.units === 1 ? "" : "s"} · ${new Date(o.placedAt).toLocaleDateString()}`}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
            {detail.preview ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Listing as it will be sent</Text>
                  <Text as="p" fontWeight="semibold">{detail.preview.body.title}</Text>
                  <DataTable
                    columnContentTypes={["text", "numeric", "numeric"]}
                    headings={["SKU", "Price", "Stock"]}
                    rows={detail.preview.body.skus.map((s) => [s.seller_sku ?? "", `${s.price.amount} ${s.price.currency}`, String(s.inventory.reduce((n, i) => n + i.quantity, 0))])}
                  />
                  <Text as="p" tone="subdued">{`${detail.preview.body.main_images.length} image(s) · weight ${detail.preview.body.package_weight.value} ${detail.preview.body.package_weight.unit.toLowerCase()}`}</Text>
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
