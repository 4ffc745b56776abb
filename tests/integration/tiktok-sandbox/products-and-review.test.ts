import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { makeCaller, pngBytes, uploadImage, startSignedSession } from "./signed-client";

const APP_KEY = "prodkey";
const SECRET = "prodsecret";
const WAREHOUSE = "7068517275539719942";

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("GIVEN the ready US shop WHEN products are listed THEN §4.2/§10 rules, review and quota apply", () => {
  let sandbox: TikTokSandbox;
  let call: ReturnType<typeof makeCaller>;
  let token: string;
  let cipher: string;
  let uri: string;
  let n = 0;

  const body = (over: Record<string, unknown> = {}) => ({
    title: "Ceramic coffee mug 12oz", description: "<p>A sturdy mug.</p>", category_id: "601226", category_version: "v2",
    main_images: [{ uri }], package_weight: { value: "0.5", unit: "KILOGRAM" },
    package_dimensions: { length: "10", width: "10", height: "12", unit: "CENTIMETER" },
    product_attributes: [{ id: "100392", values: [{ id: "1000061" }] }],
    skus: [{ seller_sku: `MUG-${++n}`, price: { amount: "12.50", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 10 }] }],
    ...over,
  });
  const create = (b: unknown) => call("/product/202309/products", { token, cipher, body: b });
  const get = (id: string) => call(`/product/202309/products/${id}`, { token, cipher });

  beforeAll(async () => {
    ({ sandbox, call, token, cipher } = await startSignedSession(APP_KEY, SECRET, { reviewDelayMs: 40, dailyListingQuota: 40, rateLimitQps: 1000 }));
    uri = (await uploadImage(sandbox.url, APP_KEY, SECRET, token, pngBytes(800, 800))).data.uri;
  });
  afterAll(() => sandbox.close());

  it("create → PENDING → ACTIVATE; get returns price.sale_price", async () => {
    const res = await create(body());
    expect(res.code).toBe(0);
    const id = res.data.product_id as string;
    expect(id).toMatch(/^17\d{17}$/);
    expect((await get(id)).data.status).toBe("PENDING");
    const live = await eventually(() => get(id), (r) => r.data.status === "ACTIVATE");
    expect(live.data.status).toBe("ACTIVATE");
    expect(live.data.skus[0].price.sale_price).toBe("12.50");
  });

  it("restricted claim → FAILED with audit_failed_reasons", async () => {
    const res = await create(body({ title: "Miracle capsules FDA approved mug" }));
    expect(res.code).toBe(0);
    const failed = await eventually(() => get(res.data.product_id), (r) => r.data.status === "FAILED");
    expect(failed.data.status).toBe("FAILED");
    expect(failed.data.audit_failed_reasons[0].reasons[0]).toMatch(/FDA/);
  });

  it("content edit sends a live product back to PENDING (v1 stays live); price and stock updates do not", async () => {
    const res = await create(body());
    const id = res.data.product_id as string;
    await eventually(() => get(id), (r) => r.data.status === "ACTIVATE");
    const skuId = res.data.skus[0].id as string;
    const price = await call(`/product/202309/products/${id}/prices/update`, { token, cipher, body: { skus: [{ id: skuId, price: { amount: "15.00", currency: "USD" } }] } });
    expect(price.code).toBe(0);
    const stock = await call(`/product/202309/products/${id}/inventory/update`, { token, cipher, body: { skus: [{ id: skuId, inventory: [{ warehouse_id: WAREHOUSE, quantity: 0 }] }] } });
    expect(stock.code).toBe(0);
    expect(stock.data.errors).toEqual([]);
    const after = await get(id);
    expect(after.data.status).toBe("ACTIVATE");
    expect(after.data.skus[0].price.sale_price).toBe("15.00");
    expect(after.data.skus[0].inventory[0].quantity).toBe(0);
    const edit = await call(`/product/202309/products/${id}/partial_edit`, { token, cipher, body: { title: "Ceramic coffee mug 12oz – new glaze" } });
    expect(edit.code).toBe(0);
    const live = await get(id);
    expect(live.data.status).toBe("PENDING");
    expect(live.data.title).toBe("Ceramic coffee mug 12oz");
    const review = await call(`/product/202309/products/${id}`, { token, cipher, query: { return_under_review_version: "true" } });
    expect(review.data.title).toBe("Ceramic coffee mug 12oz – new glaze");
    const done = await eventually(() => get(id), (r) => r.data.status === "ACTIVATE");
    expect(done.data.title).toBe("Ceramic coffee mug 12oz – new glaze");
  });

  it("inventory update must list every warehouse, 0..99,999 integers → per-SKU data.errors[]", async () => {
    const res = await create(body());
    const id = res.data.product_id as string;
    const skuId = res.data.skus[0].id as string;
    const upd = (inventory: unknown) => call(`/product/202309/products/${id}/inventory/update`, { token, cipher, body: { skus: [{ id: skuId, inventory }] } });
    expect((await upd([{ warehouse_id: WAREHOUSE, quantity: 100_000 }])).data.errors[0].code).toBe(12052055);
    expect((await upd([{ warehouse_id: WAREHOUSE, quantity: 1.5 }])).data.errors[0].code).toBe(12019024);
    expect((await upd([{ warehouse_id: "7068517275539719950", quantity: 1 }])).data.errors[0].code).toBe(12052533);
  });

  it.each([
    ["title too long", { title: "x".repeat(256) }, 12052051],
    ["unsupported description tag", { description: "<div>hi</div>" }, 12052345],
    ["img without width/height", { description: '<p>a</p><img src="https://example.com/a.png">' }, 12052348],
    ["img not hosted by TikTok", { description: '<img src="https://example.com/a.png" width="10" height="10">' }, 12052340],
    ["nested block tags", { description: "<p><p>x</p></p>" }, 12052349],
    ["no main image", { main_images: [] }, 12052028],
    ["ten main images", { main_images: Array.from({ length: 10 }, () => ({ uri: "x" })) }, 12052306],
    ["image not uploaded here", { main_images: [{ uri: "tos-maliva-i-o3syd03w52-us/deadbeef" }] }, 12019065],
    ["wrong category version", { category_version: "v1" }, 12052217],
    ["non-leaf category", { category_id: "600024" }, 12052230],
    ["prohibited category", { category_id: "700660", product_attributes: [] }, 12052220],
    ["missing required attribute", { product_attributes: [] }, 12052104],
    ["supplement without certification", { category_id: "700646", product_attributes: [{ id: "100216", values: [{ id: "1002001" }] }] }, 12052105],
    ["unauthorized T1 brand", { brand_id: "7082427311584347906" }, 12052201],
    ["weight zero", { package_weight: { value: "0", unit: "KILOGRAM" } }, 12052181],
    ["weight unit/dimension unit mismatch", { package_weight: { value: "1.25", unit: "POUND" } }, 12052915],
    ["non-integer dimensions", { package_dimensions: { length: "10.5", width: "10", height: "12", unit: "CENTIMETER" } }, 12052005],
  ] as const)("refuses: %s", async (_name, over, code) => {
    expect((await create(body(over))).code).toBe(code);
  });

  it.each([
    ["wrong currency", { price: { amount: "12.50", currency: "GBP" } }, 12052084],
    ["price above US range", { price: { amount: "7600.01", currency: "USD" } }, 12052084],
    ["seller_sku with space", { seller_sku: "MUG 1" }, 12019059],
    ["seller_sku too long", { seller_sku: "M".repeat(51) }, 12052054],
    ["UPC wrong length", { identifier_code: { code: "12345", type: "UPC" } }, 12052591],
    ["foreign warehouse", { inventory: [{ warehouse_id: "7068517275539719950", quantity: 1 }] }, 12052530],
  ] as const)("refuses SKU: %s", async (_name, over, code) => {
    const b = body();
    (b.skus as Array<Record<string, unknown>>)[0] = { ...(b.skus as Array<Record<string, unknown>>)[0], ...over };
    expect((await create(b)).code).toBe(code);
  });

  it("sales attribute rules: missing on multi-SKU, >3, inconsistent sets, duplicate combos, images on two attributes, >100 SKUs", async () => {
    const sku = (attrs: unknown, i: number) => ({ seller_sku: `V-${n}-${i}`, sales_attributes: attrs, price: { amount: "9.99", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 1 }] });
    n++;
    expect((await create(body({ skus: [sku(undefined, 1), sku(undefined, 2)] }))).code).toBe(12019117);
    const four = [{ name: "Color", value_name: "Red" }, { name: "Size", value_name: "S" }, { name: "Style", value_name: "A" }, { name: "Pack", value_name: "1" }];
    expect((await create(body({ skus: [sku(four, 1)] }))).code).toBe(12052525);
    expect((await create(body({ skus: [sku([{ name: "Color", value_name: "Red" }], 1), sku([{ name: "Size", value_name: "S" }], 2)] }))).code).toBe(12052550);
    expect((await create(body({ skus: [sku([{ name: "Color", value_name: "Red" }], 1), sku([{ name: "Color", value_name: "Red" }], 2)] }))).code).toBe(12052251);
    expect((await create(body({ skus: [sku([{ name: "Colour name that is too long", value_name: "Red" }], 1)] }))).code).toBe(12052242);
    const img = { uri };
    expect((await create(body({ skus: [sku([{ name: "Color", value_name: "Red", sku_img: img }, { name: "Size", value_name: "S", sku_img: img }], 1)] }))).code).toBe(12052528);
    const many = Array.from({ length: 101 }, (_, i) => sku([{ name: "Size", value_name: `S${i}` }], i));
    expect((await create(body({ skus: many }))).code).toBe(12052050);
  });

  it("idempotency_key returns the same product without a duplicate", async () => {
    const b = body({ idempotency_key: "8b0e9f5e-1111-4222-8333-944444444444" });
    const first = await create(b);
    const second = await create(b);
    expect(second.data.product_id).toBe(first.data.product_id);
  });

  it("search: page_size required, next_page_token '' on the last page, seller_skus ≤10", async () => {
    expect((await call("/product/202309/products/search", { token, cipher, body: {} })).code).toBe(12019109);
    const page = await call("/product/202309/products/search", { token, cipher, query: { page_size: "100" }, body: {} });
    expect(page.code).toBe(0);
    expect(page.data.next_page_token).toBe("");
    const small = await call("/product/202309/products/search", { token, cipher, query: { page_size: "1" }, body: {} });
    expect(small.data.next_page_token).not.toBe("");
    expect(small.data.total_count).toBe(page.data.total_count);
    const tooMany = await call("/product/202309/products/search", { token, cipher, query: { page_size: "5" }, body: { seller_skus: Array.from({ length: 11 }, (_, i) => `S${i}`) } });
    expect(tooMany.code).toBe(12019027);
  });

  it("daily listing quota → 12052093", async () => {
    let last = { code: 0 };
    for (let i = 0; i < 45 && last.code === 0; i++) last = await create(body());
    expect(last.code).toBe(12052093);
  });
});

describe("GIVEN the not-ready shop THEN listing is refused for the missing return warehouse", () => {
  it("12052535, and prerequisites report the failing items", async () => {
    const sandbox = await startTikTokSandbox({ appKey: APP_KEY, appSecret: SECRET });
    try {
      const call = makeCaller(sandbox.url, APP_KEY, SECRET, () => sandbox.nowSeconds() * 1000);
      const tok = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seller_id: "7494049642642441003" }) })).json()) as { access_token: string; shop_cipher: string };
      const pre = await call("/product/202312/prerequisites", { token: tok.access_token, cipher: tok.shop_cipher });
      const failed = (pre.data.check_results as Array<{ check_item: string; is_failed: boolean }>).filter((r) => r.is_failed).map((r) => r.check_item);
      expect(failed).toEqual(expect.arrayContaining(["RETURN_WAREHOUSE", "SHIPPING_TEMPLATE", "BANk_ACCOUNT"]));
      const res = await call("/product/202309/products", { token: tok.access_token, cipher: tok.shop_cipher, body: { title: "x" } });
      expect(res.code).toBe(12052535);
      const accounts = (await (await fetch(`${sandbox.url}/sandbox/tiktok_accounts?shop_cipher=${tok.shop_cipher}`)).json()) as { tiktok_accounts: Array<{ follower_count: number; restrictions: unknown[] }> };
      expect(accounts.tiktok_accounts[0]!.follower_count).toBeLessThan(1000);
      expect(accounts.tiktok_accounts[0]!.restrictions.length).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});
