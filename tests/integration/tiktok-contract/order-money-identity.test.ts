import Decimal from "decimal.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

// Generated orders of every kind, placed in the simulator and read through the client: the money identity an
// importer relies on must hold on the wire for each of them.
let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;
let replaceable: string;

const MONEY = /^\d+\.\d{2}$/;
const d = (s: string | undefined) => new Decimal(s ?? "NaN");
const sum = (xs: Array<string | undefined>) => xs.reduce((a, x) => a.plus(d(x)), new Decimal(0));

const orderOptions = fc
  .record({
    units: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).filter(([a, b]) => a + b > 0),
    gifts: fc.integer({ min: 0, max: 2 }),
    kind: fc.constantFrom("normal", "sample", "replacement"),
    hold: fc.boolean(),
    fbt: fc.boolean(),
    sellerShare: fc.integer({ min: 0, max: 100 }),
    platformShare: fc.integer({ min: 0, max: 100 }),
    taxRate: fc.constantFrom(undefined, "0", "0.0625", "0.0825", "0.1"),
  })
  .map(({ units, gifts, kind, hold, fbt, sellerShare, platformShare, taxRate }) => {
    const paidCents = (units[0] + units[1]) * 1000; // both SKUs cost 10.00
    const seller = kind === "normal" ? Math.floor((paidCents * sellerShare) / 100) : 0;
    const platform = kind === "normal" ? Math.floor(((paidCents - seller) * platformShare) / 100) : 0;
    return {
      items: units.flatMap((q, i) => (q > 0 ? [{ sku_id: mug.skuIds[i], quantity: q }] : [])),
      ...(gifts > 0 ? { gift: [{ sku_id: mug.skuIds[1], quantity: gifts }] } : {}),
      ...(kind === "sample" ? { sample: true } : kind === "replacement" ? { is_replacement_order: true, replaced_order_id: replaceable } : { hold }),
      ...(fbt ? { fulfillment_type: "FULFILLMENT_BY_TIKTOK" } : {}),
      seller_discount: (seller / 100).toFixed(2), platform_discount: (platform / 100).toFixed(2),
      ...(taxRate === undefined ? {} : { tax_rate: taxRate }),
    };
  });

beforeAll(async () => {
  h = await startContractHarness({ orderDelaysMs: { payMs: 60_000 } });
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "MONEY-MUG", 5_000);
  replaceable = (await h.admin<{ order_id: string }>("POST", "/sandbox/orders", { shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 1 }] })).order_id;
});
afterAll(async () => h?.close());

describe("the money of every generated order", () => {
  it("total_amount = Σ line sale_price + shipping_fee + tax; decimal strings; price detail agrees", async () => {
    await fc.assert(fc.asyncProperty(orderOptions, async (options) => {
      const { order_id } = await h.admin<{ order_id: string }>("POST", "/sandbox/orders", { shop_id: token.shop_id, ...options });
      const order = (await shop.orders.getDetails([order_id])).data.orders[0]!;
      const p = order.payment;
      const amounts = [p.sub_total, p.shipping_fee, p.tax, p.total_amount, p.seller_discount, p.platform_discount, p.original_total_product_price, p.product_tax, p.shipping_fee_platform_discount,
        ...order.line_items.flatMap((l) => [l.original_price, l.sale_price, l.seller_discount, l.platform_discount, l.gift_retail_price])];
      for (const a of amounts) expect(a).toMatch(MONEY);
      expect(d(p.total_amount).toFixed(2)).toBe(sum(order.line_items.map((l) => l.sale_price)).plus(d(p.shipping_fee)).plus(d(p.tax)).toFixed(2));
      expect(d(p.sub_total).toFixed(2)).toBe(d(p.original_total_product_price).minus(d(p.seller_discount)).minus(d(p.platform_discount)).toFixed(2));
      expect(d(p.product_tax).toFixed(2)).toBe(sum(order.line_items.flatMap((l) => (l.item_tax ?? []).map((t) => t.tax_amount))).toFixed(2));
      expect([p.seller_discount, p.platform_discount]).toEqual([options.seller_discount, options.platform_discount]);
      expect(order.line_items.filter((l) => l.is_gift).length).toBe(options.gift?.[0]?.quantity ?? 0);
      const detail = (await shop.orders.getPriceDetail(order_id)).data;
      expect([detail.payment, detail.sku_sale_price, detail.tax_amount]).toEqual([p.total_amount, p.sub_total, p.tax]);
    }), { numRuns: 40 });
  });
});
