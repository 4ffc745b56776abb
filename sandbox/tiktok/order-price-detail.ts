import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import type { Order, OrderLineItem } from "./model";
import { allocateCents, fromCents, toCents } from "./order-pricing";

/**
 * Get Price Detail (Order API 202407), derived from the order's own line prices and payment so both always agree:
 *   sku_sale_price = sku_list_price − subtotal_deduction_seller − subtotal_deduction_platform
 *   shipping_sale_price = shipping_list_price − shipping_fee_deduction_seller − shipping_fee_deduction_platform
 *   payment = sku_sale_price + shipping_sale_price + tax_amount (= payment.total_amount)
 *   total = sku_list_price + shipping_list_price
 * Order shipping is spread over the lines by list price; the lines add up to the order.
 */
interface Cents {
  list: number;
  seller: number;
  platform: number;
  productTax: number;
  shipList: number;
  shipSeller: number;
  shipPlatform: number;
  shipTax: number;
  gift: number;
}

const VOUCHER = { platformNewUser: "1010000", sellerSkuPrice: "1020000", platformFreeShipping: "1030000" };

function priceBlock(c: Cents, currency: string, taxRate: string) {
  const sale = c.list - c.seller - c.platform;
  const shipSale = c.shipList - c.shipSeller - c.shipPlatform;
  const tax = c.productTax + c.shipTax;
  return {
    currency, total: fromCents(c.list + c.shipList), payment: fromCents(sale + shipSale + tax),
    sku_list_price: fromCents(c.list), sku_sale_price: fromCents(sale), subtotal: fromCents(sale + c.productTax),
    subtotal_deduction_seller: fromCents(c.seller), subtotal_deduction_platform: fromCents(c.platform), subtotal_tax_amount: fromCents(c.productTax),
    voucher_deduction_platform: c.platform > 0 ? VOUCHER.platformNewUser : "", voucher_deduction_seller: c.seller > 0 ? VOUCHER.sellerSkuPrice : "",
    shipping_list_price: fromCents(c.shipList), shipping_sale_price: fromCents(shipSale),
    shipping_fee_deduction_seller: fromCents(c.shipSeller), shipping_fee_deduction_platform: fromCents(c.shipPlatform),
    shipping_fee_deduction_platform_voucher: c.shipPlatform > 0 ? VOUCHER.platformFreeShipping : "",
    tax_amount: fromCents(tax), tax_rate: taxRate, net_price_amount: fromCents(sale + c.productTax),
    cod_fee: "0.00", sku_gift_original_price: fromCents(c.gift), sku_gift_net_price: fromCents(c.gift),
  };
}

const lineTax = (li: OrderLineItem) => li.item_tax.reduce((a, t) => a + toCents(t.tax_amount), 0);

function lineCents(li: OrderLineItem, shipping: Pick<Cents, "shipList" | "shipSeller" | "shipPlatform" | "shipTax">): Cents {
  return {
    list: toCents(li.original_price), seller: toCents(li.seller_discount), platform: toCents(li.platform_discount), productTax: lineTax(li),
    gift: toCents(li.gift_retail_price), ...shipping,
  };
}

export function priceDetail(order: Order) {
  const p = order.payment;
  const lines = order.line_items;
  const weights = lines.map((l) => toCents(l.original_price));
  const spread = (amount: string) => allocateCents(toCents(amount), weights.some((w) => w > 0) ? weights : lines.map(() => 1));
  const [shipList, shipSeller, shipPlatform, shipTax] = [p.original_shipping_fee, p.shipping_fee_seller_discount, p.shipping_fee_platform_discount, p.shipping_fee_tax].map((a) => spread(a ?? "0"));
  const rate = lines[0]?.item_tax[0]?.tax_rate ?? "0";
  const perLine = lines.map((li, i) => ({ id: li.id, ...priceBlock(lineCents(li, { shipList: shipList![i]!, shipSeller: shipSeller![i]!, shipPlatform: shipPlatform![i]!, shipTax: shipTax![i]! }), li.currency, li.item_tax[0]?.tax_rate ?? "0") }));
  const orderCents: Cents = {
    list: toCents(p.original_total_product_price!), seller: toCents(p.seller_discount!), platform: toCents(p.platform_discount!), productTax: toCents(p.product_tax!),
    shipList: toCents(p.original_shipping_fee!), shipSeller: toCents(p.shipping_fee_seller_discount!), shipPlatform: toCents(p.shipping_fee_platform_discount!),
    shipTax: toCents(p.shipping_fee_tax!), gift: lines.reduce((a, l) => a + toCents(l.gift_retail_price), 0),
  };
  return { ...priceBlock(orderCents, p.currency!, rate), cod_fee_net_amount: "0.00", line_items: perLine.map((l) => ({ ...l, cod_fee_amount: "0.00" })) };
}

export const priceDetailRoutes: ApiRoute[] = [
  {
    method: "GET", template: "/order/202407/orders/{order_id}/price_detail", shopScoped: true, scope: "seller.order.info",
    handle: (ctx: ApiContext) => {
      const order = ctx.sim.state.orders.get(ctx.params.order_id ?? "");
      if (!order || order.shopId !== requireShop(ctx).id) throw businessError(21008111, "The order or package does not belong to the current seller.");
      return priceDetail(order);
    },
  },
];
