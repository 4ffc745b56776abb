import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import type { TikTokShopClient } from "../../../app/integrations/tiktok/tiktok-client";
import type { TikTokExternalOrderReference } from "../../../app/integrations/tiktok/types/order-external-reference";
import { listActiveMug, startContractHarness, type ContractHarness, type SellerToken } from "./contract-harness";

let h: ContractHarness;
let token: SellerToken;
let shop: TikTokShopClient;
let mug: Awaited<ReturnType<typeof listActiveMug>>;

/** An order of 2 units of SKU 0 and 1 of SKU 1; returns its id and TikTok line ids by SKU. */
async function placeOrder(): Promise<{ id: string; lines: string[][] }> {
  const { order_id } = await h.admin<{ order_id: string }>("POST", "/sandbox/orders", {
    shop_id: token.shop_id, items: [{ sku_id: mug.skuIds[0], quantity: 2 }, { sku_id: mug.skuIds[1], quantity: 1 }],
  });
  const order = (await shop.orders.getDetails([order_id])).data.orders[0]!;
  return { id: order_id, lines: mug.skuIds.map((sku) => order.line_items.filter((l) => l.sku_id === sku).map((l) => l.id)) };
}

/** Shopify groups TikTok's one-unit lines by SKU: both units of SKU 0 point at one Shopify line. */
function shopifyReference(order: { id: string; lines: string[][] }, shopifyOrderId: string): TikTokExternalOrderReference {
  const lineItems = order.lines.flatMap((ids, i) => ids.map((origin) => ({ id: `${shopifyOrderId}0${i}`, origin_id: origin })));
  return { id: order.id, external_order: { id: shopifyOrderId, platform: "SHOPIFY", line_items: lineItems } };
}

async function refusal(p: Promise<unknown>): Promise<TikTokApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err, "TikTok should have refused the call").toBeInstanceOf(TikTokApiError);
  return err as TikTokApiError;
}

beforeAll(async () => {
  h = await startContractHarness();
  token = await h.sellerToken();
  shop = h.client.forShop({ accessToken: token.access_token, shopCipher: token.shop_cipher, shopId: token.shop_id });
  mug = await listActiveMug(shop, "REF-MUG");
});
afterAll(async () => h?.close());

describe("external order references (Order API 202406)", () => {
  it("adds a Shopify reference, reads it back by TikTok order and finds the order by the Shopify id", async () => {
    const order = await placeOrder();
    const ref = shopifyReference(order, "5550001");
    const added = await shop.orders.addExternalReferences([ref]);
    expect(added.data.errors).toEqual([]);
    expect((await shop.orders.getExternalReferences(order.id)).data.external_orders).toEqual([ref.external_order]);
    const found = await shop.orders.searchByExternalReference("5550001");
    expect(found.data.orders).toEqual([{ id: order.id, external_order: ref.external_order }]);
  });

  it("the same platform again edits the reference: the old Shopify id no longer finds the order", async () => {
    const order = await placeOrder();
    await shop.orders.addExternalReferences([shopifyReference(order, "5550002")]);
    const edited = shopifyReference(order, "5550003");
    expect((await shop.orders.addExternalReferences([edited])).data.errors).toEqual([]);
    expect((await shop.orders.getExternalReferences(order.id)).data.external_orders).toEqual([edited.external_order]);
    expect((await shop.orders.searchByExternalReference("5550002")).data.orders).toEqual([]);
    expect((await shop.orders.searchByExternalReference("5550003")).data.orders.map((o) => o.id)).toEqual([order.id]);
  });

  it("reports an unknown order or a foreign line in data.errors[] and still saves the others", async () => {
    const good = await placeOrder();
    const other = await placeOrder();
    const foreignLine = shopifyReference(other, "5550005");
    foreignLine.external_order.line_items[0]!.origin_id = good.lines[0]![0]!;
    const res = await shop.orders.addExternalReferences([
      shopifyReference(good, "5550004"), shopifyReference({ id: "576999999999999999", lines: good.lines }, "5550006"), foreignLine,
    ]);
    expect(res.code).toBe(0);
    expect(res.data.errors).toEqual([
      expect.objectContaining({ code: "36020001", message: "Invalid order_id", detail: { order_id: "576999999999999999", external_order: { id: "5550006", platform: "SHOPIFY" } } }),
      expect.objectContaining({ code: "21001001", message: expect.stringContaining(good.lines[0]![0]!), detail: expect.objectContaining({ order_id: other.id }) }),
    ]);
    expect((await shop.orders.searchByExternalReference("5550004")).data.orders.map((o) => o.id)).toEqual([good.id]);
    expect((await shop.orders.getExternalReferences(other.id)).data.external_orders).toEqual([]);
  });

  it("keeps one reference per platform and reads only the asked platform", async () => {
    const order = await placeOrder();
    await shop.orders.addExternalReferences([shopifyReference(order, "5550007")]);
    const erp = { ...shopifyReference(order, "ERP-77"), external_order: { ...shopifyReference(order, "ERP-77").external_order, platform: "ERP_SYSTEM" as const } };
    await shop.orders.addExternalReferences([erp]);
    expect((await shop.orders.getExternalReferences(order.id, "ERP_SYSTEM")).data.external_orders.map((r) => r.id)).toEqual(["ERP-77"]);
    expect((await shop.orders.getExternalReferences(order.id)).data.external_orders.map((r) => r.id)).toEqual(["5550007"]);
    expect((await shop.orders.searchByExternalReference("ERP-77")).data.orders).toEqual([]);
  });

  it("refuses malformed requests (21001001) and orders of another seller (21008111); the client caps batches at 100", async () => {
    const order = await placeOrder();
    const noLines = { id: order.id, external_order: { id: "1", platform: "SHOPIFY" as const, line_items: [] } };
    expect(() => shop.orders.addExternalReferences([noLines])).toThrow(RangeError);
    const many = Array.from({ length: 101 }, () => shopifyReference(order, "2"));
    expect(() => shop.orders.addExternalReferences(many)).toThrow(RangeError);
    const badPlatform = { ...shopifyReference(order, "3"), external_order: { ...shopifyReference(order, "3").external_order, platform: "SHOPIFY_PLUS" as never } };
    expect((await refusal(shop.orders.addExternalReferences([badPlatform]))).code).toBe(21001001);
    expect((await refusal(shop.orders.getExternalReferences(order.id, "NOPE" as never))).code).toBe(21001001);
    expect((await refusal(shop.orders.searchByExternalReference(""))).code).toBe(21001001);
    expect((await refusal(shop.orders.getExternalReferences("576999999999999999"))).code).toBe(21008111);
  });

  it("the simulator's inspection page shows each order's references", async () => {
    const order = await placeOrder();
    await shop.orders.addExternalReferences([shopifyReference(order, "5550099")]);
    const page = await (await fetch(`${h.baseUrl}/sandbox`)).text();
    const row = page.split("<tr>").find((r) => r.includes(`<td>${order.id}</td>`));
    expect(row).toContain("SHOPIFY 5550099 (3 lines)");
  });
});
