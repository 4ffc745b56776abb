import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAppTomlPath } from "../../../sandbox/shopify/repo-paths";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { HOLD, ORDERS_SEARCH, REFUND_CREATE, createOrder, quantities, stockedVariant, tiktokOrderInput } from "./order-fixtures";
import { graphql, startTestSandbox } from "./sandbox-harness";

const schemasDir = path.join(path.dirname(createRequire(import.meta.url).resolve("shopify-webhook-schemas/package.json")), "schemas", "2026-07");
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\/\/\S+$/i);
ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)));
ajv.addFormat("email", /@/);
ajv.addFormat("hostname", /\./);
/**
 * The package's schemas are inferred from one example payload each, so a few types are narrower than Shopify's
 * payloads: a tax rate of 0.08 is not an integer, origin_address is null when none was given (as in
 * fulfillments/create's own example), a refund an app makes has no staff user (user_id: null), and the sandbox keeps
 * no customers (customer: null, as for TikTok orders).
 */
const WIDENED: Record<string, string[]> = { customer: ["object", "null"], origin_address: ["object", "null"], rate: ["number"], user_id: ["integer", "null"] };
function widen(node: { properties?: Record<string, { type?: unknown }>; items?: unknown }): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (WIDENED[key]) child.type = WIDENED[key];
    widen(child as typeof node);
  }
  if (node.items && typeof node.items === "object") widen(node.items as typeof node);
}
const validatorFor = (topic: string) => {
  const schema = JSON.parse(readFileSync(path.join(schemasDir, `${topic}.json`), "utf8"));
  widen(schema);
  return ajv.compile(schema);
};
const ADDRESS = { firstName: "Ada", lastName: "Lovelace", address1: "1 Main St", city: "Austin", provinceCode: "TX", zip: "73301", countryCode: "US", phone: "+15125550100" };
const CONTACT = { email: "buyer@example.com", shippingAddress: ADDRESS, billingAddress: ADDRESS };

/** The app's toml plus orders/create and orders/updated (the app itself does not subscribe to them). */
function tomlWithOrderTopics(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sandbox-toml-"));
  const file = path.join(dir, "shopify.app.toml");
  const extra = `\n  [[webhooks.subscriptions]]\n  topics = ["orders/create", "orders/updated"]\n  uri = "/webhooks/orders"\n`;
  writeFileSync(file, readFileSync(defaultAppTomlPath, "utf8").replace("\n[pos]", `${extra}\n[pos]`));
  return file;
}

describe("Shopify sandbox merchant order routes, webhooks and faults", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ appTomlPath: tomlWithOrderTopics() });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  const post = (p: string, body: unknown) => fetch(`${sandbox.url}${p}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const legacy = (gid: string) => gid.split("/").pop()!;
  const deliveriesSince = (before: number, topic: string) => sandbox.deliveries.slice(before).filter((d) => d.topic === topic).map((d) => JSON.parse(d.body));
  const expectValid = (topic: string, payload: unknown) => {
    const validate = validatorFor(topic);
    expect(validate(payload), `${topic}: ${JSON.stringify(validate.errors)}`).toBe(true);
  };

  it("orders/create and orders/updated carry the app id, source, tags as a string and line items; every order payload matches Shopify's schema", async () => {
    const { variant } = stockedVariant(sandbox, 0, 10);
    const before = sandbox.deliveries.length;
    const { order } = await createOrder(sandbox, token, tiktokOrderInput("7001", [{ variantId: variant.id, quantity: 2, price: "12.50", tax: "2.00" }], CONTACT));
    const [created] = deliveriesSince(before, "orders/create");
    expect(created).toMatchObject({
      admin_graphql_api_id: order.id, id: Number(legacy(order.id)), app_id: expect.any(Number), source_identifier: "7001", source_name: order.sourceName,
      tags: "TikTok Shop, TTS:7001, FBS", financial_status: "paid", fulfillment_status: null, name: order.name, currency: "USD",
      line_items: [expect.objectContaining({ id: Number(legacy(order.lineItems.nodes[0].id)), variant_id: Number(legacy(variant.id)), sku: variant.sku, quantity: 2, price: "12.50" })],
      tax_lines: expect.arrayContaining([expect.objectContaining({ channel_liable: true })]),
      discount_codes: [{ code: "TIKTOK-SELLER", amount: "1.00", type: "fixed_amount" }],
    });
    expectValid("orders/create", created);

    const mid = sandbox.deliveries.length;
    const fulfil = await post(`/sandbox/orders/${legacy(order.id)}/fulfill`, { trackingCompany: "UPS", trackingNumber: "1Z1" });
    expect(fulfil.status).toBe(201);
    const [fulfilled] = deliveriesSince(mid, "fulfillments/create");
    expect(fulfilled).toMatchObject({ order_id: Number(legacy(order.id)), tracking_company: "UPS", tracking_number: "1Z1", line_items: [expect.objectContaining({ quantity: 2, sku: variant.sku })] });
    expectValid("fulfillments/create", fulfilled);
    const [updated] = deliveriesSince(mid, "orders/updated");
    expect(updated).toMatchObject({ fulfillment_status: "fulfilled", fulfillments: [expect.objectContaining({ tracking_number: "1Z1" })] });
    expectValid("orders/updated", updated);

    const fulfillmentId = legacy((await fulfil.json()).fulfillments[0].id);
    const track = await post(`/sandbox/fulfillments/${fulfillmentId}/tracking`, { trackingNumber: "1Z2" });
    expect(track.status).toBe(200);
    const [tracked] = deliveriesSince(mid, "fulfillments/update");
    expect(tracked).toMatchObject({ tracking_company: "UPS", tracking_number: "1Z2" });
    expectValid("fulfillments/update", tracked);

    const refund = await graphql(sandbox, token, REFUND_CREATE, { key: "route-refund", input: { orderId: order.id, note: "Returned on TikTok", refundLineItems: [{ lineItemId: order.lineItems.nodes[0].id, quantity: 1, restockType: "RETURN" }] } });
    expect(refund.body.data.refundCreate.userErrors).toEqual([]);
    const [refunded] = deliveriesSince(mid, "refunds/create");
    expect(refunded.refund_line_items[0]).toMatchObject({ restock_type: "return", quantity: 1 });
    expectValid("refunds/create", refunded);
  });

  it("the merchant cancels from the admin (orders/cancelled, restocked); a held order cannot be fulfilled from the admin", async () => {
    const { variant, inventoryItemId, locationId } = stockedVariant(sandbox, 1, 5);
    const { order } = await createOrder(sandbox, token, { sourceIdentifier: "7002", lineItems: [{ variantId: variant.id, quantity: 2 }], ...CONTACT });
    const fo = order.fulfillmentOrders.nodes[0];
    await graphql(sandbox, token, HOLD, { id: fo.id, hold: { reason: "AWAITING_PAYMENT", handle: "remorse" } });
    const refused = await post(`/sandbox/orders/${legacy(order.id)}/fulfill`, { trackingCompany: "UPS", trackingNumber: "1Z3" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toContain("on hold");

    const before = sandbox.deliveries.length;
    const cancel = await post(`/sandbox/orders/${legacy(order.id)}/cancel`, { restock: true });
    expect(cancel.status).toBe(200);
    const [cancelled] = deliveriesSince(before, "orders/cancelled");
    expect(cancelled).toMatchObject({ admin_graphql_api_id: order.id, cancel_reason: "other", source_identifier: "7002" });
    expectValid("orders/cancelled", cancelled);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 5, committed: 0 });
    expect((await post(`/sandbox/orders/${legacy(order.id)}/cancel`, { restock: true })).status).toBe(409);

    const listed = (await (await fetch(`${sandbox.url}/sandbox/orders`)).json()) as { orders: { id: string; cancelledAt: string | null; displayFulfillmentStatus: string }[] };
    expect(listed.orders.find((o) => o.id === order.id)).toMatchObject({ cancelledAt: expect.any(String) });
    const page = await (await fetch(`${sandbox.url}/sandbox`)).text();
    expect(page).toContain(`data-testid="order-${legacy(order.id)}"`);
  });

  it("a webstore checkout obeys the inventory policy: a DENY variant sells what is available, then 409", async () => {
    const { variant, inventoryItemId, locationId } = stockedVariant(sandbox, 2, 2);
    const buy = (quantity: number) => post("/sandbox/storefront-orders", { items: [{ variantId: legacy(variant.id), quantity }] });
    const first = await buy(2);
    expect(first.status).toBe(201);
    expect((await first.json()).order).toMatchObject({ sourceName: "web", appId: 580111, displayFinancialStatus: "PAID" });
    const second = await buy(1);
    expect(second.status).toBe(409);
    expect((await second.json()).error).toContain("Not enough stock");
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 0, committed: 2 });
    variant.inventoryPolicy = "CONTINUE";
    expect((await buy(1)).status).toBe(201);
  });

  it("GIVEN loseOrderCreateAnswers THEN the order is committed but the client's connection drops; the order is found by its source identifier", async () => {
    const { variant } = stockedVariant(sandbox, 3, 10);
    expect((await post("/sandbox/faults", { loseOrderCreateAnswers: 1 })).status).toBe(200);
    await expect(createOrder(sandbox, token, { sourceIdentifier: "LOST-1", lineItems: [{ variantId: variant.id, quantity: 1 }] })).rejects.toThrow();
    const found = (await graphql(sandbox, token, ORDERS_SEARCH, { query: "source_identifier:LOST-1" })).body.data.orders.nodes;
    expect(found).toHaveLength(1);
    expect(sandbox.faults.loseOrderCreateAnswers).toBe(0);
    expect((await createOrder(sandbox, token, { sourceIdentifier: "LOST-2", lineItems: [{ variantId: variant.id, quantity: 1 }] })).userErrors).toEqual([]);
  });
});
