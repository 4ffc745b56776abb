// Turns store changes into the webhook topics Shopify sends for them, while the app is installed.
import type { ShopifyStore, StoreChange } from "./store";
import type { WebhookEmitter } from "./webhook-emitter";
import { fulfillmentPayload, orderPayload, refundPayload } from "./order-webhook-payloads";
import { bulkFinishPayload, inventoryItemPayload, inventoryLevelPayload, productDeletePayload, productPayload, shopPayload } from "./webhook-payloads";

const ORDER_TOPICS = { "order/create": "orders/create", "order/update": "orders/updated", "order/cancel": "orders/cancelled" } as const;

export function connectStoreWebhooks(store: ShopifyStore, emitter: WebhookEmitter, options: { origin: () => string; installed: () => boolean }): void {
  store.onChange((change: StoreChange) => {
    if (!options.installed()) return;
    switch (change.kind) {
      case "product/create":
      case "product/update": {
        const product = store.products.get(change.productId);
        if (product) emitter.emit(change.kind === "product/create" ? "products/create" : "products/update", productPayload(store, product, options.origin()));
        break;
      }
      case "product/delete":
        emitter.emit("products/delete", productDeletePayload(change.snapshot));
        break;
      case "inventory_level/update":
        emitter.emit("inventory_levels/update", inventoryLevelPayload(store, change.inventoryItemId, change.locationId));
        break;
      case "inventory_item/update": {
        const item = store.inventoryItems.get(change.inventoryItemId);
        if (item) emitter.emit("inventory_items/update", inventoryItemPayload(item));
        break;
      }
      case "shop/update":
        emitter.emit("shop/update", shopPayload(store));
        break;
      case "bulk_operation/finish": {
        const op = store.bulkOperations.get(change.bulkOperationId);
        if (op) emitter.emit("bulk_operations/finish", bulkFinishPayload(op));
        break;
      }
      case "order/create":
      case "order/update":
      case "order/cancel":
        emitter.emit(ORDER_TOPICS[change.kind], orderPayload(store, store.orders.orders.get(change.orderId)!));
        break;
      case "fulfillment/create":
      case "fulfillment/update":
        emitter.emit(change.kind === "fulfillment/create" ? "fulfillments/create" : "fulfillments/update", fulfillmentPayload(store, store.orders.fulfillments.get(change.fulfillmentId)!));
        break;
      case "refund/create":
        emitter.emit("refunds/create", refundPayload(store, store.orders.refunds.get(change.refundId)!));
        break;
    }
  });
}
