import Decimal from "decimal.js";
import { businessError } from "./api-error";
import type { Shop } from "./model";
import { DEFAULT_ON_HOLD_SECONDS } from "./order-lifecycle";
import type { OrderItemRef, PlaceOrderInput } from "./order-placement";
import type { Simulator } from "./simulator";

/**
 * Reads the body of POST /sandbox/orders (README "Admin endpoints"). Unknown keys and wrong types are refused
 * (12052910), so a test's typo never silently places a plain order.
 */
const KEYS = new Set([
  "shop_id", "shop_cipher", "seller_id", "items", "gift", "buyer", "address", "shipping_type", "fulfillment_type", "hold",
  "on_hold_seconds", "onHoldSeconds", "sample", "is_replacement_order", "replaced_order_id", "seller_discount", "platform_discount", "tax_rate",
]);

type Body = Record<string, unknown>;
const invalid = (message: string) => businessError(12052910, `Invalid order request: ${message}`);

function itemRefs(value: unknown, key: string): OrderItemRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${key} must be an array of {sku_id | seller_sku, quantity}.`);
  return value.map((v) => {
    if (typeof v !== "object" || v === null) throw invalid(`${key} entries must be objects.`);
    const { sku_id, seller_sku, quantity } = v as Body;
    if (typeof sku_id !== "string" && typeof seller_sku !== "string") throw invalid(`${key} entries need sku_id or seller_sku.`);
    return { sku_id: sku_id as string | undefined, seller_sku: seller_sku as string | undefined, quantity: quantity === undefined ? 1 : Number(quantity) };
  });
}

function object<T>(body: Body, key: string): T | undefined {
  const v = body[key];
  if (v !== undefined && (typeof v !== "object" || v === null || Array.isArray(v))) throw invalid(`${key} must be an object.`);
  return v as T | undefined;
}

function bool(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v !== undefined && typeof v !== "boolean") throw invalid(`${key} must be true or false.`);
  return v;
}

function amount(body: Body, key: string): string {
  const v = body[key];
  if (v === undefined) return "0";
  const s = typeof v === "number" ? String(v) : v;
  if (typeof s !== "string" || !/^\d+(\.\d{1,2})?$/.test(s)) throw invalid(`${key} must be a non-negative amount with at most 2 decimals.`);
  return s;
}

function taxRate(body: Body, shop: Shop): string | null {
  if (body.tax_rate === undefined) return shop.region === "US" ? "0.08" : null;
  if (shop.region !== "US") throw invalid("tax_rate applies to US shops only (item-level sales tax).");
  const s = String(body.tax_rate);
  if (!/^0(\.\d{1,4})?$/.test(s)) throw invalid("tax_rate must be a decimal rate below 1 (e.g. \"0.0825\").");
  return new Decimal(s).toString();
}

function onHoldSeconds(sim: Simulator, body: Body): number {
  const v = body.on_hold_seconds ?? body.onHoldSeconds;
  if (v === undefined) {
    const ms = sim.options.orderDelaysMs?.onHoldMs;
    return ms === undefined ? DEFAULT_ON_HOLD_SECONDS : ms / 1000;
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalid("on_hold_seconds must be a non-negative number.");
  return v;
}

function kind(body: Body): Pick<PlaceOrderInput, "fulfillmentType" | "shippingType"> {
  const fulfillmentType = body.fulfillment_type ?? "FULFILLMENT_BY_SELLER";
  if (fulfillmentType !== "FULFILLMENT_BY_SELLER" && fulfillmentType !== "FULFILLMENT_BY_TIKTOK") throw invalid("fulfillment_type must be FULFILLMENT_BY_SELLER or FULFILLMENT_BY_TIKTOK.");
  const shipping = body.shipping_type ?? (fulfillmentType === "FULFILLMENT_BY_TIKTOK" ? "TIKTOK" : "SELLER");
  if (shipping !== "SELLER" && shipping !== "TIKTOK") throw invalid("shipping_type must be SELLER or TIKTOK.");
  if (fulfillmentType === "FULFILLMENT_BY_TIKTOK" && shipping !== "TIKTOK") throw invalid("orders fulfilled by TikTok are shipped by TikTok (shipping_type TIKTOK).");
  return { fulfillmentType, shippingType: shipping };
}

function replacedOrderId(body: Body): string | null {
  const flag = bool(body, "is_replacement_order") ?? false;
  const id = body.replaced_order_id;
  if (flag !== (id !== undefined)) throw invalid("is_replacement_order: true and replaced_order_id go together.");
  if (id !== undefined && typeof id !== "string") throw invalid("replaced_order_id must be a string.");
  return id ?? null;
}

export function parsePlaceOrderRequest(sim: Simulator, shop: Shop, body: Body): PlaceOrderInput {
  const unknown = Object.keys(body).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) throw invalid(`unknown option(s) ${unknown.join(", ")}.`);
  const items = itemRefs(body.items, "items");
  if (items.length === 0) throw invalid("items [{sku_id | seller_sku, quantity}] is required.");
  const sample = bool(body, "sample") ?? false;
  const replaced = replacedOrderId(body);
  const hold = bool(body, "hold") ?? !(sample || replaced !== null);
  if (hold && (sample || replaced !== null)) throw invalid("free samples and replacements have no on-hold period (hold must be false).");
  const free = sample || replaced !== null;
  const sellerDiscount = amount(body, "seller_discount");
  const platformDiscount = amount(body, "platform_discount");
  if (free && (Number(sellerDiscount) > 0 || Number(platformDiscount) > 0)) throw invalid("free samples and replacements carry no discounts.");
  return {
    shopId: shop.id, items, gifts: itemRefs(body.gift, "gift"), buyer: object(body, "buyer"), address: object(body, "address"),
    ...kind(body), hold, onHoldSeconds: onHoldSeconds(sim, body), sample, replacedOrderId: replaced, sellerDiscount, platformDiscount, taxRate: taxRate(body, shop),
  };
}
