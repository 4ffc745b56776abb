// Documents for TikTok orders in Shopify: find an order already imported (ours by source identifier, or
// TikTok's own channel by its tag), create it, hold its fulfilment during TikTok's cancellation hour, and
// cancel it. `orderCreate` has no idempotency key, so exactly-once rests on the lookup (see import-order.ts).
export const ORDERS_BY_QUERY = /* GraphQL */ `
  query OrdersBySearch($query: String!) {
    orders(first: 2, query: $query) {
      nodes {
        id
        name
        sourceIdentifier
        tags
        cancelledAt
        lineItems(first: 100) {
          nodes {
            id
            sku
            quantity
            variant {
              id
            }
          }
        }
      }
    }
  }
`;

export interface ShopifyOrderSummary {
  id: string;
  name: string;
  sourceIdentifier: string | null;
  tags: string[];
  cancelledAt: string | null;
  lineItems: { nodes: Array<{ id: string; sku: string | null; quantity: number; variant: { id: string } | null }> };
}

export interface OrdersBySearchResult {
  orders: { nodes: ShopifyOrderSummary[] };
}

export const ORDER_CREATE_MUTATION = /* GraphQL */ `
  mutation TikTokOrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
    orderCreate(order: $order, options: $options) {
      order {
        id
        name
        sourceIdentifier
        tags
        cancelledAt
        lineItems(first: 100) {
          nodes {
            id
            sku
            quantity
            variant {
              id
            }
          }
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export interface ShopifyUserError {
  code: string | null;
  field: string[] | null;
  message: string;
}

export interface OrderCreateResult {
  orderCreate: { order: ShopifyOrderSummary | null; userErrors: ShopifyUserError[] };
}

export const ORDER_FULFILLMENT_ORDERS_QUERY = /* GraphQL */ `
  query OrderFulfillmentOrders($id: ID!) {
    order(id: $id) {
      fulfillmentOrders(first: 10) {
        nodes {
          id
          status
          fulfillmentHolds {
            id
            handle
          }
        }
      }
    }
  }
`;

export interface OrderFulfillmentOrdersResult {
  order: {
    fulfillmentOrders: {
      nodes: Array<{ id: string; status: string; fulfillmentHolds: Array<{ id: string; handle: string | null }> }>;
    };
  } | null;
}

export const FULFILLMENT_ORDER_HOLD_MUTATION = /* GraphQL */ `
  mutation TikTokRemorseHold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export interface FulfillmentOrderHoldResult {
  fulfillmentOrderHold: { fulfillmentHold: { id: string } | null; userErrors: ShopifyUserError[] };
}

export const FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION = /* GraphQL */ `
  mutation TikTokRemorseRelease($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export interface FulfillmentOrderReleaseHoldResult {
  fulfillmentOrderReleaseHold: { fulfillmentOrder: { id: string } | null; userErrors: ShopifyUserError[] };
}

export const ORDER_CANCEL_MUTATION = /* GraphQL */ `
  mutation TikTokOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $staffNote: String) {
    orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: false, staffNote: $staffNote) {
      job {
        id
        done
      }
      orderCancelUserErrors {
        code
        field
        message
      }
    }
  }
`;

export interface OrderCancelResult {
  orderCancel: { job: { id: string; done: boolean } | null; orderCancelUserErrors: ShopifyUserError[] };
}

export const ORDER_LINES_QUERY = /* GraphQL */ `
  query OrderLinesForRefund($id: ID!) {
    order(id: $id) {
      lineItems(first: 100) {
        nodes {
          id
          unfulfilledQuantity
        }
      }
    }
  }
`;

export interface OrderLinesResult {
  order: { lineItems: { nodes: Array<{ id: string; unfulfilledQuantity: number }> } } | null;
}

/** Shopify requires @idempotent on refundCreate (2026-04+): the same key returns the first refund. */
export const REFUND_CREATE_MUTATION = /* GraphQL */ `
  mutation TikTokRefund($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export interface RefundCreateResult {
  refundCreate: { refund: { id: string } | null; userErrors: Array<{ field: string[] | null; message: string }> };
}

export const FULFILLMENT_CREATE_MUTATION = /* GraphQL */ `
  mutation TikTokShipment($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export interface FulfillmentCreateResult {
  fulfillmentCreate: {
    fulfillment: { id: string } | null;
    userErrors: Array<{ field: string[] | null; message: string }>;
  };
}
