// Shipping, returns & payments: the store's locations beside the TikTok shop's warehouses (the choice is
// saved into the inventory rules sync uses), delivery profiles beside TikTok's delivery options, the
// refund policy beside TikTok's return rules, payout readiness, every conflict with what to do — and
// which linked TikTok shop the catalog syncs to.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Divider, InlineGrid, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { catalogShopChoiceDeps, queue, storeSettings } from "../app-context.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { createShopifyAdminGateway } from "../integrations/shopify/admin-graphql-gateway";
import { updateStoreSettings } from "../modules/catalog/update-store-settings";
import { chooseCatalogShop } from "../modules/linking/choose-catalog-shop";
import { loadPoliciesFacts, loadTikTokShippingFacts } from "../modules/policies/load-policies-facts";
import { applyMappingChoice, locationMappingRows } from "../modules/policies/location-mapping";
import { TIKTOK_ORDER_GATEWAY } from "../modules/policies/payout-check";
import { returnWindowDays } from "../modules/policies/return-window";
import { tiktokReturnRule } from "../modules/policies/tiktok-return-rules";
import type { ReadinessItem } from "../modules/readiness/readiness-item";
import { judgePolicies } from "../modules/readiness/policies-readiness";
import { apiVersion, authenticate } from "../shopify.server";
import { tiktokShopLinks, tiktokShopSessions } from "../tiktok.server";

const NOT_SOLD = "";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const shopify = createShopifyAdminGateway({ shop, accessToken: session.accessToken ?? "", apiVersion, adminOrigin: config.SHOPIFY_ADMIN_ORIGIN });
  const [links, catalogShop] = await Promise.all([tiktokShopLinks().all(shop), tiktokShopLinks().primary(shop)]);
  const facts = await loadPoliciesFacts({ shop, shopify, settings: storeSettings, tiktok: async () => (catalogShop ? tiktokShopSessions().forShop(shop) : null) });
  const rule = facts.tiktok ? tiktokReturnRule(facts.tiktok.region) : null;
  return {
    links: links.filter((l) => l.status !== "unlinked").map((l) => ({ tiktokShopId: l.tiktokShopId, name: l.tiktokShopName, region: l.region, status: l.status })),
    catalogShopId: catalogShop?.tiktokShopId ?? null,
    items: judgePolicies(facts),
    rows: facts.tiktok ? locationMappingRows(facts.shopify.locations, facts.tiktok.warehouses, facts.inventoryRules) : [],
    salesWarehouses: (facts.tiktok?.warehouses ?? []).filter((w) => w.type === "SALES_WAREHOUSE" && w.enabled),
    warehouses: facts.tiktok?.warehouses ?? [],
    deliveryOptions: facts.tiktok?.deliveryOptions ?? {},
    deliveryProfiles: facts.shopify.deliveryProfiles,
    refundPolicy: facts.shopify.refundPolicy ? { ...facts.shopify.refundPolicy, days: returnWindowDays(facts.shopify.refundPolicy.text) } : null,
    returnRule: rule,
    tiktokShop: facts.tiktok ? { name: facts.tiktok.shopName, region: facts.tiktok.region } : null,
    tiktokError: facts.tiktokError,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "choose-catalog-shop") {
    return chooseCatalogShop(catalogShopChoiceDeps(), shop, String(form.get("tiktokShopId") ?? ""));
  }
  if (intent !== "save-mapping") return { ok: false, message: "Unknown action. Reload the page and try again." };
  if (!(await tiktokShopLinks().primary(shop))) return { ok: false, message: "Connect your TikTok Shop from the home page first." };
  const choice = [...form.entries()]
    .filter(([key]) => key.startsWith("warehouse:"))
    .map(([key, value]) => ({ locationId: key.slice("warehouse:".length), warehouseId: String(value) || null }));
  // Checked against TikTok's list now, not the one the page was rendered with.
  const tiktok = await loadTikTokShippingFacts(await tiktokShopSessions().forShop(shop));
  const current = await storeSettings.settings(shop);
  const applied = applyMappingChoice(current.inventory, choice, tiktok.warehouses);
  if (!applied.ok) return applied;
  const { resynced } = await updateStoreSettings({ db, settings: storeSettings, queue }, shop, (doc) => ({ ...doc, inventory: { ...(doc.inventory ?? {}), ...applied.inventory } }));
  return { ok: true, message: resynced ? `Saved. Stock of ${resynced} products is being updated on TikTok.` : "Saved. Stock is sent to these warehouses from the next sync." };
}

const STATUS_BADGE: Record<ReadinessItem["status"], { tone: "success" | "critical" | "warning" | "info" | undefined; label: string }> = {
  done: { tone: "success", label: "Ready" },
  blocked: { tone: "critical", label: "Blocks listing" },
  action_needed: { tone: "warning", label: "Action needed" },
  pending: { tone: "info", label: "Pending" },
  unknown: { tone: undefined, label: "Unknown" },
};

export default function Shipping() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const item = (id: string) => data.items.find((i) => i.id === id);
  const problems = data.items.filter((i) => i.status !== "done");

  return (
    <Page title="Shipping, returns & payments" backAction={{ url: "/app" }}>
      <Layout>
        {result ? (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <CatalogShopCard links={data.links} catalogShopId={data.catalogShopId} busy={busy} />
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{problems.length ? `To fix before selling (${problems.length})` : "Everything is set up"}</Text>
              {problems.length === 0 ? <Text as="p">Shipping, returns and payouts match what TikTok needs.</Text> : null}
              {problems.map((p) => <ItemBanner key={p.id} item={p} />)}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="save-mapping" />
              <BlockStack gap="300">
                <SectionHeading title="Locations and TikTok warehouses" item={item("policies.shipping_mapping")} />
                <Text as="p" tone="subdued">
                  Stock from each Shopify location goes to the TikTok warehouse you choose. Locations set to "Not sold on TikTok" send no stock.
                </Text>
                {data.rows.length === 0 ? <Text as="p">{data.tiktokShop ? "Your store has no active locations." : "Link a TikTok shop to choose warehouses."}</Text> : null}
                {data.rows.map((row) => (
                  // Keyed by what it shows, so the choice resets when the catalog shop or the saved mapping changes.
                  <MappingRow key={`${data.catalogShopId}:${row.location.id}:${row.warehouseId}`} row={row} warehouses={data.salesWarehouses} />
                ))}
                {data.rows.length ? (
                  <InlineStack>
                    <Button submit variant="primary" loading={busy} disabled={data.salesWarehouses.length === 0}>Save warehouses</Button>
                  </InlineStack>
                ) : null}
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <SectionHeading title="Delivery" item={item("policies.delivery")} />
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">Shopify delivery profiles</Text>
                  {data.deliveryProfiles.length === 0 ? <Text as="p">No delivery profile.</Text> : null}
                  {data.deliveryProfiles.map((p) => (
                    <BlockStack key={p.id} gap="100">
                      <Text as="p" fontWeight="semibold">{p.name}{p.isDefault ? " (general)" : ""}</Text>
                      {p.zones.map((z) => (
                        <Text key={z.name} as="p">{z.name} ({z.restOfWorld ? "rest of world" : z.countryCodes.join(", ")}): {z.methods.map((m) => (m.price ? `${m.name} ${m.price} ${m.currency ?? ""}` : m.name)).join(", ") || "no rates"}</Text>
                      ))}
                    </BlockStack>
                  ))}
                </BlockStack>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">TikTok delivery options{data.tiktokShop ? ` (${data.tiktokShop.name})` : ""}</Text>
                  {data.warehouses.filter((w) => w.type === "SALES_WAREHOUSE").map((w) => (
                    <Text key={w.id} as="p">{w.name}: {(data.deliveryOptions[w.id] ?? []).map((o) => o.name).join(", ") || "no delivery option"}</Text>
                  ))}
                  <Text as="p" tone="subdued">Shipping templates cannot be read through TikTok's API; whether one exists comes from TikTok's listing check.</Text>
                </BlockStack>
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <SectionHeading title="Returns" item={item("policies.return_policy")} />
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">Your refund policy (Shopify)</Text>
                  {data.refundPolicy ? (
                    <>
                      <Text as="p" fontWeight="semibold">{data.refundPolicy.days !== null ? `Returns within ${data.refundPolicy.days} days` : "No return window in days found"}</Text>
                      <Text as="p" tone="subdued">{data.refundPolicy.text.slice(0, 400)}{data.refundPolicy.text.length > 400 ? "…" : ""}</Text>
                    </>
                  ) : (
                    <Text as="p">No refund policy.</Text>
                  )}
                </BlockStack>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">TikTok's return rules{data.tiktokShop ? ` (${data.tiktokShop.region})` : ""}</Text>
                  {data.returnRule ? (
                    <>
                      <Text as="p" fontWeight="semibold">Returns within {data.returnRule.returnWindowDays} days</Text>
                      <Text as="p" tone="subdued">{data.returnRule.summary}</Text>
                      <Text as="p" tone="subdued" variant="bodySm">
                        Source: <a href={data.returnRule.source.url} target="_blank" rel="noreferrer">{data.returnRule.source.title}</a>, checked {data.returnRule.source.checkedOn}.
                      </Text>
                    </>
                  ) : (
                    <Text as="p">{data.tiktokShop ? "We have no record of TikTok's return rules for this region." : "Link a TikTok shop to compare."}</Text>
                  )}
                </BlockStack>
              </InlineGrid>
              <Divider />
              <ItemLine item={item("policies.return_warehouse")} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <SectionHeading title="Payments" item={item("payments.payout")} />
              <Text as="p">
                TikTok buyers pay TikTok, not your Shopify checkout. TikTok pays your earnings, after its fees, to the bank account set in TikTok
                Seller Center. TikTok orders appear in Shopify as paid orders with the payment gateway "{TIKTOK_ORDER_GATEWAY}", so they are not charged again
                and your Shopify payouts do not include them.
              </Text>
              <ItemLine item={item("payments.payout")} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function CatalogShopCard({ links, catalogShopId, busy }: { links: LoaderData["links"]; catalogShopId: string | null; busy: boolean }) {
  const current = links.find((l) => l.tiktokShopId === catalogShopId);
  const [chosen, setChosen] = useState(catalogShopId ?? links[0]?.tiktokShopId ?? "");
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">TikTok shop for your catalog</Text>
        {links.length === 0 ? <Text as="p">No TikTok shop is linked yet. Connect one from the home page.</Text> : null}
        {current ? <Text as="p">Products, stock and prices sync to <b>{current.name} ({current.region})</b>. The checks below are for this shop.</Text> : null}
        {links.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="choose-catalog-shop" />
            <InlineStack gap="200" blockAlign="end">
              <Select label="Sync the catalog to" name="tiktokShopId" value={chosen} onChange={setChosen} options={links.map((l) => ({ label: `${l.name} (${l.region})${l.status === "paused" ? " — paused" : ""}`, value: l.tiktokShopId }))} />
              <Button submit loading={busy} disabled={chosen === catalogShopId}>Use this shop</Button>
            </InlineStack>
          </Form>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function MappingRow({ row, warehouses }: { row: LoaderData["rows"][number]; warehouses: LoaderData["salesWarehouses"] }) {
  const [value, setValue] = useState(row.warehouseId && warehouses.some((w) => w.id === row.warehouseId) ? row.warehouseId : NOT_SOLD);
  const stock = row.location.hasStock === true ? "Has stock" : row.location.hasStock === false ? "No stock" : "Stock not checked";
  return (
    <Box paddingBlockEnd="200">
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300" alignItems="center">
        <BlockStack gap="050">
          <Text as="span" fontWeight="semibold">{row.location.name}</Text>
          <InlineStack gap="100">
            <Badge tone={row.location.hasStock ? "success" : undefined}>{stock}</Badge>
            {row.problem ? <Badge tone="warning">{row.problem === "stock_not_sent" ? "Stock not sent to TikTok" : "Warehouse not usable"}</Badge> : null}
          </InlineStack>
        </BlockStack>
        <Select
          label={`TikTok warehouse for ${row.location.name}`}
          labelHidden
          name={`warehouse:${row.location.id}`}
          value={value}
          onChange={setValue}
          options={[{ label: "Not sold on TikTok", value: NOT_SOLD }, ...warehouses.map((w) => ({ label: `${w.name}${w.isDefault ? " (default)" : ""}`, value: w.id }))]}
        />
        <Text as="span" tone="subdued">{row.warehouse ? `Now: ${row.warehouse.name}` : row.warehouseId ? `Now: unknown warehouse ${row.warehouseId}` : "Now: not sent"}</Text>
      </InlineGrid>
    </Box>
  );
}

function SectionHeading({ title, item }: { title: string; item: ReadinessItem | undefined }) {
  return (
    <InlineStack align="space-between" blockAlign="center">
      <Text as="h2" variant="headingMd">{title}</Text>
      <StatusBadge item={item} />
    </InlineStack>
  );
}

function StatusBadge({ item }: { item: ReadinessItem | undefined }) {
  if (!item) return null;
  const badge = STATUS_BADGE[item.status];
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}

function ItemLine({ item }: { item: ReadinessItem | undefined }) {
  if (!item) return null;
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight="semibold">{item.title}</Text>
        <StatusBadge item={item} />
      </InlineStack>
      <Text as="p">{item.detail}</Text>
    </BlockStack>
  );
}

function ItemBanner({ item }: { item: ReadinessItem }) {
  return (
    <Banner tone={item.status === "blocked" ? "critical" : item.status === "action_needed" ? "warning" : "info"} title={item.title}>
      <BlockStack gap="100">
        <p>{item.detail}</p>
        {item.nextStep ? <p><b>What to do:</b> {item.nextStep}</p> : null}
        {item.action ? (
          <p>
            {!item.action.external ? (
              <Link to={item.action.url}>{item.action.label}</Link>
            ) : item.action.url.startsWith("shopify:") ? (
              <a href={item.action.url}>{item.action.label}</a>
            ) : (
              <a href={item.action.url} target="_blank" rel="noreferrer">{item.action.label}</a>
            )}
          </p>
        ) : null}
      </BlockStack>
    </Banner>
  );
}
