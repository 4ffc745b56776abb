import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import type { StoredInventoryItem } from "../../../sandbox/shopify/store";
import { graphql, startTestSandbox } from "./sandbox-harness";

const MOVE = `mutation Move($input: InventoryMoveQuantitiesInput!, $key: String!) {
  inventoryMoveQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange ledgerDocumentUri item { id } location { id } } }
    userErrors { code field message }
  }
}`;
const MOVE_WITHOUT_KEY = `mutation MoveBare($input: InventoryMoveQuantitiesInput!) {
  inventoryMoveQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { code field message } }
}`;
const LEVEL = `query Level($id: ID!, $location: ID!) {
  inventoryItem(id: $id) { inventoryLevel(locationId: $location) { quantities(names: ["available", "reserved", "damaged", "on_hand", "committed"]) { name quantity } } }
}`;

describe("Shopify sandbox inventoryMoveQuantities", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  let keyNumber = 0;
  const key = () => `move-${++keyNumber}`;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  /** A seeded item and one location stocking it, with available set to a known quantity. */
  function itemWith(available: number, index: number): { item: StoredInventoryItem; locationId: string } {
    const item = [...sandbox.store.inventoryItems.values()][index]!;
    const locationId = [...item.levels.keys()][0]!;
    sandbox.store.setQuantity(item.id, locationId, "available", available);
    return { item, locationId };
  }
  const quantities = async (itemId: string, locationId: string) => {
    const { body } = await graphql(sandbox, token, LEVEL, { id: itemId, location: locationId });
    return Object.fromEntries(body.data.inventoryItem.inventoryLevel.quantities.map((q: { name: string; quantity: number }) => [q.name, q.quantity]));
  };
  const reserve = (itemId: string, locationId: string, quantity: number, fromCount: number | null, toCount: number | null = null) => ({
    reason: "reservation_created",
    referenceDocumentUri: "gid://tiktok-sync/TikTokOrder/576461413038785752",
    changes: [{
      inventoryItemId: itemId, quantity,
      from: { locationId, name: "available", changeFromQuantity: fromCount },
      to: { locationId, name: "reserved", changeFromQuantity: toCount, ledgerDocumentUri: "tiktok-sync://hold/576461413038785752" },
    }],
  });

  it("moves available → reserved at one location: on_hand unchanged, the group lists both changes, inventory_levels/update carries the new available", async () => {
    const { item, locationId } = itemWith(10, 0);
    const before = sandbox.deliveries.length;
    const { body } = await graphql(sandbox, token, MOVE, { key: key(), input: reserve(item.id, locationId, 3, 10, 0) });
    expect(body.errors).toBeUndefined();
    const group = body.data.inventoryMoveQuantities.inventoryAdjustmentGroup;
    expect(body.data.inventoryMoveQuantities.userErrors).toEqual([]);
    expect(group.reason).toBe("reservation_created");
    expect(group.changes).toEqual([
      { name: "available", delta: -3, quantityAfterChange: 7, ledgerDocumentUri: null, item: { id: item.id }, location: { id: locationId } },
      { name: "reserved", delta: 3, quantityAfterChange: 3, ledgerDocumentUri: "tiktok-sync://hold/576461413038785752", item: { id: item.id }, location: { id: locationId } },
    ]);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 7, reserved: 3, on_hand: 10 });
    const levelUpdates = sandbox.deliveries.slice(before).filter((d) => d.topic === "inventory_levels/update");
    expect(levelUpdates.map((d) => JSON.parse(d.body))).toEqual([expect.objectContaining({ available: 7, admin_graphql_api_id: item.levels.get(locationId)!.id })]);
    expect(body.extensions.cost.requestedQueryCost).toBe(10);
  });

  it("GIVEN a stale changeFromQuantity THEN CHANGE_FROM_QUANTITY_STALE and nothing moves", async () => {
    const { item, locationId } = itemWith(5, 1);
    const { body } = await graphql(sandbox, token, MOVE, { key: key(), input: reserve(item.id, locationId, 2, 6) });
    expect(body.data.inventoryMoveQuantities.inventoryAdjustmentGroup).toBeNull();
    expect(body.data.inventoryMoveQuantities.userErrors).toEqual([
      { code: "CHANGE_FROM_QUANTITY_STALE", field: ["input", "changes", "0", "from", "changeFromQuantity"], message: "The specified compare quantity does not match the current quantity." },
    ]);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 5, reserved: 0 });
  });

  it("GIVEN no changeFromQuantity at all THEN the request is refused (it is mandatory; null opts out)", async () => {
    const { item, locationId } = itemWith(5, 2);
    const input = reserve(item.id, locationId, 1, null);
    delete (input.changes[0]!.from as { changeFromQuantity?: number | null }).changeFromQuantity;
    const { body } = await graphql(sandbox, token, MOVE, { key: key(), input });
    expect(body.errors[0].extensions.code).toBe("INVALID_FIELD_ARGUMENTS");
    expect(body.errors[0].message).toContain("changeFromQuantity");
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 5, reserved: 0 });
  });

  it("refuses moving more than there is, across locations, between the same name, to a name that cannot be moved, and without or with a Shopify ledger document", async () => {
    const { item, locationId } = itemWith(2, 3);
    const other = [...item.levels.keys()][1]!;
    const codes = async (mutate: (input: ReturnType<typeof reserve>) => void) => {
      const input = reserve(item.id, locationId, 1, null);
      mutate(input);
      const { body } = await graphql(sandbox, token, MOVE, { key: key(), input });
      return body.data.inventoryMoveQuantities.userErrors.map((e: { code: string }) => e.code);
    };
    expect(await codes((i) => (i.changes[0]!.quantity = 3))).toEqual(["INVALID_QUANTITY_NEGATIVE"]);
    expect(await codes((i) => (i.changes[0]!.to.locationId = other))).toEqual(["DIFFERENT_LOCATIONS"]);
    expect(await codes((i) => { i.changes[0]!.to.name = "available"; delete (i.changes[0]!.to as { ledgerDocumentUri?: string }).ledgerDocumentUri; })).toEqual(["SAME_QUANTITY_NAME"]);
    expect(await codes((i) => (i.changes[0]!.to.name = "committed"))).toEqual(["INVALID_QUANTITY_NAME"]);
    expect(await codes((i) => delete (i.changes[0]!.to as { ledgerDocumentUri?: string }).ledgerDocumentUri)).toEqual(["INVALID_QUANTITY_DOCUMENT"]);
    expect(await codes((i) => (i.changes[0]!.to.ledgerDocumentUri = "gid://shopify/Order/1"))).toEqual(["INTERNAL_LEDGER_DOCUMENT"]);
    expect(await codes((i) => ((i.changes[0]!.from as { ledgerDocumentUri?: string }).ledgerDocumentUri = "tiktok-sync://x"))).toEqual(["INVALID_AVAILABLE_DOCUMENT"]);
    expect(await codes((i) => (i.reason = "because"))).toEqual(["INVALID_REASON"]);
    expect(await codes((i) => (i.changes[0]!.inventoryItemId = "gid://shopify/InventoryItem/1"))).toEqual(["INVALID_INVENTORY_ITEM"]);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 2, reserved: 0 });
  });

  it("moves reserved → damaged (both unavailable: available and on_hand stay, no inventory_levels/update)", async () => {
    const { item, locationId } = itemWith(4, 4);
    await graphql(sandbox, token, MOVE, { key: key(), input: reserve(item.id, locationId, 2, 4) });
    const before = sandbox.deliveries.length;
    const { body } = await graphql(sandbox, token, MOVE, {
      key: key(),
      input: {
        reason: "damaged", referenceDocumentUri: "https://example.com/damage/7",
        changes: [{ inventoryItemId: item.id, quantity: 1, from: { locationId, name: "reserved", changeFromQuantity: 2, ledgerDocumentUri: "tiktok-sync://hold/1" }, to: { locationId, name: "damaged", changeFromQuantity: null, ledgerDocumentUri: "tiktok-sync://damage/1" } }],
      },
    });
    expect(body.data.inventoryMoveQuantities.userErrors).toEqual([]);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 2, reserved: 1, damaged: 1, on_hand: 4 });
    expect(sandbox.deliveries.length).toBe(before);
  });

  it("GIVEN the same @idempotent key again THEN answers the first result and moves once; other input under that key → IDEMPOTENCY_KEY_PARAMETER_MISMATCH", async () => {
    const { item, locationId } = itemWith(10, 5);
    const input = reserve(item.id, locationId, 4, 10);
    const first = await graphql(sandbox, token, MOVE, { key: "retry-me", input });
    const retry = await graphql(sandbox, token, MOVE, { key: "retry-me", input });
    expect(retry.body.data).toEqual(first.body.data);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 6, reserved: 4 });
    const other = await graphql(sandbox, token, MOVE, { key: "retry-me", input: reserve(item.id, locationId, 1, 6) });
    expect(other.body.data.inventoryMoveQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [{ code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", field: null, message: "The same idempotency key cannot be used with different operation parameters." }],
    });
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 6, reserved: 4 });
  });

  it("GIVEN no @idempotent directive THEN fails at run time with Shopify's BAD_REQUEST and moves nothing", async () => {
    const { item, locationId } = itemWith(3, 6);
    const { body } = await graphql(sandbox, token, MOVE_WITHOUT_KEY, { input: reserve(item.id, locationId, 1, 3) });
    expect(body.data).toEqual({ inventoryMoveQuantities: null });
    expect(body.errors).toEqual([expect.objectContaining({
      message: "The @idempotent directive is required for this mutation but was not provided.",
      path: ["inventoryMoveQuantities"],
      extensions: { code: "BAD_REQUEST" },
    })]);
    expect(await quantities(item.id, locationId)).toMatchObject({ available: 3, reserved: 0 });
  });

  it("GIVEN a token without write_inventory THEN ACCESS_DENIED", async () => {
    const { item, locationId } = itemWith(3, 7);
    const readOnly = sandbox.issueAccessToken({ scopes: ["read_inventory"] });
    const { body } = await graphql(sandbox, readOnly, MOVE, { key: key(), input: reserve(item.id, locationId, 1, 3) });
    expect(body.errors[0].extensions.code).toBe("ACCESS_DENIED");
    expect(body.errors[0].message).toContain("write_inventory");
  });
});
