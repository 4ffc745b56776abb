import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineGrid, Layout, List, Page, Text } from "@shopify/polaris";
import { config } from "../config.server";
import { createShopifyAdminGateway } from "../integrations/shopify/admin-graphql-gateway";
import { loadStoreSummary, type StoreSummary } from "../modules/store/load-store-summary";
import { apiVersion, authenticate } from "../shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shopify = createShopifyAdminGateway({
    shop: session.shop,
    accessToken: session.accessToken ?? "",
    apiVersion,
    adminOrigin: config.SHOPIFY_ADMIN_ORIGIN,
  });
  try {
    return { store: await loadStoreSummary(shopify), storeError: null };
  } catch (error) {
    return { store: null, storeError: (error as Error).message };
  }
}

export default function Home() {
  const { store, storeError } = useLoaderData<typeof loader>();
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
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Connect TikTok Shop</Text>
                <Text as="p">
                  Sell your Shopify products on TikTok Shop. We check whether your store can sell on TikTok, link your
                  TikTok Shop and TikTok account, and keep products, stock, prices and orders in step.
                </Text>
                <List type="number">
                  <List.Item>Check your eligibility: country, currency, age and TikTok account.</List.Item>
                  <List.Item>Link your TikTok Shop (you approve access on TikTok).</List.Item>
                  <List.Item>Choose the products to sell and fix anything TikTok would refuse.</List.Item>
                </List>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          {store ? <StoreCard store={store} /> : null}
        </Layout.Section>
      </Layout>
    </Page>
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
