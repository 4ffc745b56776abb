import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { graphql, startTestSandbox } from "./sandbox-harness";

describe("Shopify sandbox Admin GraphQL", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("GIVEN no or a wrong access token THEN answers 401 with Shopify's error body", async () => {
    const response = await graphql(sandbox, "shpat_wrong", "{ shop { name } }");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("GIVEN a schema-invalid query THEN answers 200 with Shopify's error shape and no data", async () => {
    const { status, body } = await graphql(sandbox, token, "query Q { shop { name notAField } }");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'notAField' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 23 }],
        path: ["query Q", "shop", "notAField"],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "notAField" },
      },
    ]);
  });

  it("GIVEN a deprecated field (Shop.billingAddress in 2026-10) THEN refuses it and names the replacement", async () => {
    const { body } = await graphql(sandbox, token, "{ shop { billingAddress { countryCodeV2 } } }");
    expect(body.errors[0].extensions.code).toBe("deprecated");
    expect(body.errors[0].message).toContain("Shop.billingAddress");
    expect(body.errors[0].message).toContain("shopAddress");
  });

  it("GIVEN a real field the sandbox does not model THEN errors naming it instead of inventing data", async () => {
    const id = [...sandbox.store.products.keys()][0]!;
    const { body } = await graphql(sandbox, token, `{ product(id: "${id}") { id title giftCardTemplateSuffix } }`);
    expect(body.errors[0].message).toBe("Field 'giftCardTemplateSuffix' on type 'Product' is not supported by the sandbox");
    expect(body.errors[0].path).toEqual(["product", "giftCardTemplateSuffix"]);
    expect(body.data.product).toEqual({ id, title: expect.any(String), giftCardTemplateSuffix: null });
  });

  it("serves the shop with its US address, plan and policies", async () => {
    const { body } = await graphql(sandbox, token, `{ shop { name email contactEmail myshopifyDomain currencyCode ianaTimezone
      shopAddress { address1 city province provinceCode zip country countryCodeV2 phone company } plan { publicDisplayName }
      shopPolicies { type title body url } } productsCount { count precision } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.shop).toMatchObject({ myshopifyDomain: sandbox.shopDomain, currencyCode: "USD", shopAddress: { countryCodeV2: "US" } });
    expect(body.data.shop.shopPolicies.map((p: { type: string }) => p.type).sort()).toEqual(["PRIVACY_POLICY", "REFUND_POLICY", "SHIPPING_POLICY", "TERMS_OF_SERVICE"]);
    expect(body.data.productsCount).toEqual({ count: 60, precision: "EXACT" });
  });

  it("pages through all 60 seeded products with first/after and back with last/before", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await graphql(sandbox, token, `query($after: String) { products(first: 25, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`, { after });
      seen.push(...body.data.products.nodes.map((n: { id: string }) => n.id));
      if (!body.data.products.pageInfo.hasNextPage) break;
      after = body.data.products.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen.every((id) => /^gid:\/\/shopify\/Product\/\d{13}$/.test(id))).toBe(true);

    const { body: last } = await graphql(sandbox, token, `{ products(last: 5) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }`);
    expect(last.data.products.nodes.map((n: { id: string }) => n.id)).toEqual(seen.slice(55));
    expect(last.data.products.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });

    const { body: noSize } = await graphql(sandbox, token, `{ products { nodes { id } } }`);
    expect(noSize.errors[0].message).toBe("you must provide one of first or last");
  });

  it("searches products with Shopify's query syntax and sorts them", async () => {
    const q = async (query: string, extra = "") =>
      (await graphql(sandbox, token, `query($q: String) { products(first: 100, query: $q ${extra}) { nodes { title vendor productType tags status updatedAt } } }`, { q: query })).body;
    const bracelets = await q("product_type:Bracelet");
    expect(bracelets.data.products.nodes.length).toBeGreaterThan(0);
    expect(bracelets.data.products.nodes.map((p: { productType: string }) => p.productType)).toEqual(bracelets.data.products.nodes.map(() => "Bracelet"));

    const tagged = await q("tag:Beads status:active");
    expect(tagged.data.products.nodes.every((p: { tags: string[] }) => p.tags.includes("Beads"))).toBe(true);

    const titled = await q("title:bracelet -tag:Beads");
    expect(titled.data.products.nodes.length).toBeGreaterThan(0);
    expect(titled.data.products.nodes.every((p: { title: string; tags: string[] }) => /bracelet/i.test(p.title) && !p.tags.includes("Beads"))).toBe(true);

    expect((await q("updated_at:>2099-01-01")).data.products.nodes).toEqual([]);
    expect((await q(`vendor:'Company 123'`)).data.products.nodes.every((p: { vendor: string }) => p.vendor === "Company 123")).toBe(true);

    const sorted = await q("", "sortKey: TITLE, reverse: true");
    const titles = sorted.data.products.nodes.map((p: { title: string }) => p.title.toLowerCase());
    expect(titles).toEqual([...titles].sort().reverse());

    const unknown = await q("colour:red");
    expect(unknown.extensions.search[0].warnings[0]).toEqual({ field: "colour", message: "Invalid search field for this query." });
  });

  it("reports variants with inventory at two locations and weight on inventoryItem.measurement", async () => {
    const { body } = await graphql(sandbox, token, `{ productVariants(first: 5) { nodes { id price inventoryQuantity inventoryPolicy
      inventoryItem { id tracked measurement { weight { unit value } } inventoryLevels(first: 5) { nodes { location { id name } quantities(names: ["available", "on_hand"]) { name quantity } } } } } } }`);
    expect(body.errors).toBeUndefined();
    for (const v of body.data.productVariants.nodes) {
      const levels = v.inventoryItem.inventoryLevels.nodes;
      expect(levels).toHaveLength(2);
      const available = levels.reduce((sum: number, l: { quantities: { name: string; quantity: number }[] }) => sum + l.quantities.find((q) => q.name === "available")!.quantity, 0);
      expect(available).toBe(v.inventoryQuantity);
      expect(v.inventoryItem.measurement.weight.unit).toBe("KILOGRAMS");
    }
  });

  it("computes Shopify's query cost, refunds the unused part, and refuses queries over 1000", async () => {
    const { body } = await graphql(sandbox, token, `{ products(first: 10) { edges { node { id title } } } }`);
    expect(body.extensions.cost.requestedQueryCost).toBe(12);
    expect(body.extensions.cost.actualQueryCost).toBe(12);
    expect(body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });

    const { body: big } = await graphql(sandbox, token, `{ products(first: 250) { nodes { id variants(first: 10) { nodes { id } } } } }`);
    expect(big.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
    expect(big.errors[0].extensions.cost).toBe(2 + 250 * (1 + 2 + 10));
  });

  it("throttles once the leaky bucket is empty", async () => {
    const own = await startTestSandbox();
    try {
      const t = own.issueAccessToken();
      const query = `{ products(first: 99) { nodes { id } } }`; // cost 101 requested, actual 62
      const codes: string[] = [];
      let last: any;
      for (let i = 0; i < 60; i++) {
        last = (await graphql(own, t, query)).body;
        if (last.errors) {
          codes.push(last.errors[0].extensions.code);
          break;
        }
      }
      expect(codes).toEqual(["THROTTLED"]);
      expect(last.errors[0].message).toBe("Throttled");
      expect(last.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(101);
    } finally {
      await own.close();
    }
  });

  const SET_QUANTITIES = `mutation($input: InventorySetQuantitiesInput!, $key: String!) { inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } } userErrors { code field message } } }`;
  const ADJUST_QUANTITIES = `mutation($input: InventoryAdjustQuantitiesInput!, $key: String!) { inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } } userErrors { code field message } } }`;

  it("GIVEN a token without write_inventory THEN inventorySetQuantities is ACCESS_DENIED", async () => {
    const item = [...sandbox.store.inventoryItems.values()][0]!;
    const locationId = [...item.levels.keys()][0]!;
    const readOnly = sandbox.issueAccessToken({ scopes: ["read_products", "read_inventory"] });
    const { body } = await graphql(sandbox, readOnly, SET_QUANTITIES, {
      key: "set-denied",
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: item.id, locationId, quantity: 3, changeFromQuantity: null }] },
    });
    expect(body.errors[0].extensions.code).toBe("ACCESS_DENIED");
  });

  it("inventorySetQuantities and inventoryAdjustQuantities apply once per @idempotent key and fail at run time without it (2026-04+)", async () => {
    const item = [...sandbox.store.inventoryItems.values()][1]!;
    const locationId = [...item.levels.keys()][0]!;
    const setInput = { name: "available", reason: "correction", quantities: [{ inventoryItemId: item.id, locationId, quantity: 7, changeFromQuantity: null }] };
    const set = await graphql(sandbox, token, SET_QUANTITIES, { key: "set-1", input: setInput });
    expect(set.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(item.levels.get(locationId)!.quantities.available).toBe(7);

    const adjustInput = { name: "available", reason: "correction", changes: [{ inventoryItemId: item.id, locationId, delta: 2, changeFromQuantity: 7 }] };
    const first = await graphql(sandbox, token, ADJUST_QUANTITIES, { key: "adjust-1", input: adjustInput });
    const again = await graphql(sandbox, token, ADJUST_QUANTITIES, { key: "adjust-1", input: adjustInput });
    expect(again.body.data).toEqual(first.body.data);
    expect(item.levels.get(locationId)!.quantities.available).toBe(9);

    const other = await graphql(sandbox, token, ADJUST_QUANTITIES, { key: "adjust-1", input: { ...adjustInput, changes: [{ ...adjustInput.changes[0], delta: 5, changeFromQuantity: 9 }] } });
    expect(other.body.data.inventoryAdjustQuantities.userErrors[0].code).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    expect(item.levels.get(locationId)!.quantities.available).toBe(9);

    for (const [query, input] of [[SET_QUANTITIES, setInput], [ADJUST_QUANTITIES, adjustInput]] as const) {
      const bare = await graphql(sandbox, token, query.replace(" @idempotent(key: $key)", "").replace(", $key: String!", ""), { input });
      expect(bare.body.errors[0]).toMatchObject({ message: "The @idempotent directive is required for this mutation but was not provided.", extensions: { code: "BAD_REQUEST" } });
    }
    expect(item.levels.get(locationId)!.quantities.available).toBe(9);
  });

  it("GIVEN @idempotent on a mutation that does not document it (orderCreate) or a blank key THEN refuses the request", async () => {
    const { body } = await graphql(sandbox, token, `mutation { orderCreate(order: { lineItems: [] }) @idempotent(key: "k") { userErrors { message } } }`);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(body.errors[0].message).toContain("orderCreate");
    const item = [...sandbox.store.inventoryItems.values()][2]!;
    const blank = await graphql(sandbox, token, SET_QUANTITIES, {
      key: "  ",
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: item.id, locationId: [...item.levels.keys()][0], quantity: 1, changeFromQuantity: null }] },
    });
    expect(blank.body.errors[0].message).toBe("The idempotency key cannot be an empty string or whitespace only.");
  });

  it("productUpdate and productVariantsBulkUpdate change the store and bump updatedAt; bad input gives userErrors", async () => {
    const product = [...sandbox.store.products.values()][0]!;
    const before = product.updatedAt;
    const { body } = await graphql(sandbox, token, `mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { product { title updatedAt } userErrors { field message } } }`, {
      p: { id: product.id, title: "Renamed shirt" },
    });
    expect(body.data.productUpdate.userErrors).toEqual([]);
    expect(body.data.productUpdate.product.title).toBe("Renamed shirt");
    expect(Date.parse(body.data.productUpdate.product.updatedAt)).toBeGreaterThan(Date.parse(before));

    const variantId = product.variantIds[0]!;
    const { body: negative } = await graphql(sandbox, token, `mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $id, variants: $v) { productVariants { price } userErrors { code field } } }`, {
      id: product.id,
      v: [{ id: variantId, price: "-1" }],
    });
    expect(negative.data.productVariantsBulkUpdate.userErrors[0].code).toBe("NEGATIVE_PRICE_VALUE");
    const { body: ok } = await graphql(sandbox, token, `mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $id, variants: $v) { productVariants { price compareAtPrice } userErrors { code } } }`, {
      id: product.id,
      v: [{ id: variantId, price: "55.5", compareAtPrice: "70" }],
    });
    expect(ok.data.productVariantsBulkUpdate.productVariants).toEqual([{ price: "55.50", compareAtPrice: "70.00" }]);
  });
});
