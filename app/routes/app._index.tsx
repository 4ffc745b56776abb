import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { attestations, catalogShopChoiceDeps, readinessChecklistDeps } from "../app-context.server";
import { ReadinessChecklistView } from "../components/readiness-checklist";
import { config } from "../config.server";
import { createShopifyAdminGateway } from "../integrations/shopify/admin-graphql-gateway";
import { chooseCatalogShop } from "../modules/linking/choose-catalog-shop";
import { summarizeLink, type LinkSummary } from "../modules/linking/link-summary";
import { startTikTokAuthorization } from "../modules/linking/tiktok-authorization";
import type { AttestationKind } from "../modules/readiness/eligibility-rules";
import { loadReadinessChecklist } from "../modules/readiness/load-readiness-checklist";
import { loadStoreSummary, type StoreSummary } from "../modules/store/load-store-summary";
import { apiVersion, authenticate } from "../shopify.server";
import { tiktokAuthorizationDeps, tiktokOAuthRedirectUri, tiktokShopLinks } from "../tiktok.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shopify = createShopifyAdminGateway({
    shop: session.shop,
    accessToken: session.accessToken ?? "",
    apiVersion,
    adminOrigin: config.SHOPIFY_ADMIN_ORIGIN,
  });
  // Which linked TikTok shop the checklist is for (`shop` is Shopify's own parameter).
  const tiktokShopId = new URL(request.url).searchParams.get("tiktokShop");
  const [store, links, checklist] = await Promise.all([
    loadStoreSummary(shopify).then(
      (summary) => ({ summary, error: null }),
      (error: Error) => ({ summary: null, error: error.message }),
    ),
    tiktokShopLinks().all(session.shop),
    loadReadinessChecklist(readinessChecklistDeps(shopify, session.shop), { shop: session.shop, tiktokShopId }),
  ]);
  const catalogShop = await tiktokShopLinks().primary(session.shop);
  const now = new Date();
  return {
    store: store.summary,
    storeError: store.error,
    links: links.filter((l) => l.status !== "unlinked").map((l) => summarizeLink(l, now, catalogShop?.tiktokShopId)),
    checklist,
  };
}

const ATTESTATION_INTENTS: Record<string, AttestationKind> = { "attest:age_18_plus": "age_18_plus", "attest:community_guidelines": "community_guidelines" };

export async function action({ request }: ActionFunctionArgs) {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") === "choose-catalog-shop") {
    const result = await chooseCatalogShop(catalogShopChoiceDeps(), session.shop, String(form.get("tiktokShopId") ?? ""));
    return { authorizeUrl: null, error: result.ok ? null : result.message, notice: result.ok ? result.message : null };
  }
  const intent = String(form.get("intent"));
  const attestation = Object.hasOwn(ATTESTATION_INTENTS, intent) ? ATTESTATION_INTENTS[intent] : undefined;
  if (attestation) {
    // The staff member signed in to the admin (the session token's subject); the app has no online session with a name.
    const who = sessionToken?.sub ? `Shopify staff user ${sessionToken.sub}` : `the store owner of ${session.shop}`;
    await attestations.record(session.shop, attestation, who);
    return { authorizeUrl: null, error: null };
  }
  if (form.get("intent") === "unlink") {
    const link = (await tiktokShopLinks().all(session.shop)).find((l) => l.tiktokShopId === form.get("tiktokShopId"));
    if (!link) return { authorizeUrl: null, error: "That TikTok shop is not linked to this store." };
    await tiktokShopLinks().unlink(link.id);
    return { authorizeUrl: null, error: null };
  }
  if (form.get("intent") !== "connect-tiktok") return { authorizeUrl: null, error: "That action is not known here. Reload the page and try again." };
  return { authorizeUrl: startTikTokAuthorization(tiktokAuthorizationDeps(), session.shop, tiktokOAuthRedirectUri), error: null };
}

export default function Home() {
  const { store, storeError, links, checklist } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [, setSearchParams] = useSearchParams();

  // TikTok's authorization page cannot be framed: leave the admin iframe for it (App Bridge handles _top).
  useEffect(() => {
    if (result?.authorizeUrl) window.open(result.authorizeUrl, "_top");
  }, [result?.authorizeUrl]);

  return (
    <Page title="TikTok Shop">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {storeError ? (
              <Banner tone="critical" title="We could not read your store from Shopify">
                <p>{storeError}</p>
                <p>Reload the page. If this keeps happening, reinstall the app from your Shopify admin.</p>
              </Banner>
            ) : null}
            {links.map((link) =>
              link.attention ? (
                <Banner key={link.tiktokShopId} tone={link.attention.tone} title={`${link.name} (${link.region})`}>
                  <p>{link.attention.message}</p>
                </Banner>
              ) : null,
            )}
            {result?.error ? <Banner tone="critical">{result.error}</Banner> : null}
            {result && "notice" in result && result.notice ? <Banner tone="success">{result.notice}</Banner> : null}
            {links.length === 0 ? <ConnectCard submitting={navigation.state !== "idle"} /> : <LinkedShopsCard links={links} submitting={navigation.state !== "idle"} />}
            <ReadinessChecklistView
              checklist={checklist}
              submitting={navigation.state !== "idle"}
              onSelectShop={(id) => setSearchParams((params) => { params.set("tiktokShop", id); return params; })}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">{store ? <StoreCard store={store} /> : null}</Layout.Section>
      </Layout>
    </Page>
  );
}

function ConnectButton({ submitting, label }: { submitting: boolean; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="connect-tiktok" />
      <Button submit variant="primary" loading={submitting}>{label}</Button>
    </Form>
  );
}

function ConnectCard({ submitting }: { submitting: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Connect TikTok Shop</Text>
        <Text as="p">
          Sell your Shopify products on TikTok Shop. We check whether your store can sell on TikTok, link your TikTok Shop and
          TikTok account, and keep products, stock, prices and orders in step.
        </Text>
        <List type="number">
          <List.Item>Check your eligibility: country, currency, age and TikTok account.</List.Item>
          <List.Item>Link your TikTok Shop (you approve access on TikTok).</List.Item>
          <List.Item>Choose the products to sell and fix anything TikTok would refuse.</List.Item>
        </List>
        <InlineStack>
          <ConnectButton submitting={submitting} label="Connect TikTok Shop" />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function LinkedShopsCard({ links, submitting }: { links: LinkSummary[]; submitting: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Linked TikTok shops</Text>
        {links.map((link) => (
          <InlineStack key={link.tiktokShopId} gap="300" blockAlign="center">
            <Text as="span" fontWeight="semibold">{link.name}</Text>
            <Badge>{link.region}</Badge>
            <Badge tone={link.status === "active" ? "success" : "critical"}>{link.status === "active" ? "Connected" : "Paused"}</Badge>
            {link.syncsCatalog ? <Badge tone="info">Catalog syncs here</Badge> : null}
            <Text as="span" tone="subdued">Authorization renews in {link.daysUntilReauthorization} days</Text>
            {!link.syncsCatalog ? (
              <Form method="post">
                <input type="hidden" name="intent" value="choose-catalog-shop" />
                <input type="hidden" name="tiktokShopId" value={link.tiktokShopId} />
                <Button submit variant="plain">Sync catalog here</Button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="unlink" />
              <input type="hidden" name="tiktokShopId" value={link.tiktokShopId} />
              <Button submit variant="plain" tone="critical">Unlink</Button>
            </Form>
          </InlineStack>
        ))}
        <InlineStack>
          <ConnectButton submitting={submitting} label="Reconnect or add a shop" />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function StoreCard({ store }: { store: StoreSummary }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Your Shopify store</Text>
        <InlineGrid columns={2} gap="200">
          <Text as="span" tone="subdued">Store</Text>
          <Text as="span">{store.name}</Text>
          <Text as="span" tone="subdued">Domain</Text>
          <Text as="span">{store.domain}</Text>
          <Text as="span" tone="subdued">Currency</Text>
          <Text as="span">{store.currency}</Text>
          <Text as="span" tone="subdued">Country</Text>
          <Text as="span">{store.country ?? "not set"}</Text>
          <Text as="span" tone="subdued">Products</Text>
          <Text as="span">{store.productCount ?? "unknown"}</Text>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
