// Shown when the app is opened outside the Shopify admin: the merchant names their store to log in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginErrors = { shop?: string };

function loginErrorMessage(errors: { shop?: unknown } | undefined): LoginErrors {
  if (!errors?.shop) return {};
  return errors.shop === "MISSING_SHOP"
    ? { shop: "Enter your store's domain to log in" }
    : { shop: "Enter a valid store domain, like my-store.myshopify.com" };
}

export async function loader({ request }: LoaderFunctionArgs) {
  return { errors: loginErrorMessage(await login(request)) };
}

export async function action({ request }: ActionFunctionArgs) {
  return { errors: loginErrorMessage(await login(request)) };
}

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const errors = actionData?.errors ?? loaderData.errors;
  return (
    <PolarisAppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">Log in to TikTok Shop Sync</Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
