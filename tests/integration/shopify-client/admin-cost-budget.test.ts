// Concurrent jobs of one shop share Shopify's cost bucket: against the sandbox's real bucket (small, so the
// test is quick), they wait for it instead of being throttled, and a job still throttled is deferred.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminGateway } from "../../../app/integrations/shopify/admin-graphql-gateway";
import { ShopifyAdminError } from "../../../app/integrations/shopify/shopify-admin-error";
import { ShopifyCostBudget } from "../../../app/integrations/shopify/shopify-cost-budget";
import { PRODUCT_FOR_LISTING_QUERY } from "../../../app/integrations/shopify/product.graphql";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { startTestSandbox } from "../shopify-sandbox/sandbox-harness";

let sandbox: ShopifySandbox;
let productId: string;
beforeAll(async () => {
  sandbox = await startTestSandbox({ throttle: { maximumAvailable: 400, restoreRate: 200 } });
  productId = [...sandbox.store.products.keys()][0]!;
});
afterAll(async () => sandbox?.close());

const gateway = (budget: ShopifyCostBudget, maxThrottleRetries: number) =>
  createShopifyAdminGateway({ shop: sandbox.shopDomain, accessToken: sandbox.issueAccessToken(), apiVersion: "2026-10", adminOrigin: sandbox.url, budget, maxThrottleRetries });

describe("Shopify cost budget", () => {
  it("makes concurrent jobs of a shop wait for the bucket: none is throttled, all succeed", { timeout: 30_000 }, async () => {
    const budget = new ShopifyCostBudget();
    const variables = { id: productId, variants: 5 };
    await gateway(budget, 0).request(PRODUCT_FOR_LISTING_QUERY, variables); // learns the query's cost and the bucket
    const cost = budget.expectedCost(PRODUCT_FOR_LISTING_QUERY);
    expect(cost).toBeGreaterThan(30);
    // Each job has its own gateway (as each job asks for one), all share the budget; no retries allowed.
    const jobs = Array.from({ length: Math.ceil(900 / cost) }, () => gateway(budget, 0).request(PRODUCT_FOR_LISTING_QUERY, variables));
    const started = performance.now();
    const results = await Promise.allSettled(jobs);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(performance.now() - started).toBeGreaterThan(1000); // it did wait for the bucket to refill
  });

  it("without the shared budget, the same burst is throttled; the job is told to come back later, attempt not counted", { timeout: 30_000 }, async () => {
    await new Promise((r) => setTimeout(r, 2000)); // bucket full again
    const variables = { id: productId, variants: 5 };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => gateway(new ShopifyCostBudget(), 0).request(PRODUCT_FOR_LISTING_QUERY, variables)));
    const throttled = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as ShopifyAdminError);
    expect(throttled.length).toBeGreaterThan(0);
    for (const error of throttled) {
      expect(error).toMatchObject({ kind: "throttled", deferred: true, retryable: true });
      expect(error.retryAt!.getTime()).toBeGreaterThan(Date.now());
    }
  });
});
