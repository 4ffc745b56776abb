// node(id) / nodes(ids): any stored record by its global id, with the scope its type needs.
import { GraphQLError } from "graphql";
import { parseGid } from "../shopify-ids";
import { bulkOperationView } from "./bulk-views";
import { collectionView } from "./collection-views";
import { deliveryProfileView } from "./delivery-views";
import { inventoryItemView, inventoryLevelView } from "./inventory-views";
import { fulfillmentOrderView, fulfillmentView } from "./fulfillment-views";
import { locationView } from "./location-views";
import { mediaImageView } from "./media-views";
import { metafieldView } from "./metafield-views";
import { orderView } from "./order-views";
import { productView, variantView } from "./product-views";
import { refundView } from "./refund-views";
import { requireScope, type ResolverContext } from "./resolver-context";
import { shopView } from "./shop-views";

export function assertGlobalId(id: string): void {
  if (!parseGid(id)) {
    throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" } });
  }
}

export function lookupNode(ctx: ResolverContext, id: string): unknown {
  assertGlobalId(id);
  const type = parseGid(id)!.type;
  const store = ctx.store;
  switch (type) {
    case "Product": {
      requireScope(ctx, "read_products", "node");
      const p = store.products.get(id);
      return p ? productView(ctx, p) : null;
    }
    case "ProductVariant": {
      requireScope(ctx, "read_products", "node");
      const v = store.variants.get(id);
      return v ? variantView(ctx, v) : null;
    }
    case "MediaImage": {
      requireScope(ctx, "read_products", "node");
      const m = store.media.get(id);
      return m ? mediaImageView(ctx, m) : null;
    }
    case "Collection": {
      requireScope(ctx, "read_products", "node");
      const c = store.collections.get(id);
      return c ? collectionView(ctx, c) : null;
    }
    case "InventoryItem": {
      requireScope(ctx, "read_inventory", "node");
      const i = store.inventoryItems.get(id);
      return i ? inventoryItemView(ctx, i) : null;
    }
    case "InventoryLevel": {
      requireScope(ctx, "read_inventory", "node");
      const l = store.inventoryLevelsById.get(id);
      return l ? inventoryLevelView(ctx, l) : null;
    }
    case "Location": {
      requireScope(ctx, "read_locations", "node");
      const l = store.locations.get(id);
      return l ? locationView(ctx, l) : null;
    }
    case "DeliveryProfile": {
      requireScope(ctx, "read_shipping", "node");
      const d = store.deliveryProfiles.find((p) => p.id === id);
      return d ? deliveryProfileView(ctx, d) : null;
    }
    case "BulkOperation": {
      const b = store.bulkOperations.get(id);
      return b ? bulkOperationView(ctx, b) : null;
    }
    case "Metafield": {
      const m = store.metafields.get(id);
      return m ? metafieldView(m) : null;
    }
    case "Order": {
      requireScope(ctx, "read_orders", "node");
      const o = store.orders.orders.get(id);
      return o ? orderView(ctx, o) : null;
    }
    case "FulfillmentOrder": {
      requireScope(ctx, "read_merchant_managed_fulfillment_orders", "node");
      const fo = store.orders.fulfillmentOrders.get(id);
      return fo ? fulfillmentOrderView(ctx, fo) : null;
    }
    case "Fulfillment": {
      requireScope(ctx, "read_fulfillments", "node");
      const f = store.orders.fulfillments.get(id);
      return f ? fulfillmentView(ctx, f) : null;
    }
    case "Refund": {
      requireScope(ctx, "read_orders", "node");
      const r = store.orders.refunds.get(id);
      return r ? refundView(ctx, r) : null;
    }
    case "Shop":
      return id === store.shop.id ? shopView(ctx) : null;
    default:
      return null;
  }
}
