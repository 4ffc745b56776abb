// Turns store changes into the webhook topics Shopify sends for them, while the app is installed.
import type { ShopifyStore, StoreChange } from "./store";
import type { WebhookEmitter } from "./webhook-emitter";
import { fulfillmentPayload, orderPayload, refundPayload } from "./order-webhook-payloads";
import { bulkFinishPayload, inventoryItemPayload, inventoryLevelPayload, productDeletePayload, productPayload, shopPayload } from "./webhook-payloads";

const ORDER_TOPICS = { "order/create": "orders/create", "order/update": "orders/updated", "order/cancel": "orders/cancelled" } as const;

export function connectStoreWebhooks(store: ShopifyStore, emitter: WebhookEmitter, options: { origin: () => string; installed: () => boolean }): void {
  const subscribed = (topic: string) => emitter.subscribedTopics().includes(topic);
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
      // Order payloads are large: built only for topics the app subscribes to.
      case "order/create":
      case "order/update":
      case "order/cancel":
        if (subscribed(ORDER_TOPICS[change.kind])) emitter.emit(ORDER_TOPICS[change.kind], orderPayload(store, store.orders.orders.get(change.orderId)!));
        break;
      case "fulfillment/create":
      case "fulfillment/update": {
        const topic = change.kind === "fulfillment/create" ? "fulfillments/create" : "fulfillments/update";
        if (subscribed(topic)) emitter.emit(topic, fulfillmentPayload(store, store.orders.fulfillments.get(change.fulfillmentId)!));
        break;
      }
      case "refund/create":
        if (subscribed("refunds/create")) emitter.emit("refunds/create", refundPayload(store, store.orders.refunds.get(change.refundId)!));
        break;
    }
  });
}
