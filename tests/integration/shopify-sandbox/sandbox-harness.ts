// Starts a Shopify sandbox for a test file and offers an authenticated GraphQL call against it.
import { startShopifySandbox, type ShopifySandbox, type ShopifySandboxOptions } from "../../../sandbox/shopify/server";

export const API_KEY = "sandbox-test-key";
export const API_SECRET = "sandbox-test-secret";

export async function startTestSandbox(overrides: Partial<ShopifySandboxOptions> = {}): Promise<ShopifySandbox> {
  return startShopifySandbox({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET, appUrl: "http://127.0.0.1:9", webhookRetryScheduleMs: [], bulkStepDelayMs: 5, ...overrides });
}

export async function graphql(sandbox: ShopifySandbox, token: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any; extensions?: any } };
}
