// The app's Admin GraphQL gateway (graphql-request). One per shop and access token; the endpoint honours
// SHOPIFY_ADMIN_ORIGIN so the same code talks to Shopify or the sandbox. Queries wait for the shop's cost
// budget (shared by every gateway of the shop); a throttled call waits for the bucket to refill and tries
// again, and one still throttled after that tells its job to come back later without using an attempt.
import { ClientError, GraphQLClient } from "graphql-request";
import { adminRequestUrl } from "./admin-origin-fetch";
import { ShopifyAdminError } from "./shopify-admin-error";
import { ShopifyCostBudget, type ThrottleStatus } from "./shopify-cost-budget";

export interface AdminGatewayOptions {
  shop: string;
  accessToken: string;
  apiVersion: string;
  adminOrigin?: string;
  maxThrottleRetries?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared by every gateway of the same app (one bucket per shop inside). */
  budget?: ShopifyCostBudget;
}

export interface ShopifyAdminGateway {
  request<T>(document: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A gateway that looks up the shop's session only when a request is made (a sync from the catalog snapshot makes none). */
export function lazyShopifyGateway(open: () => Promise<ShopifyAdminGateway>): ShopifyAdminGateway {
  let gateway: Promise<ShopifyAdminGateway> | undefined;
  return {
    async request<T>(document: string, variables?: Record<string, unknown>) {
      return (await (gateway ??= open())).request<T>(document, variables);
    },
  };
}

interface CostExtension { requestedQueryCost?: number; throttleStatus?: ThrottleStatus }

export function adminGraphqlEndpoint(shop: string, apiVersion: string, adminOrigin?: string): string {
  return adminRequestUrl(`https://${shop}/admin/api/${apiVersion}/graphql.json`, adminOrigin);
}

export function createShopifyAdminGateway(options: AdminGatewayOptions): ShopifyAdminGateway {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const client = new GraphQLClient(adminGraphqlEndpoint(options.shop, options.apiVersion, options.adminOrigin), {
    headers: { "X-Shopify-Access-Token": options.accessToken },
    // Every call has a deadline: a stuck connection must not hold a job (and its lease) forever.
    fetch: (input, init) => globalThis.fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) }),
  });
  const maxRetries = options.maxThrottleRetries ?? 5;
  const budget = options.budget ?? new ShopifyCostBudget();
  const observe = (document: string, extensions: unknown) => {
    const cost = (extensions as { cost?: CostExtension } | undefined)?.cost;
    if (cost?.throttleStatus) budget.observe(options.shop, document, cost.requestedQueryCost, cost.throttleStatus);
  };

  return {
    async request<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const wait = budget.reserve(options.shop, budget.expectedCost(document));
        if (wait > 0) await sleep(wait);
        try {
          const { data, extensions } = await client.rawRequest<T>(document, variables);
          observe(document, extensions);
          return data;
        } catch (error) {
          if (error instanceof ClientError) observe(document, error.response.extensions);
          const failure = toAdminError(error);
          if (failure.kind !== "throttled") throw failure;
          const waitMs = throttleWaitMs(error);
          if (attempt >= maxRetries) throw Object.assign(failure, { retryAfterMs: waitMs });
          await sleep(waitMs);
        }
      }
    },
  };
}

function toAdminError(error: unknown): ShopifyAdminError {
  if (error instanceof ClientError) {
    const { status, errors } = error.response;
    const codes = Array.isArray(errors) ? errors.map((e) => (e.extensions as { code?: string } | undefined)?.code) : [];
    if (codes.includes("THROTTLED")) return new ShopifyAdminError("Shopify throttled the request", "throttled", { status, errors });
    if (status === 401 || status === 403) {
      return new ShopifyAdminError("Shopify refused the app's access token", "unauthorized", { status, errors: error.response.error ?? errors });
    }
    if (errors?.length) {
      return new ShopifyAdminError(`Shopify rejected the query: ${errors.map((e) => e.message).join("; ")}`, "graphql", { status, errors });
    }
    return new ShopifyAdminError(`Shopify answered HTTP ${status}`, "http", { status });
  }
  return new ShopifyAdminError(`Could not reach Shopify: ${(error as Error).message}`, "network");
}

function throttleWaitMs(error: unknown): number {
  const cost = (error instanceof ClientError ? (error.response.extensions as { cost?: CostExtension } | undefined)?.cost : undefined);
  const status = cost?.throttleStatus;
  if (!status || !cost?.requestedQueryCost) return 1000;
  const missing = Math.max(0, cost.requestedQueryCost - status.currentlyAvailable);
  return Math.ceil((missing / Math.max(1, status.restoreRate)) * 1000) + 50;
}
