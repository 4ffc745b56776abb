import { PNG } from "pngjs";
import pino from "pino";
import { startTikTokSandbox } from "../../../sandbox/tiktok/server";
import { createTikTokClient, type TikTokClient } from "../../../app/integrations/tiktok/tiktok-client";
import type { TikTokClientConfig } from "../../../app/integrations/tiktok/tiktok-client-config";
import { TokenBucketRateLimiter } from "../../../app/integrations/tiktok/tiktok-rate-limiter";

export const APP_KEY = "6abc123";
export const APP_SECRET = "testsecret123";

type SandboxOptions = Parameters<typeof startTikTokSandbox>[0];
type Sandbox = Awaited<ReturnType<typeof startTikTokSandbox>>;

export interface SellerToken {
  access_token: string;
  refresh_token?: string;
  shop_id: string;
  shop_cipher: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  http_status: number;
  code: number;
}

/**
 * The app's client wired to a fresh simulator. The client's clock follows the simulator's (advanceClock moves
 * both), otherwise every signed request would fall outside TikTok's timestamp window after a jump.
 */
export async function startContractHarness(options: Partial<SandboxOptions> = {}, client: Partial<TikTokClientConfig> = {}) {
  let offsetMs = 0;
  const sandbox: Sandbox = await startTikTokSandbox({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET, reviewDelayMs: 30, ...options });
  const baseUrl = sandbox.url.replace(/\/$/, "");
  const makeClient = (overrides: Partial<TikTokClientConfig> = {}): TikTokClient =>
    createTikTokClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      apiBaseUrl: baseUrl,
      authBaseUrl: baseUrl,
      authorizeUrl: `${baseUrl}/oauth/authorize`,
      logger: pino({ level: "silent" }),
      now: () => Date.now() + offsetMs,
      timeoutMs: 3_000,
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      // A private bucket per harness, so one test's budget never slows another.
      rateLimiter: new TokenBucketRateLimiter({ qps: 1_000 }),
      ...client,
      ...overrides,
    });

  async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → HTTP ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    sandbox,
    baseUrl,
    client: makeClient(),
    makeClient,
    admin,
    async sellerToken(body: Record<string, unknown> = {}): Promise<SellerToken> {
      const raw = await admin<Record<string, unknown>>("POST", "/sandbox/seller-token", body);
      return ((raw as { data?: unknown }).data ?? raw) as SellerToken;
    },
    async requestLog(): Promise<RequestLogEntry[]> {
      const state = await admin<{ requests?: { recent?: RequestLogEntry[] } }>("GET", "/sandbox/state");
      const recent = state.requests?.recent;
      if (!Array.isArray(recent)) throw new Error("GET /sandbox/state has no requests.recent list");
      return recent;
    },
    async setFaults(faults: Record<string, unknown>) {
      await admin("POST", "/sandbox/faults", faults);
    },
    advanceClock(seconds: number) {
      sandbox.advanceClock(seconds);
      offsetMs += seconds * 1000;
    },
    close: () => sandbox.close(),
  };
}

export type ContractHarness = Awaited<ReturnType<typeof startContractHarness>>;

/** A real PNG of the given size (TikTok checks main images are 300–4000 px). */
export function pngBytes(width = 600, height = 600): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (i / 4) % 256;
    png.data[i + 1] = 120;
    png.data[i + 2] = 200;
    png.data[i + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}

export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Lists a two-SKU mug through the client (catalog discovery, image upload, create) and waits until review
 * makes it ACTIVATE. Returns ids for order tests. Each SKU: `stock` units (default 20) at "10.00" USD.
 */
export async function listActiveMug(shop: import("../../../app/integrations/tiktok/tiktok-client").TikTokShopClient, skuPrefix: string, stock = 20) {
  const rec = await shop.catalog.recommendCategory({ product_title: "Ceramic coffee mug", category_version: "v2" });
  const categoryId = rec.data.leaf_category_id;
  const attrs = (await shop.catalog.getAttributes(categoryId, { categoryVersion: "v2" })).data.attributes;
  const colorAttr = attrs.find((a) => a.type === "SALES_PROPERTY" && a.name === "Color")!;
  const required = attrs.filter((a) => a.type === "PRODUCT_PROPERTY" && a.is_requried);
  const warehouses = (await shop.logistics.getWarehouses()).data.warehouses;
  const warehouseId = warehouses.find((w) => w.type === "SALES_WAREHOUSE")!.id;
  const image = await shop.products.uploadImage({ bytes: pngBytes(), fileName: "mug.png", mimeType: "image/png", useCase: "MAIN_IMAGE" });
  const skus = colorAttr.values.slice(0, 2).map((v, i) => ({
    seller_sku: `${skuPrefix}-${i}`, sales_attributes: [{ id: colorAttr.id, value_id: v.id }],
    price: { amount: "10.00", currency: "USD" }, inventory: [{ warehouse_id: warehouseId, quantity: stock }],
  }));
  const created = await shop.products.create({
    title: "Ceramic coffee mug for orders", description: "<p>Mug</p>", category_id: categoryId, category_version: "v2",
    main_images: [{ uri: image.data.uri }], skus, package_weight: { value: "0.4", unit: "KILOGRAM" },
    package_dimensions: { length: "10", width: "10", height: "12", unit: "CENTIMETER" },
    product_attributes: required.map((a) => ({ id: a.id, values: [{ id: a.values[0]!.id }] })),
  });
  const productId = created.data.product_id;
  await eventually(async () => ((await shop.products.get(productId)).data.status === "ACTIVATE" ? true : undefined), "mug review");
  return { productId, warehouseId, skuIds: created.data.skus.map((s) => s.id) };
}
