// The Shopify sandbox: a local stand-in for Shopify strict enough to catch real bugs. One HTTP server
// answers the Admin API (OAuth token endpoint, GraphQL on the real 2026-10 schema), serves the admin
// shell with the embedded app, the App Bridge stand-in, product images and bulk results, and the
// sandbox's own controls (products, stock, orders, plan, faults); store changes go out as signed webhooks to
// the app's subscriptions. README.md lists what is modelled.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { AccessTokenIssuer } from "./access-tokens";
import { AdminCostLog } from "./admin-cost-log";
import { ADMIN_API_VERSION, loadAdminSchema } from "./admin-schema";
import { adminShellHtml, appLaunchUrl } from "./admin-shell";
import { readAppConfig } from "./app-config";
import { appBridgeScript } from "./app-bridge-script";
import { BulkOperationService } from "./bulk-operations";
import { seedFromCsvDir } from "./csv-seed";
import { executeAdminGraphql } from "./graphql-executor";
import { readBody, readInput, redirect, sendJson, sendText } from "./http-io";
import { ProductImageCache } from "./product-images";
import { defaultAppTomlPath, defaultSeedCsvDir } from "./repo-paths";
import type { ResolverContext } from "./resolvers/resolver-context";
import { handleSandboxApi } from "./sandbox-admin-api";
import { orderSummary, type FaultKnobs } from "./sandbox-order-api";
import { sandboxPageHtml } from "./sandbox-page";
import { mintSessionToken, type MintSessionTokenOptions } from "./session-token";
import { DEFAULT_SHOP_DOMAIN, demoDeliveryProfile, demoLocations, demoPolicies, demoShop } from "./shop-defaults";
import { ShopifyStore, type ShopPlanKind } from "./store";
import { connectStoreWebhooks } from "./store-webhooks";
import { ThrottleBucket, type ThrottleStatus } from "./throttle-bucket";
import { WebhookEmitter, type WebhookDelivery } from "./webhook-emitter";

export interface ShopifySandboxOptions {
  port?: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  /** The app's origin, e.g. http://127.0.0.1:3000 */
  appUrl: string;
  appPath?: string;
  appTomlPath?: string;
  shopDomain?: string;
  seedCsvDir?: string;
  webhookRetryScheduleMs?: number[];
  webhookTimeoutMs?: number;
  now?: () => Date;
  /** Delay between bulk operation status steps (default 50 ms). */
  bulkStepDelayMs?: number;
  /** The GraphQL cost bucket per shop (default Shopify's Advanced plan: 2000 points, 100 a second). */
  throttle?: { maximumAvailable: number; restoreRate: number };
  /** "development": a partner development store (orderCreate: five new orders a minute). Default "standard". */
  plan?: ShopPlanKind;
  /** How long asynchronous jobs (orderCancel) wait before they run (default 50 ms). */
  asyncJobDelayMs?: number;
}

export interface ShopifySandbox {
  url: string;
  shopDomain: string;
  store: ShopifyStore;
  webhooks: WebhookEmitter;
  deliveries: WebhookDelivery[];
  tokens: AccessTokenIssuer;
  /** A session token (id_token) as the Shopify admin would hand the app. */
  mintSessionToken(options?: MintSessionTokenOptions): Promise<string>;
  /** An offline access token for the shop without going through token exchange (scopes default to the app's). */
  issueAccessToken(options?: { expiring?: boolean; scopes?: string[] }): string;
  /** The admin shell URL that embeds the app. */
  adminUrl: string;
  /** Admin GraphQL requests received, by operation name ("(anonymous)" without one): what tests count. */
  adminOperations: Map<string, number>;
  /** Points requested and charged, and THROTTLED refusals, by operation name: what benchmarks relate throughput to. */
  adminCosts: AdminCostLog;
  /** The shop's GraphQL cost bucket as it is now. */
  throttleStatus(): ThrottleStatus;
  /** Fault knobs (also POST /sandbox/faults). */
  faults: FaultKnobs;
  isInstalled(): boolean;
  close(): Promise<void>;
}

const logger = pino({ name: "shopify-sandbox", level: process.env.LOG_LEVEL ?? "info" });
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Shopify-Access-Token", "Access-Control-Allow-Methods": "GET, POST, OPTIONS" };

export async function startShopifySandbox(options: ShopifySandboxOptions): Promise<ShopifySandbox> {
  const clock = options.now ?? (() => new Date());
  const shopDomain = options.shopDomain ?? DEFAULT_SHOP_DOMAIN;
  const shopSlug = shopDomain.replace(/\.myshopify\.com$/, "");
  const appUrl = options.appUrl.replace(/\/$/, "");
  const appPath = options.appPath ?? "/app";
  const appConfig = readAppConfig(options.appTomlPath ?? defaultAppTomlPath);
  const schema = loadAdminSchema();

  const seedTime = clock().toISOString().replace(/\.\d{3}Z$/, "Z");
  const store = new ShopifyStore(demoShop(shopDomain, seedTime), clock);
  for (const location of demoLocations(seedTime)) store.locations.set(location.id, location);
  store.policies.push(...demoPolicies(shopDomain, seedTime));
  store.deliveryProfiles.push(demoDeliveryProfile([...store.locations.values()]));
  seedFromCsvDir(store, options.seedCsvDir ?? defaultSeedCsvDir, seedTime);
  store.shop.plan = options.plan ?? "standard";
  store.orders.jobDelayMs = options.asyncJobDelayMs ?? 50;
  const faults: FaultKnobs = { loseOrderCreateAnswers: 0 };

  let origin = "";
  let installed = true;
  const tokens = new AccessTokenIssuer(
    { apiKey: options.apiKey, apiSecret: options.apiSecret, scopes: appConfig.scopes },
    shopDomain,
    () => clock().getTime(),
    () => {
      installed = true;
    },
  );
  const buckets = new Map<string, ThrottleBucket>();
  const adminOperations = new Map<string, number>();
  const adminCosts = new AdminCostLog();
  const bucketFor = (shop: string) => {
    let bucket = buckets.get(shop);
    if (!bucket) buckets.set(shop, (bucket = new ThrottleBucket(options.throttle?.maximumAvailable ?? 2000, options.throttle?.restoreRate ?? 100, () => clock().getTime())));
    return bucket;
  };
  const emitter = new WebhookEmitter({
    appUrl,
    apiSecret: options.apiSecret,
    shopDomain,
    apiVersion: ADMIN_API_VERSION,
    subscriptions: appConfig.subscriptions,
    retryScheduleMs: options.webhookRetryScheduleMs,
    timeoutMs: options.webhookTimeoutMs,
  });
  connectStoreWebhooks(store, emitter, { origin: () => origin, installed: () => installed });

  const contextFor = (scopes: ReadonlySet<string>, unbounded: boolean, onlineToken = false): ResolverContext => ({ store, origin, scopes, unbounded, bulk, searchWarnings: [], onlineToken, createdOrderIds: [] });
  const bulk: BulkOperationService = new BulkOperationService({ schema, store, context: (scopes) => contextFor(scopes, true), stepDelayMs: options.bulkStepDelayMs });
  const images = new ProductImageCache();
  const mint = (opts?: MintSessionTokenOptions) => mintSessionToken({ apiKey: options.apiKey, apiSecret: options.apiSecret, shop: shopDomain }, { now: clock(), ...opts });
  const adminShellPath = `/store/${shopSlug}/apps/${appConfig.handle}`;

  const state = () => ({
    shop: store.shop,
    installed,
    locations: [...store.locations.values()],
    products: [...store.products.values()].map((p) => ({ ...p, variants: store.productVariants(p), media: store.productMedia(p) })),
    inventoryItems: [...store.inventoryItems.values()].map((i) => ({ ...i, levels: [...i.levels.values()] })),
    collections: [...store.collections.values()],
    metafields: [...store.metafields.values()],
    bulkOperations: [...store.bulkOperations.values()].map((op) => ({ ...op, failure: bulk.failures.get(op.id) ?? null })),
    orders: [...store.orders.orders.values()].map((o) => orderSummary(store, o)),
    faults,
    webhookKnobs: emitter.knobs,
    subscriptions: Object.fromEntries(appConfig.subscriptions),
    deliveries: emitter.deliveries.map(({ body, ...d }) => ({ ...d, payload: JSON.parse(body) as unknown })),
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    const method = req.method ?? "GET";

    if (method === "OPTIONS") {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (method === "GET" && path === "/") return redirect(res, adminShellPath);

    if (method === "GET" && path.startsWith(`/store/${shopSlug}/apps/${appConfig.handle}`)) {
      installed = true; // opening the app from the admin installs it (managed install)
      const subPath = path.slice(`/store/${shopSlug}/apps/${appConfig.handle}`.length);
      const iframeSrc = appLaunchUrl({ appUrl, appPath: subPath && subPath !== "/" ? subPath : appPath, shopDomain, apiSecret: options.apiSecret, idToken: await mint(), now: clock() });
      return sendText(res, 200, "text/html; charset=utf-8", adminShellHtml({ shopDomain, shopName: store.shop.name, appName: appConfig.name, appHandle: appConfig.handle, appOrigin: new URL(appUrl).origin, iframeSrc }));
    }
    if (method === "GET" && path.startsWith("/store/")) return sendText(res, 404, "text/plain", `No such shop or app. The sandbox serves ${adminShellPath}`);

    if (method === "GET" && path === "/app-bridge.js") {
      return sendText(res, 200, "text/javascript; charset=utf-8", appBridgeScript({ sandboxOrigin: origin }), { ...CORS, "Cache-Control": "no-cache" });
    }
    if (method === "GET" && path === "/admin/session-token") {
      if (url.searchParams.get("shop") !== shopDomain) return sendJson(res, 404, { error: "Unknown shop" }, CORS);
      if (url.searchParams.get("api_key") && url.searchParams.get("api_key") !== options.apiKey) return sendJson(res, 403, { error: "Unknown app" }, CORS);
      if (!installed) return sendJson(res, 403, { error: "The app is not installed on this shop" }, CORS);
      return sendJson(res, 200, { token: await mint() }, { ...CORS, "Cache-Control": "no-store" });
    }
    if (method === "POST" && path === "/admin/oauth/access_token") {
      const { input, invalid } = await readInput(req);
      if (invalid) return sendJson(res, 400, { error: "invalid_request", error_description: "Malformed request body" });
      const result = await tokens.handle(input);
      return sendJson(res, result.status, result.body);
    }
    const graphqlMatch = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
    if (graphqlMatch) {
      if (method !== "POST") return sendJson(res, 405, { errors: "Method not allowed" });
      const token = tokens.authenticate(req.headers["x-shopify-access-token"] as string | undefined);
      if (!token || !installed) return sendJson(res, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      if (graphqlMatch[1] !== ADMIN_API_VERSION) {
        return sendJson(res, 404, { errors: `The sandbox serves Admin API version ${ADMIN_API_VERSION} only, not ${graphqlMatch[1]}` });
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return sendJson(res, 400, { errors: { query: "Required parameter missing or invalid" } });
      }
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(String((body as { query?: unknown } | null)?.query ?? ""))?.[1] ?? "(anonymous)";
      adminOperations.set(name, (adminOperations.get(name) ?? 0) + 1);
      const ctx = contextFor(new Set(token.scopes), false, token.online);
      const result = await executeAdminGraphql(schema, body, ctx, bucketFor(token.shop));
      adminCosts.record(name, result.body);
      if (ctx.createdOrderIds!.length > 0 && faults.loseOrderCreateAnswers > 0) {
        // The order is committed; the client sees the connection drop instead of the answer.
        faults.loseOrderCreateAnswers--;
        req.socket.destroy();
        return;
      }
      return sendJson(res, result.status, result.body, { "X-Request-Id": crypto.randomUUID() });
    }
    if (method === "GET" && path.startsWith("/cdn/shop/files/")) {
      const media = [...store.media.values()].find((m) => m.path === path);
      if (!media) return sendText(res, 404, "text/plain", "Not found");
      return sendText(res, 200, "image/png", images.get({ key: media.path, width: media.width, height: media.height }), { "Cache-Control": "public, max-age=31536000", ...CORS });
    }
    if (method === "GET" && path.startsWith("/bulk-results/")) {
      const file = bulk.files.get(path);
      if (file === undefined) return sendText(res, 404, "text/plain", "Not found");
      return sendText(res, 200, "application/jsonl", file, CORS);
    }
    if (method === "GET" && (path === "/sandbox" || path === "/sandbox/")) {
      return sendText(res, 200, "text/html; charset=utf-8", sandboxPageHtml(store, emitter.deliveries, { installed, adminShellPath }));
    }
    if (path.startsWith("/sandbox/")) {
      const handled = await handleSandboxApi(req, res, path, {
        store,
        emitter,
        faults,
        isInstalled: () => installed,
        uninstall: () => {
          installed = false;
          tokens.revokeAll(shopDomain);
        },
        state,
      });
      if (handled) return;
    }
    sendJson(res, 404, { errors: "Not Found" });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url }, "sandbox request failed");
      if (!res.headersSent) sendJson(res, 500, { errors: "Internal error in the Shopify sandbox" });
      else res.end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  return {
    url: origin,
    shopDomain,
    store,
    webhooks: emitter,
    deliveries: emitter.deliveries,
    tokens,
    adminUrl: `${origin}${adminShellPath}`,
    adminOperations,
    adminCosts,
    throttleStatus: () => bucketFor(shopDomain).status(),
    faults,
    mintSessionToken: mint,
    issueAccessToken: (opts) => tokens.issueOffline(opts?.expiring ?? false, opts?.scopes).token,
    isInstalled: () => installed,
    close: async () => {
      emitter.close();
      store.orders.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
