import { businessError } from "./api-error";
import { imageUrl } from "./image-upload-api";
import type { FulfillmentType, Order, OrderLineItem, Product, Shop, SkuState } from "./model";
import { emitStatus, schedulePayment } from "./order-lifecycle";
import { priceOrder, type PricedLine } from "./order-pricing";
import { assertStock, commitUnit, tiktokWarehouseId } from "./order-stock";
import { defaultRecipientAddress } from "./recipient-address";
import type { Simulator } from "./simulator";

export interface OrderItemRef {
  sku_id?: string;
  seller_sku?: string;
  quantity: number;
}

/** A buyer order as POST /sandbox/orders describes it, defaults resolved (order-request.ts). */
export interface PlaceOrderInput {
  shopId: string;
  items: OrderItemRef[];
  /** Free gift lines (`is_gift`, prices 0, `gift_retail_price` = the SKU's price). */
  gifts: OrderItemRef[];
  buyer?: { user_id?: string; email?: string; message?: string };
  address?: Record<string, unknown>;
  shippingType: "TIKTOK" | "SELLER";
  fulfillmentType: FulfillmentType;
  hold: boolean;
  onHoldSeconds: number;
  sample: boolean;
  replacedOrderId: string | null;
  sellerDiscount: string;
  platformDiscount: string;
  taxRate: string | null;
}

interface Unit {
  product: Product;
  sku: SkuState;
  gift: boolean;
}

function purchasable(p: Product): boolean {
  return p.status === "ACTIVATE" || (p.liveContent !== null && (p.status === "PENDING" || p.status === "FAILED"));
}

/** One entry per unit; gifts need not be on sale (non-sellable gifts) but must be this shop's SKUs. */
function resolveUnits(sim: Simulator, shop: Shop, refs: OrderItemRef[], gift: boolean): Unit[] {
  return refs.flatMap((ref) => {
    const skuId = ref.sku_id ?? (ref.seller_sku ? sim.state.sellerSkuIndex.get(`${shop.id}\u0000${ref.seller_sku}`) : undefined);
    const product = skuId ? sim.state.products.get(sim.state.skuToProduct.get(skuId) ?? "") : undefined;
    const sku = product?.skus.get(skuId ?? "");
    if (!product || !sku || product.shopId !== shop.id) throw businessError(12052910, `SKU ${ref.sku_id ?? ref.seller_sku} is not listed in this shop.`);
    if (!gift && !purchasable(product)) throw businessError(12052901, `Product ${product.id} is not live (status ${product.status}).`);
    if (!Number.isInteger(ref.quantity) || ref.quantity < 1) throw businessError(12052910, "quantity must be a positive integer.");
    return Array.from({ length: ref.quantity }, () => ({ product, sku, gift }));
  });
}

function lineItem(sim: Simulator, unit: Unit, price: PricedLine, ids: { line: string; package: string; warehouse: string }, currency: string): OrderLineItem {
  const { product, sku } = unit;
  return {
    id: ids.line, sku_id: sku.id, product_id: product.id, seller_sku: sku.seller_sku,
    product_name: (product.liveContent ?? product.content).title,
    sku_name: sku.sales_attributes.map((a) => `${a.name}: ${a.value_name}`).join(", "),
    sku_image: product.content.main_images[0] ? imageUrl(sim, product.content.main_images[0].uri) : "",
    ...price, currency, display_status: "UNPAID", package_id: ids.package, package_status: "TO_FULFILL", is_gift: unit.gift,
    tracking_number: "", shipping_provider_name: "", shipping_provider_id: "", warehouse_id: ids.warehouse, shipped_time: null,
  };
}

function checkReplacement(sim: Simulator, shop: Shop, replacedOrderId: string | null): void {
  if (replacedOrderId === null) return;
  const replaced = sim.state.orders.get(replacedOrderId);
  if (!replaced || replaced.shopId !== shop.id) throw businessError(12052910, `replaced_order_id ${replacedOrderId} is not an order of this shop.`);
}

/** A buyer order: one line item per unit, money per order-pricing.ts, seller stock committed unless TikTok fulfils. */
export function placeOrder(sim: Simulator, input: PlaceOrderInput): Order {
  const shop = sim.state.shops.get(input.shopId);
  if (!shop) throw businessError(36009004, "Unknown shop.");
  if (input.items.length === 0) throw businessError(12052910, "items is required.");
  checkReplacement(sim, shop, input.replacedOrderId);
  const units = [...resolveUnits(sim, shop, input.items, false), ...resolveUnits(sim, shop, input.gifts, true)];
  const currency = units[0]!.sku.price.currency;
  const priced = priceOrder({
    lines: units.map((u) => ({ unitPrice: u.sku.price.amount, gift: u.gift })), sellerDiscount: input.sellerDiscount,
    platformDiscount: input.platformDiscount, taxRate: input.taxRate, zeroPriced: input.sample || input.replacedOrderId !== null, currency,
  });
  const fbt = input.fulfillmentType === "FULFILLMENT_BY_TIKTOK";
  if (!fbt) assertStock(units.reduce((m, u) => m.set(u.sku, (m.get(u.sku) ?? 0) + 1), new Map<SkuState, number>()));
  const packageId = sim.ids.next("package");
  const lines = units.map((u, i) =>
    lineItem(sim, u, priced.lines[i]!, { line: sim.ids.next("lineItem"), package: packageId, warehouse: fbt ? tiktokWarehouseId(shop) : commitUnit(u.sku) }, currency));
  const order = newOrder(sim, shop, input, lines, priced.payment);
  sim.state.orders.set(order.id, order);
  sim.state.ordersByShop.get(shop.id)!.push(order.id);
  sim.state.packageToOrder.set(packageId, order.id);
  emitStatus(sim, order);
  schedulePayment(sim, order);
  return order;
}

function newOrder(sim: Simulator, shop: Shop, input: PlaceOrderInput, lines: OrderLineItem[], payment: Record<string, string>): Order {
  const now = sim.nowSeconds();
  const option = shop.deliveryOptions[0];
  return {
    id: sim.ids.next("order"), shopId: shop.id, status: "UNPAID", create_time: now, paid_time: null, update_time: now,
    shipping_type: input.shippingType, fulfillment_type: input.fulfillmentType, is_on_hold_order: input.hold, onHoldSeconds: input.onHoldSeconds,
    is_sample_order: input.sample, is_replacement_order: input.replacedOrderId !== null, replaced_order_id: input.replacedOrderId ?? "",
    warehouse_id: lines[0]!.warehouse_id, delivery_option_id: option?.id ?? "", delivery_option_name: option?.name ?? "",
    user_id: input.buyer?.user_id ?? "7021436810468239" + String(100 + (sim.state.orders.size % 900)),
    buyer_email: input.buyer?.email ?? "v2b2V5@chat.seller.tiktok.com", buyer_message: input.buyer?.message ?? "",
    payment, recipient_address: defaultRecipientAddress(shop, input.address),
    line_items: lines, packages: [{ id: lines[0]!.package_id }], cancel_reason: "", cancellation_initiator: "", cancel_time: null,
    is_buyer_request_cancel: false, request_cancel_time: null, tracking_number: "", shipping_provider: "", shipping_provider_id: "",
    shipped_time: null, delivery_time: null, completedAt: null, stockReleased: false, externalOrders: new Map(),
  };
}
