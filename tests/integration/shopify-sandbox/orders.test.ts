import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { ORDER_CREATE, ORDER_QUERY, ORDERS_SEARCH, createOrder, quantities, stockedVariant, tiktokOrderInput } from "./order-fixtures";
import { graphql, startTestSandbox } from "./sandbox-harness";

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });

describe("Shopify sandbox orderCreate", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("imports a TikTok order: lines on variants, channel-liable tax, one discount code, paid by its SALE transactions, committed at the stocking location", async () => {
    const { variant, locationId, inventoryItemId } = stockedVariant(sandbox, 0, 10);
    const before = sandbox.deliveries.length;
    const { order, userErrors } = await createOrder(sandbox, token, tiktokOrderInput("576461413038785752", [{ variantId: variant.id, quantity: 2, price: "24.99", tax: "3.92" }]));
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({
      name: "#1001", sourceIdentifier: "576461413038785752", tags: ["TikTok Shop", "TTS:576461413038785752", "FBS"],
      customAttributes: [{ key: "tiktok_order_id", value: "576461413038785752" }], processedAt: "2026-05-01T10:00:00Z",
      displayFinancialStatus: "PAID", displayFulfillmentStatus: "UNFULFILLED", currencyCode: "USD", closed: false, cancelledAt: null,
      subtotalPriceSet: { shopMoney: { amount: "48.98" } }, totalShippingPriceSet: { shopMoney: { amount: "5.0" } }, totalTaxSet: { shopMoney: { amount: "4.32" } },
      totalDiscountsSet: { shopMoney: { amount: "1.0" } }, totalPriceSet: { shopMoney: { amount: "58.3", currencyCode: "USD" } }, totalReceivedSet: { shopMoney: { amount: "58.3" } },
      shippingLines: { nodes: [{ title: "Standard shipping", code: "tiktok", source: "tiktok_shop", originalPriceSet: { shopMoney: { amount: "5.0" } } }] },
      transactions: [
        { kind: "SALE", status: "SUCCESS", gateway: "TikTok Shop", amountSet: { shopMoney: { amount: "56.3" } } },
        { kind: "SALE", status: "SUCCESS", gateway: "TikTok Shop subsidy", amountSet: { shopMoney: { amount: "2.0" } } },
      ],
      metafield: { value: "576461413038785752" },
    });
    expect(order.id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
    const [line] = order.lineItems.nodes;
    expect(line).toMatchObject({ sku: variant.sku, quantity: 2, currentQuantity: 2, unfulfilledQuantity: 2, variant: { id: variant.id }, originalUnitPriceSet: { shopMoney: { amount: "24.99" } } });
    expect(line.id).toMatch(/^gid:\/\/shopify\/LineItem\/\d+$/);
    expect(line.taxLines).toEqual([{ title: "Sales tax (TikTok Shop, marketplace facilitator)", rate: 0.08, channelLiable: true, priceSet: { shopMoney: { amount: "3.92" } } }]);
    expect(order.fulfillmentOrders.nodes).toEqual([{
      id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/), status: "OPEN", assignedLocation: { location: { id: locationId } },
      lineItems: { nodes: [{ id: expect.any(String), remainingQuantity: 2, totalQuantity: 2, lineItem: { id: line.id } }] }, fulfillmentHolds: [],
    }]);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 8, committed: 2, on_hand: 10 });
    // orders/create is not among the toml's subscriptions: no delivery for it.
    expect(sandbox.deliveries.slice(before).map((d) => d.topic)).toEqual(["inventory_levels/update"]);
  });

  it("refuses what Shopify refuses, with its codes, and creates nothing", async () => {
    const { variant } = stockedVariant(sandbox, 1, 10);
    const count = sandbox.store.orders.orders.size;
    const line = { variantId: variant.id, quantity: 1 };
    const errorsFor = async (order: Record<string, unknown>) => (await createOrder(sandbox, token, order)).userErrors.map((e) => [e.code, e.field?.join(".")]);
    expect(await errorsFor({ lineItems: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }] })).toEqual([["INVALID", "order.lineItems.0.variantId"]]);
    expect(await errorsFor({ lineItems: [{ title: "Custom item", quantity: 1 }] })).toEqual([["INVALID", "order.lineItems.0"]]);
    expect(await errorsFor({ lineItems: [{ ...line, taxLines: [{ title: "Tax", rate: "0.1" }] }], taxLines: [{ title: "Tax", rate: "0.1" }] })).toEqual([["INVALID", "order.taxLines"]]);
    expect(await errorsFor({ lineItems: [{ ...line, taxLines: [{ title: "Tax", rate: "" }] }] })).toEqual([["TAX_LINE_RATE_MISSING", "order.lineItems.0.taxLines.0.rate"]]);
    expect(await errorsFor({ lineItems: [line], shippingLines: [{ title: "Post", priceSet: usd("4.00"), taxLines: [{ title: "Tax", rate: "" }] }] })).toEqual([["TAX_LINE_RATE_MISSING", "order.shippingLines.0.taxLines.0.rate"]]);
    expect(await errorsFor({ lineItems: [line], discountCode: { itemFixedDiscountCode: { code: "A", amountSet: usd("1.00") }, freeShippingDiscountCode: { code: "B" } } })).toEqual([["INVALID", "order.discountCode"]]);
    expect(await errorsFor({ lineItems: [line], customer: { toAssociate: { id: "gid://shopify/Customer/1" } } })).toEqual([["INVALID", "order.customer.toAssociate"]]);
    expect(await errorsFor({ lineItems: [{ ...line, priceSet: { shopMoney: { amount: "5.00", currencyCode: "EUR" } } }] })).toEqual([["INVALID", "order.lineItems.0.priceSet.shopMoney.currencyCode"]]);
    expect(sandbox.store.orders.orders.size).toBe(count);

    // Refused by the schema before any resolver: a tax line without its required rate, a customer both associated
    // and upserted (OrderCreateCustomerInput is @oneOf), the deprecated customerId (whose pairing with customer is
    // Shopify's REDUNDANT_CUSTOMER_FIELDS).
    const schemaErrors = async (order: Record<string, unknown>) => (await graphql(sandbox, token, ORDER_CREATE, { order })).body.errors[0].message as string;
    expect(await schemaErrors({ lineItems: [{ ...line, taxLines: [{ title: "Tax" }] }] })).toContain("rate");
    expect(await schemaErrors({ lineItems: [line], customer: { toAssociate: { email: "a@example.com" }, toUpsert: { email: "a@example.com" } } })).toContain("OneOf");
    const deprecated = await graphql(sandbox, token, `mutation { orderCreate(order: { customerId: "gid://shopify/Customer/1", lineItems: [] }) { userErrors { code } } }`);
    expect(deprecated.body.errors[0].extensions.code).toBe("deprecated");
    expect(sandbox.store.orders.orders.size).toBe(count);
  });

  it("inventoryBehaviour: BYPASS leaves stock alone, DECREMENT_IGNORING_POLICY may go negative, DECREMENT_OBEYING_POLICY refuses a DENY variant short of stock", async () => {
    const { variant, locationId, inventoryItemId } = stockedVariant(sandbox, 2, 1);
    const order = (id: string) => ({ sourceIdentifier: id, lineItems: [{ variantId: variant.id, quantity: 2 }] });
    expect((await createOrder(sandbox, token, order("bypass"), "BYPASS")).userErrors).toEqual([]);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 1, committed: 0 });

    const refused = await createOrder(sandbox, token, order("obey"), "DECREMENT_OBEYING_POLICY");
    expect(refused).toEqual({ order: null, userErrors: [{ code: "INVENTORY_CLAIM_FAILED", field: ["order", "lineItems", "0"], message: expect.any(String) }] });
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 1, committed: 0 });

    expect((await createOrder(sandbox, token, order("ignore"), "DECREMENT_IGNORING_POLICY")).userErrors).toEqual([]);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: -1, committed: 2, on_hand: 1 });

    variant.inventoryPolicy = "CONTINUE";
    expect((await createOrder(sandbox, token, order("obey-continue"), "DECREMENT_OBEYING_POLICY")).userErrors).toEqual([]);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: -3, committed: 4 });
  });

  it("keeps a past processedAt and clamps a future one to now (2026-07+); a custom line needs a title and price", async () => {
    const future = await createOrder(sandbox, token, { processedAt: "2099-01-01T00:00:00Z", lineItems: [{ title: "Gift wrap", quantity: 1, priceSet: usd("2.50") }] });
    expect(future.userErrors).toEqual([]);
    expect(Date.parse(future.order.processedAt)).toBeLessThanOrEqual(Date.now());
    expect(future.order.lineItems.nodes[0]).toMatchObject({ title: "Gift wrap", variant: null, sku: null });
    expect(future.order.displayFinancialStatus).toBe("PENDING");
  });

  it("finds orders by source_identifier, quoted tag, tag_not, name, status and updated_at", async () => {
    const { variant } = stockedVariant(sandbox, 3, 50);
    const a = (await createOrder(sandbox, token, { sourceIdentifier: "TT-A", tags: ["TikTokOrderID:123", "TikTok"], lineItems: [{ variantId: variant.id, quantity: 1 }] })).order;
    const b = (await createOrder(sandbox, token, { sourceIdentifier: "TT-B", tags: ["TikTok"], lineItems: [{ variantId: variant.id, quantity: 1 }] })).order;
    const search = async (query: string) => ((await graphql(sandbox, token, ORDERS_SEARCH, { query })).body.data.orders.nodes as { id: string }[]).map((o) => o.id);
    expect(await search("source_identifier:TT-A")).toEqual([a.id]);
    expect(await search("source_identifier:TT-nope")).toEqual([]);
    expect(await search("tag:'TikTokOrderID:123'")).toEqual([a.id]);
    expect(await search("tag:TikTok tag_not:'TikTokOrderID:123'")).toEqual([b.id]);
    expect(await search(`name:${b.name.slice(1)}`)).toEqual([b.id]);
    expect(await search(`name:'${a.name}'`)).toEqual([a.id]);
    expect(await search("tag:TikTok status:open")).toEqual([a.id, b.id]);
    expect(await search("tag:TikTok status:cancelled")).toEqual([]);
    expect(await search(`tag:TikTok updated_at:>'${a.updatedAt}'`)).toEqual([b.id]);
    expect(await search("tag:TikTok status:any")).toEqual([a.id, b.id]);
    const reversed = (await graphql(sandbox, token, ORDERS_SEARCH, { query: "tag:TikTok", sortKey: "CREATED_AT", reverse: true })).body.data.orders.nodes.map((o: { id: string }) => o.id);
    expect(reversed).toEqual([b.id, a.id]);
  });

  it("answers order(id:) and node(id:), errors on fields it does not model, needs read_orders, and costs 10 per mutation", async () => {
    const { variant } = stockedVariant(sandbox, 4, 5);
    const created = await graphql(sandbox, token, ORDER_CREATE, { order: { lineItems: [{ variantId: variant.id, quantity: 1 }] } });
    expect(created.body.extensions.cost.requestedQueryCost).toBe(10);
    const id = created.body.data.orderCreate.order.id;
    expect((await graphql(sandbox, token, ORDER_QUERY, { id })).body.data.order.id).toBe(id);
    const node = await graphql(sandbox, token, `query($id: ID!) { node(id: $id) { id ... on Order { name } } }`, { id });
    expect(node.body.data.node).toEqual({ id, name: created.body.data.orderCreate.order.name });
    const strict = await graphql(sandbox, token, `query($id: ID!) { order(id: $id) { id customer { id } } }`, { id });
    expect(strict.body.errors[0].extensions).toMatchObject({ code: "NOT_SUPPORTED_BY_SANDBOX", typeName: "Order", fieldName: "customer" });
    const noOrders = sandbox.issueAccessToken({ scopes: ["read_products"] });
    expect((await graphql(sandbox, noOrders, ORDER_QUERY, { id })).body.errors[0].extensions.code).toBe("ACCESS_DENIED");
    expect((await graphql(sandbox, noOrders, ORDER_CREATE, { order: { lineItems: [{ variantId: variant.id, quantity: 1 }] } })).body.errors[0].extensions.code).toBe("ACCESS_DENIED");
  });
});

describe("Shopify sandbox development-store order limit", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  let now = Date.parse("2026-06-01T12:00:00Z");
  beforeAll(async () => {
    sandbox = await startTestSandbox({ plan: "development", now: () => new Date(now) });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("shows the plan as a partner development store", async () => {
    const { body } = await graphql(sandbox, token, `{ shop { plan { partnerDevelopment publicDisplayName shopifyPlus } } }`);
    expect(body.data.shop.plan).toEqual({ partnerDevelopment: true, publicDisplayName: "Development", shopifyPlus: false });
  });

  it("creates at most five new orders per rolling minute; the sixth is refused and created once the minute has passed", async () => {
    const { variant } = stockedVariant(sandbox, 0, 100);
    const order = { lineItems: [{ variantId: variant.id, quantity: 1 }] };
    for (let i = 0; i < 5; i++) {
      expect((await createOrder(sandbox, token, order)).userErrors).toEqual([]);
      now += 5_000;
    }
    const sixth = await createOrder(sandbox, token, order);
    expect(sixth).toEqual({ order: null, userErrors: [{ code: "INVALID", field: null, message: "Exceeded order API rate limit, please try again in a minute. Upgrade to a paid account to remove this limit." }] });
    expect(sandbox.store.orders.orders.size).toBe(5);
    now += 36_000; // the first order is now more than a minute old
    expect((await createOrder(sandbox, token, order)).userErrors).toEqual([]);
    expect((await createOrder(sandbox, token, order)).userErrors[0]?.code).toBe("INVALID");
  });

  it("lifts the limit when the plan is switched to standard at run time", async () => {
    const response = await fetch(`${sandbox.url}/sandbox/plan`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: "standard" }) });
    expect(response.status).toBe(200);
    const { variant } = stockedVariant(sandbox, 1, 100);
    for (let i = 0; i < 6; i++) expect((await createOrder(sandbox, token, { lineItems: [{ variantId: variant.id, quantity: 1 }] })).userErrors).toEqual([]);
    const { body } = await graphql(sandbox, token, `{ shop { plan { partnerDevelopment publicDisplayName } } }`);
    expect(body.data.shop.plan).toEqual({ partnerDevelopment: false, publicDisplayName: "Basic" });
  });

  it("refuses orderCreate from an online (user) token: it takes offline tokens only", async () => {
    const online = sandbox.tokens.authenticate(token)!;
    online.online = true;
    try {
      const { body } = await graphql(sandbox, token, ORDER_CREATE, { order: { lineItems: [{ title: "x", quantity: 1, priceSet: usd("1.00") }] } });
      expect(body.errors[0].extensions.code).toBe("ACCESS_DENIED");
      expect(body.errors[0].message).toContain("offline tokens");
    } finally {
      online.online = false;
    }
  });
});
