import Decimal from "decimal.js";
import { businessError } from "./api-error";
import type { Order, OrderLineItem, OrderStatus, Product, Shop, SkuState } from "./model";
import { imageUrl } from "./image-upload-api";
import type { Simulator } from "./simulator";

export interface PlaceOrderInput {
  shopId: string;
  items: Array<{ sku_id?: string; seller_sku?: string; quantity: number }>;
  buyer?: { user_id?: string; email?: string; message?: string };
  address?: Record<string, unknown>;
  shipping_type?: "TIKTOK" | "SELLER";
}

const NEXT: Partial<Record<OrderStatus, OrderStatus>> = {
  UNPAID: "ON_HOLD",
  ON_HOLD: "AWAITING_SHIPMENT",
  AWAITING_SHIPMENT: "IN_TRANSIT",
  AWAITING_COLLECTION: "IN_TRANSIT",
  PARTIALLY_SHIPPING: "IN_TRANSIT",
  IN_TRANSIT: "DELIVERED",
  DELIVERED: "COMPLETED",
};

const money = (d: Decimal) => d.toFixed(2);

function purchasable(p: Product): boolean {
  return p.status === "ACTIVATE" || (p.liveContent !== null && (p.status === "PENDING" || p.status === "FAILED"));
}

/** A buyer order: one line item per unit, payment amounts as decimal strings per the §7 formulas, stock committed. */
export function placeOrder(sim: Simulator, input: PlaceOrderInput): Order {
  const shop = sim.state.shops.get(input.shopId);
  if (!shop) throw businessError(36009004, "Unknown shop.");
  if (input.items.length === 0) throw businessError(12052910, "items is required.");
  const picks: Array<{ product: Product; sku: SkuState; quantity: number }> = [];
  for (const item of input.items) {
    const skuId = item.sku_id ?? (item.seller_sku ? sim.state.sellerSkuIndex.get(`${shop.id}\u0000${item.seller_sku}`) : undefined);
    const product = skuId ? sim.state.products.get(sim.state.skuToProduct.get(skuId) ?? "") : undefined;
    const sku = product?.skus.get(skuId ?? "");
    if (!product || !sku || product.shopId !== shop.id) throw businessError(12052910, `SKU ${item.sku_id ?? item.seller_sku} is not listed in this shop.`);
    if (!purchasable(product)) throw businessError(12052901, `Product ${product.id} is not live (status ${product.status}).`);
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw businessError(12052910, "quantity must be a positive integer.");
    const available = [...sku.inventory.values()].reduce((a, b) => a + b, 0);
    if (available < item.quantity) throw businessError(12052910, `Insufficient stock for SKU ${sku.id}: ${available} available.`);
    picks.push({ product, sku, quantity: item.quantity });
  }
  const now = sim.nowSeconds();
  const orderId = sim.ids.next("order");
  const packageId = sim.ids.next("package");
  const currency = picks[0]!.sku.price.currency;
  const lineItems: OrderLineItem[] = [];
  let warehouseId = "";
  for (const { product, sku, quantity } of picks) {
    for (let n = 0; n < quantity; n++) {
      // Commit one unit from the first warehouse that has stock.
      const [w] = [...sku.inventory].find(([, q]) => q > 0)!;
      sku.inventory.set(w, sku.inventory.get(w)! - 1);
      sku.committed.set(w, (sku.committed.get(w) ?? 0) + 1);
      warehouseId ||= w;
      lineItems.push({
        id: sim.ids.next("lineItem"), sku_id: sku.id, product_id: product.id, seller_sku: sku.seller_sku,
        product_name: (product.liveContent ?? product.content).title,
        sku_name: sku.sales_attributes.map((a) => `${a.name}: ${a.value_name}`).join(", "),
        sku_image: product.content.main_images[0] ? imageUrl(sim, product.content.main_images[0].uri) : "",
        original_price: sku.price.amount, sale_price: sku.price.amount, seller_discount: "0", platform_discount: "0", currency,
        display_status: "UNPAID", package_id: packageId, package_status: "TO_FULFILL", is_gift: false,
        tracking_number: "", shipping_provider_name: "", shipping_provider_id: "", warehouse_id: w, shipped_time: null,
      });
    }
  }
  const original = lineItems.reduce((a, l) => a.plus(l.original_price), new Decimal(0));
  const subTotal = original; // no discounts modelled: sub_total = original − seller_discount − platform_discount
  const originalShipping = new Decimal("5.99");
  const shippingPlatformDiscount = subTotal.gte(35) ? originalShipping : new Decimal(0);
  const shippingFee = originalShipping.minus(shippingPlatformDiscount);
  const taxRate = shop.region === "US" ? new Decimal("0.08") : new Decimal(0);
  const productTax = subTotal.times(taxRate).toDecimalPlaces(2);
  const total = subTotal.plus(shippingFee).plus(productTax);
  const order: Order = {
    id: orderId, shopId: shop.id, status: "UNPAID", create_time: now, paid_time: null, update_time: now,
    shipping_type: input.shipping_type ?? "SELLER", warehouse_id: warehouseId,
    delivery_option_id: shop.deliveryOptions[0]?.id ?? "",
    user_id: input.buyer?.user_id ?? "7021436810468239" + String(100 + (sim.state.orders.size % 900)),
    buyer_email: input.buyer?.email ?? "v2b2V5@chat.seller.tiktok.com", buyer_message: input.buyer?.message ?? "",
    payment: {
      currency, sub_total: money(subTotal), shipping_fee: money(shippingFee), seller_discount: "0.00", platform_discount: "0.00",
      tax: money(productTax), total_amount: money(total), original_total_product_price: money(original), original_shipping_fee: money(originalShipping),
      shipping_fee_seller_discount: "0.00", shipping_fee_platform_discount: money(shippingPlatformDiscount), product_tax: money(productTax),
      shipping_fee_tax: "0.00", retail_delivery_fee: "0.00",
    },
    recipient_address: defaultAddress(shop, input.address),
    line_items: lineItems, packages: [{ id: packageId }], cancel_reason: "", cancellation_initiator: "", cancel_time: null,
    is_buyer_request_cancel: false, request_cancel_time: null, tracking_number: "", shipping_provider: "", shipping_provider_id: "",
    shipped_time: null, delivery_time: null, stockReleased: false,
  };
  sim.state.orders.set(order.id, order);
  sim.state.ordersByShop.get(shop.id)!.push(order.id);
  sim.state.packageToOrder.set(packageId, order.id);
  emitStatus(sim, order);
  const delays = sim.options.orderDelaysMs ?? {};
  sim.scheduler.after(delays.payMs ?? 1_000, () => {
    if (order.status !== "UNPAID") return;
    setOrderStatus(sim, order, "ON_HOLD");
    sim.scheduler.after(delays.onHoldMs ?? 2_000, () => {
      if (order.status === "ON_HOLD") setOrderStatus(sim, order, "AWAITING_SHIPMENT");
    });
  });
  return order;
}

function defaultAddress(shop: Shop, address: Record<string, unknown> | undefined): Record<string, unknown> {
  const us = shop.region === "US";
  return {
    name: "Jordan Buyer", phone_number: us ? "(+1)213-***-1234" : "(+44)20-***-0000",
    full_address: us ? "1 Market St, San Jose, CA 95110, US" : "10 High St, London E1 6AN, GB",
    address_line1: us ? "1 Market St" : "10 High St", address_line2: "", postal_code: us ? "95110" : "E1 6AN", region_code: shop.region,
    district_info: [{ address_level: "L0", address_level_name: "Country", address_name: us ? "United States" : "United Kingdom" }],
    ...(address ?? {}),
  };
}

export function emitStatus(sim: Simulator, order: Order): void {
  sim.webhooks.emit(1, order.shopId, {
    order_id: order.id, order_status: order.status, is_on_hold_order: order.status === "ON_HOLD", update_time: order.update_time,
  });
}

export function setOrderStatus(sim: Simulator, order: Order, status: OrderStatus): void {
  const now = sim.nowSeconds();
  order.status = status;
  order.update_time = now;
  if (status === "ON_HOLD") order.paid_time = now;
  if (status === "DELIVERED") order.delivery_time = now;
  for (const li of order.line_items) li.display_status = status;
  if (status === "CANCELLED") releaseStock(sim, order, true);
  if (status === "IN_TRANSIT") releaseStock(sim, order, false);
  emitStatus(sim, order);
}

/** Committed stock leaves the warehouse when shipped, or returns to available stock when cancelled. */
function releaseStock(sim: Simulator, order: Order, restock: boolean): void {
  if (order.stockReleased) return;
  order.stockReleased = true;
  for (const li of order.line_items) {
    const product = sim.state.products.get(li.product_id);
    const sku = product?.skus.get(li.sku_id);
    if (!sku) continue;
    sku.committed.set(li.warehouse_id, Math.max(0, (sku.committed.get(li.warehouse_id) ?? 0) - 1));
    if (restock) sku.inventory.set(li.warehouse_id, (sku.inventory.get(li.warehouse_id) ?? 0) + 1);
  }
}

export function advanceOrder(sim: Simulator, order: Order): OrderStatus {
  const next = NEXT[order.status];
  if (!next) throw businessError(12052901, `Order ${order.id} in status ${order.status} cannot advance.`);
  if (next === "IN_TRANSIT" && order.status === "AWAITING_SHIPMENT") {
    for (const li of order.line_items) li.package_status = "PROCESSING";
    order.shipped_time = sim.nowSeconds();
  }
  setOrderStatus(sim, order, next);
  return next;
}
