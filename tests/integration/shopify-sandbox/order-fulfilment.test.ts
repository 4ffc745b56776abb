import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { eventually } from "../../support/eventually";
import { FULFILLMENT_CREATE, HOLD, JOB, ORDER_CANCEL, ORDER_QUERY, REFUND_CREATE, RELEASE, TRACKING_UPDATE, createOrder, quantities, stockedVariant, tiktokOrderInput } from "./order-fixtures";
import { graphql, startTestSandbox } from "./sandbox-harness";

describe("Shopify sandbox fulfilment, holds, cancellation and refunds", () => {
  let sandbox: ShopifySandbox;
  let token: string;
  let n = 10;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ asyncJobDelayMs: 30 });
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  /** A fresh order of `quantity` units of a variant stocked with 10, committed at its location. */
  async function orderOf(quantity: number) {
    const stocked = stockedVariant(sandbox, n++, 10);
    const { order, userErrors } = await createOrder(sandbox, token, tiktokOrderInput(`TT-${n}`, [{ variantId: stocked.variant.id, quantity, price: "10.00", tax: "0.80" }]));
    expect(userErrors).toEqual([]);
    const fo = order.fulfillmentOrders.nodes[0];
    return { ...stocked, order, fo, foLine: fo.lineItems.nodes[0], line: order.lineItems.nodes[0] };
  }
  const topicsSince = (before: number) => sandbox.deliveries.slice(before).map((d) => d.topic);
  const payloadOf = (before: number, topic: string) => JSON.parse(sandbox.deliveries.slice(before).find((d) => d.topic === topic)!.body);

  it("a hold puts the fulfillment order ON_HOLD and blocks fulfilment until released; handles are unique and an app holds at most 10", async () => {
    const { fo } = await orderOf(1);
    const hold = await graphql(sandbox, token, HOLD, { id: fo.id, hold: { reason: "AWAITING_PAYMENT", reasonNotes: "TikTok cancellation window", handle: "tiktok-remorse" } });
    expect(hold.body.data.fulfillmentOrderHold).toMatchObject({ fulfillmentHold: { reason: "AWAITING_PAYMENT", reasonNotes: "TikTok cancellation window", handle: "tiktok-remorse" }, fulfillmentOrder: { id: fo.id, status: "ON_HOLD" }, userErrors: [] });
    const holdId = hold.body.data.fulfillmentOrderHold.fulfillmentHold.id;

    const blocked = await graphql(sandbox, token, FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(blocked.body.data.fulfillmentCreate.fulfillment).toBeNull();
    expect(blocked.body.data.fulfillmentCreate.userErrors[0].message).toContain("unfulfillable status= on_hold");

    const duplicate = await graphql(sandbox, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "tiktok-remorse" } });
    expect(duplicate.body.data.fulfillmentOrderHold.userErrors[0].code).toBe("DUPLICATE_FULFILLMENT_HOLD_HANDLE");
    for (let i = 1; i < 10; i++) expect((await graphql(sandbox, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: `h${i}` } })).body.data.fulfillmentOrderHold.userErrors).toEqual([]);
    const eleventh = await graphql(sandbox, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "h10" } });
    expect(eleventh.body.data.fulfillmentOrderHold.userErrors[0].code).toBe("FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");

    const others = sandbox.store.orders.fulfillmentOrders.get(fo.id)!.holds.filter((h) => h.id !== holdId).map((h) => h.id);
    const partial = await graphql(sandbox, token, RELEASE, { id: fo.id, holdIds: [holdId] });
    expect(partial.body.data.fulfillmentOrderReleaseHold.fulfillmentOrder.status).toBe("ON_HOLD");
    const released = await graphql(sandbox, token, RELEASE, { id: fo.id, holdIds: others });
    expect(released.body.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toEqual({ id: fo.id, status: "OPEN", fulfillmentHolds: [] });
    const missing = await graphql(sandbox, token, RELEASE, { id: "gid://shopify/FulfillmentOrder/1" });
    expect(missing.body.data.fulfillmentOrderReleaseHold.userErrors[0].code).toBe("FULFILLMENT_ORDER_NOT_FOUND");
  });

  it("fulfils partially (IN_PROGRESS, units leave committed and on_hand), refuses more than remains, then completes (CLOSED); fulfillments/create carries order, tracking and lines", async () => {
    const { order, fo, foLine, line, variant, inventoryItemId, locationId } = await orderOf(3);
    const before = sandbox.deliveries.length;
    const first = await graphql(sandbox, token, FULFILLMENT_CREATE, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: foLine.id, quantity: 2 }] }], trackingInfo: { company: "UPS", number: "1Z999AA10123456784" }, notifyCustomer: false },
    });
    const fulfillment = first.body.data.fulfillmentCreate.fulfillment;
    expect(first.body.data.fulfillmentCreate.userErrors).toEqual([]);
    expect(fulfillment).toMatchObject({ name: `${order.name}.1`, status: "SUCCESS", trackingInfo: [{ company: "UPS", number: "1Z999AA10123456784", url: expect.stringContaining("1Z999AA10123456784") }], fulfillmentLineItems: { nodes: [{ quantity: 2, lineItem: { id: line.id } }] } });
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 7, committed: 1, on_hand: 8 });
    const after = (await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order;
    expect(after).toMatchObject({ displayFulfillmentStatus: "PARTIALLY_FULFILLED", fulfillmentOrders: { nodes: [{ status: "IN_PROGRESS", lineItems: { nodes: [{ remainingQuantity: 1, totalQuantity: 3 }] } }] }, lineItems: { nodes: [{ unfulfilledQuantity: 1 }] } });

    const tooMany = await graphql(sandbox, token, FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: foLine.id, quantity: 2 }] }] } });
    expect(tooMany.body.data.fulfillmentCreate.userErrors).toEqual([{ field: ["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderLineItems"], message: "Invalid fulfillment order line item quantity requested." }]);

    const rest = await graphql(sandbox, token, FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], trackingInfo: { company: "USPS", numbers: ["9400100000000000000000"] } } });
    expect(rest.body.data.fulfillmentCreate.fulfillment.fulfillmentLineItems.nodes[0].quantity).toBe(1);
    const done = (await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order;
    expect(done).toMatchObject({ displayFulfillmentStatus: "FULFILLED", closed: true, fulfillmentOrders: { nodes: [{ status: "CLOSED" }] } });
    expect(done.fulfillments).toHaveLength(2);
    const closedAgain = await graphql(sandbox, token, FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(closedAgain.body.data.fulfillmentCreate.userErrors[0].message).toContain("unfulfillable status= closed");

    expect(topicsSince(before).filter((t) => t.startsWith("fulfillments/"))).toEqual(["fulfillments/create", "fulfillments/create"]);
    const payload = payloadOf(before, "fulfillments/create");
    expect(payload).toMatchObject({
      admin_graphql_api_id: fulfillment.id, order_id: Number(order.id.split("/").pop()), status: "success", tracking_company: "UPS",
      tracking_number: "1Z999AA10123456784", tracking_numbers: ["1Z999AA10123456784"], name: `${order.name}.1`,
      line_items: [expect.objectContaining({ id: Number(line.id.split("/").pop()), variant_id: Number(variant.id.split("/").pop()), sku: variant.sku, quantity: 2 })],
    });
  });

  it("updates tracking and fires fulfillments/update", async () => {
    const { fo } = await orderOf(1);
    const created = await graphql(sandbox, token, FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    const id = created.body.data.fulfillmentCreate.fulfillment.id;
    const before = sandbox.deliveries.length;
    const { body } = await graphql(sandbox, token, TRACKING_UPDATE, { id, tracking: { company: "FedEx", number: "612999AA10", url: "https://example.com/track/612999AA10" } });
    expect(body.data.fulfillmentTrackingInfoUpdate).toEqual({ fulfillment: { id, trackingInfo: [{ company: "FedEx", number: "612999AA10", url: "https://example.com/track/612999AA10" }] }, userErrors: [] });
    expect(payloadOf(before, "fulfillments/update")).toMatchObject({ admin_graphql_api_id: id, tracking_company: "FedEx", tracking_number: "612999AA10", tracking_urls: ["https://example.com/track/612999AA10"] });
    const missing = await graphql(sandbox, token, TRACKING_UPDATE, { id: "gid://shopify/Fulfillment/1", tracking: { number: "x" } });
    expect(missing.body.data.fulfillmentTrackingInfoUpdate.userErrors).toEqual([{ field: ["fulfillmentId"], message: "Fulfillment does not exist." }]);
  });

  it("orderCancel answers a job at once and cancels shortly after: restock returns committed units, the job reports done, orders/cancelled fires, a second cancel is refused", async () => {
    const { order, inventoryItemId, locationId } = await orderOf(4);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 6, committed: 4 });
    const before = sandbox.deliveries.length;
    const { body } = await graphql(sandbox, token, ORDER_CANCEL, { orderId: order.id, reason: "CUSTOMER", restock: true, staffNote: "Cancelled on TikTok" });
    const { job, jobResult, orderCancelUserErrors } = body.data.orderCancel;
    expect(orderCancelUserErrors).toEqual([]);
    expect(job).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Job\/[0-9a-f-]{36}$/), done: false });
    expect(jobResult).toEqual({ id: job.id, done: false, status: "STARTED" });
    expect((await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order.cancelledAt).toBeNull();

    await eventually(async () => ((await graphql(sandbox, token, JOB, { id: job.id })).body.data.job.done ? true : undefined), 5_000, "the cancel job");
    const cancelled = (await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order;
    expect(cancelled).toMatchObject({ cancelReason: "CUSTOMER", closed: true, fulfillmentOrders: { nodes: [{ status: "CLOSED", lineItems: { nodes: [{ remainingQuantity: 0 }] } }] } });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 10, committed: 0, on_hand: 10 });
    expect(topicsSince(before)).toContain("orders/cancelled");
    expect(payloadOf(before, "orders/cancelled")).toMatchObject({ admin_graphql_api_id: order.id, cancel_reason: "customer", source_identifier: order.sourceIdentifier, tags: "TikTok Shop, TTS:" + order.sourceIdentifier + ", FBS" });

    const again = await graphql(sandbox, token, ORDER_CANCEL, { orderId: order.id, reason: "CUSTOMER", restock: true });
    expect(again.body.data.orderCancel).toMatchObject({ job: null, orderCancelUserErrors: [{ code: "INVALID", field: ["orderId"] }] });
    const unknown = await graphql(sandbox, token, ORDER_CANCEL, { orderId: "gid://shopify/Order/1", reason: "OTHER", restock: false });
    expect(unknown.body.data.orderCancel.orderCancelUserErrors[0].code).toBe("NOT_FOUND");
  });

  it("cancel without restock writes the committed units off; refunding to the original payment methods pays the money back; store credit needs a customer", async () => {
    const { order, inventoryItemId, locationId } = await orderOf(2);
    const { body } = await graphql(sandbox, token, ORDER_CANCEL, { orderId: order.id, reason: "INVENTORY", restock: false, refundMethod: { originalPaymentMethodsRefund: true } });
    const jobId = body.data.orderCancel.job.id;
    await eventually(async () => ((await graphql(sandbox, token, JOB, { id: jobId })).body.data.job.done ? true : undefined), 5_000, "the cancel job");
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 8, committed: 0, on_hand: 8 });
    const after = (await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order;
    expect(after.displayFinancialStatus).toBe("REFUNDED");
    const other = await orderOf(1);
    const credit = await graphql(sandbox, token, ORDER_CANCEL, { orderId: other.order.id, reason: "OTHER", restock: true, refundMethod: { storeCreditRefund: {} } });
    expect(credit.body.data.orderCancel.orderCancelUserErrors[0].code).toBe("STORE_CREDIT_REFUND_MISSING_CUSTOMER");
    const deprecated = await graphql(sandbox, token, `mutation($id: ID!) { orderCancel(orderId: $id, reason: OTHER, restock: true, refund: true) { orderCancelUserErrors { code } } }`, { id: other.order.id });
    expect(deprecated.body.errors[0].message).toContain("deprecated");
  });

  it("refundCreate needs @idempotent, restocks cancelled units, refunds money through REFUND transactions once per key and fires refunds/create", async () => {
    const { order, line, inventoryItemId, locationId } = await orderOf(3);
    const input = {
      orderId: order.id, note: "Buyer cancelled one unit on TikTok",
      refundLineItems: [{ lineItemId: line.id, quantity: 1, restockType: "CANCEL", locationId }],
      transactions: [{ orderId: order.id, gateway: "TikTok Shop", kind: "REFUND", amount: "10.80" }],
    };
    const bare = await graphql(sandbox, token, REFUND_CREATE.replace(" @idempotent(key: $key)", "").replace(", $key: String!", ""), { input });
    expect(bare.body.errors[0]).toMatchObject({ message: "The @idempotent directive is required for this mutation but was not provided.", extensions: { code: "BAD_REQUEST" } });

    const before = sandbox.deliveries.length;
    const first = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-1", input });
    expect(first.body.data.refundCreate.userErrors).toEqual([]);
    expect(first.body.data.refundCreate.refund).toMatchObject({ note: "Buyer cancelled one unit on TikTok", totalRefundedSet: { shopMoney: { amount: "10.8" } }, refundLineItems: { nodes: [{ quantity: 1, restockType: "CANCEL", lineItem: { id: line.id } }] } });
    expect(first.body.data.refundCreate.order.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    const replay = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-1", input });
    expect(replay.body.data.refundCreate.refund.id).toBe(first.body.data.refundCreate.refund.id);
    expect(sandbox.store.orders.orders.get(order.id)!.refundIds).toHaveLength(1);
    expect(await quantities(sandbox, token, inventoryItemId, locationId)).toMatchObject({ available: 8, committed: 2 });
    const view = (await graphql(sandbox, token, ORDER_QUERY, { id: order.id })).body.data.order;
    expect(view.lineItems.nodes[0]).toMatchObject({ currentQuantity: 2, unfulfilledQuantity: 2 });

    const refunds = sandbox.deliveries.slice(before).filter((d) => d.topic === "refunds/create");
    expect(refunds).toHaveLength(1);
    expect(JSON.parse(refunds[0]!.body)).toMatchObject({
      order_id: Number(order.id.split("/").pop()), note: "Buyer cancelled one unit on TikTok", restock: true,
      refund_line_items: [expect.objectContaining({ line_item_id: Number(line.id.split("/").pop()), quantity: 1, restock_type: "cancel" })],
      transactions: [expect.objectContaining({ kind: "refund", gateway: "TikTok Shop", status: "success", amount: "10.80" })],
    });

    const changed = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-1", input: { ...input, note: "other" } });
    expect(changed.body.data.refundCreate.userErrors[0].message).toBe("The same idempotency key cannot be used with different operation parameters.");
    const over = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-2", input: { orderId: order.id, transactions: [{ orderId: order.id, gateway: "TikTok Shop", kind: "REFUND", amount: "500.00" }] } });
    expect(over.body.data.refundCreate.userErrors[0].message).toContain("greater than net payment received");
    const tooMany = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-3", input: { orderId: order.id, refundLineItems: [{ lineItemId: line.id, quantity: 3, restockType: "CANCEL" }] } });
    expect(tooMany.body.data.refundCreate.userErrors[0].message).toBe("Quantity cannot refund more items than were purchased.");
    const returnUnshipped = await graphql(sandbox, token, REFUND_CREATE, { key: "refund-4", input: { orderId: order.id, refundLineItems: [{ lineItemId: line.id, quantity: 1, restockType: "RETURN" }] } });
    expect(returnUnshipped.body.data.refundCreate.userErrors[0].field).toEqual(["input", "refundLineItems", "0", "restockType"]);
  });
});
