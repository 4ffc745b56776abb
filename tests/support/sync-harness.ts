// The whole system for sync tests and benchmarks: the Shopify sandbox (seeded store), the TikTok
// simulator, and the built app (web + in-process worker) on a fresh database, wired together over real
// HTTP. The store is installed (offline session) and linked to a seeded TikTok shop, as a merchant would
// leave it after onboarding.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "../../app/db.server";
import { migrateDatabase } from "../../app/db/migrations.server";
import { createTikTokShopLinkRepository } from "../../app/modules/linking/tiktok-shop-link-repository";
import { createTokenCipher } from "../../app/modules/linking/token-cipher";
import { startShopifySandbox, type ShopifySandbox, type ShopifySandboxOptions } from "../../sandbox/shopify/server";
import { startTikTokSandbox, type TikTokSandbox, type TikTokSandboxOptions } from "../../sandbox/tiktok/server";
import { startAppServer, startWorkerProcess, type RunningApp } from "./app-server";
import { freePort } from "./free-port";

const ENCRYPTION_KEY = "cd".repeat(32);
export const TIKTOK_KEY = "harness-tiktok-key";
export const TIKTOK_SECRET = "harness-tiktok-secret";

export interface SyncHarness {
  shopify: ShopifySandbox;
  tiktok: TikTokSandbox;
  app: RunningApp;
  /** What the app's database says about these products and the queue, for a failing test's message. */
  diagnose(productIds?: string[]): Promise<string>;
  /** Starts a worker process (`npm run worker`) on the app's database and settings; closed with the harness. */
  startWorker(): Promise<{ pid: number; output(): string }>;
  /** Kills the app process (SIGKILL) and starts it again on the same database and port. */
  crashAndRestartApp(): Promise<void>;
  db: Database;
  shop: string;
  tiktokShopId: string;
  /** Links one more seeded TikTok shop to the store, as the OAuth callback would (e.g. Brit & Co's GB shop). */
  linkShop(tiktokShopId: string, name?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncHarness(options: {
  tiktok?: Partial<TikTokSandboxOptions>;
  shopify?: Partial<ShopifySandboxOptions>;
  appEnv?: Record<string, string>;
  databaseUrl?: string;
  /** The store's settings document, written before the app starts (as the settings page would). */
  settings?: object;
  /** The seeded TikTok shop linked first (default: the simulator's first shop, Acme US). */
  tiktokShopId?: string;
  tiktokShopName?: string;
} = {}): Promise<SyncHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), "sync-"));
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dir, "app.sqlite")}`;
  await migrateDatabase(databaseUrl);
  const db = createDatabase(databaseUrl);
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const apiKey = "harness-api-key";
  const apiSecret = "harness-api-secret";

  const tiktok = await startTikTokSandbox({ port: 0, appKey: TIKTOK_KEY, appSecret: TIKTOK_SECRET, webhookUrl: `${appUrl}/tiktok/webhooks`, reviewDelayMs: 150, webhookRetryScheduleMs: [300, 1000], logLevel: "silent", ...options.tiktok } as TikTokSandboxOptions);
  const shopify = await startShopifySandbox({ port: 0, apiKey, apiSecret, appUrl, webhookRetryScheduleMs: [300, 1000], ...options.shopify });
  const shop = shopify.shopDomain;

  // Installed: the offline session Shopify's token exchange would have produced.
  await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: shopify.issueAccessToken(), scope: "read_products" } });
  // Linked: tokens for a seeded shop (the first, Acme US, unless told), stored as the OAuth callback stores them.
  async function linkShop(shopId?: string, name = "Harness shop") {
    const token = (await (await fetch(`${tiktok.url}/sandbox/seller-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(shopId ? { shop_id: shopId } : {}) })).json()) as {
      access_token: string; access_token_expire_in: number; refresh_token: string; refresh_token_expire_in: number; open_id: string; shop_id: string; shop_cipher: string; region: string;
    };
    await createTikTokShopLinkRepository(db, createTokenCipher(Buffer.from(ENCRYPTION_KEY, "hex"))).link(
      shop,
      { id: token.shop_id, name, region: token.region, cipher: token.shop_cipher },
      { accessToken: token.access_token, accessTokenExpiresAt: new Date(token.access_token_expire_in * 1000), refreshToken: token.refresh_token, refreshTokenExpiresAt: new Date(token.refresh_token_expire_in * 1000), openId: token.open_id, sellerName: undefined, sellerBaseRegion: token.region, userType: 0, grantedScopes: [] },
    );
    return token;
  }
  const token = await linkShop(options.tiktokShopId, options.tiktokShopName);

  if (options.settings) await db.storeSettings.create({ data: { shop, document: JSON.stringify(options.settings) } });

  const appEnv = {
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SCOPES: "",
      DATABASE_URL: databaseUrl,
      SHOPIFY_ADMIN_ORIGIN: shopify.url,
      APP_BRIDGE_URL: `${shopify.url}/app-bridge.js`,
      TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
      TIKTOK_APP_KEY: TIKTOK_KEY,
      TIKTOK_APP_SECRET: TIKTOK_SECRET,
      TIKTOK_API_BASE_URL: tiktok.url,
      TIKTOK_AUTH_BASE_URL: tiktok.url,
      TIKTOK_AUTHORIZE_URL: `${tiktok.url}/oauth/authorize`,
      JOB_VISIBILITY_TIMEOUT_MS: "5000", // a killed worker's jobs are picked up again within seconds
      REVIEW_CHECK_INTERVAL_MS: "3000", // a review result whose webhook was missed is found within seconds
      QUOTA_RETRY_INTERVAL_MS: "2000", // products waiting for the daily listing limit try again soon
      ...options.appEnv,
  };
  const workers: Array<{ close(): Promise<void> }> = [];
  const harness: SyncHarness = {
    shopify, tiktok, db, shop, tiktokShopId: token.shop_id,
    linkShop: async (shopId, name) => void (await linkShop(shopId, name)),
    app: await startAppServer({ port: appPort, env: appEnv }),
    async diagnose(productIds) {
      const rows = await db.productSync.findMany({ where: productIds ? { productId: { in: productIds } } : {}, select: { productId: true, state: true, tiktokStatus: true, lastError: true } });
      const states = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {});
      const stuck = rows.filter((r) => r.state !== "live").slice(0, 5);
      const jobs = await db.job.groupBy({ by: ["type", "status"], _count: { _all: true } });
      const dead = await db.job.findMany({ where: { status: "dead" }, take: 5, select: { type: true, lastError: true } });
      const events = stuck[0] ? await db.syncEvent.findMany({ where: { productId: stuck[0].productId }, orderBy: { createdAt: "asc" }, select: { trigger: true, summary: true } }) : [];
      return [
        `states: ${JSON.stringify(states)}`,
        `not live: ${JSON.stringify(stuck)}`,
        `jobs: ${JSON.stringify(jobs.map((j) => [j.type, j.status, j._count._all]))}`,
        `dead: ${JSON.stringify(dead)}`,
        `timeline of ${stuck[0]?.productId}: ${events.map((e) => `${e.trigger}: ${e.summary}`).join(" | ")}`,
        `app log tail: ${harness.app.output().slice(-1500)}`,
      ].join("\n");
    },
    async startWorker() {
      const worker = await startWorkerProcess({ env: appEnv });
      workers.push(worker);
      return worker;
    },
    async crashAndRestartApp() {
      await harness.app.kill();
      harness.app = await startAppServer({ port: appPort, env: appEnv });
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await harness.app.close();
      await Promise.allSettled([shopify.close(), tiktok.close()]);
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export { eventually } from "./eventually";
