// TikTok sends one line item per unit; Shopify wants one line per variant with a quantity. Lines are grouped
// by TikTok SKU (and by price, so a gift unit of a SKU stays apart from a paid one), keeping every TikTok
// line id: partial cancels, shipments and the external order reference name TikTok lines one by one.
import Decimal from "decimal.js";
import type { TikTokOrder } from "../../integrations/tiktok/types/order";

export interface OrderLine {
  tiktokSkuId: string;
  sellerSku: string;
  title: string;
  quantity: number;
  /** Price per unit before any discount (TikTok's original_price), decimal string. */
  unitPrice: string;
  /** Σ seller discount over the units. */
  sellerDiscount: string;
  /** Σ TikTok-funded discount over the units. */
  platformDiscount: string;
  /** Σ sales tax TikTok collected on the units (US), and its rate; empty when TikTok gave none per line. */
  tax: string;
  taxRate: string | null;
  gift: boolean;
  lineIds: string[];
}

interface LineFacts {
  id: string;
  sku_id: string;
  seller_sku?: string;
  product_name?: string;
  sku_name?: string;
  original_price?: string;
  seller_discount?: string;
  platform_discount?: string;
  is_gift?: boolean;
  item_tax?: Array<{ tax_amount?: string; tax_rate?: string }>;
}

const dec = (value: string | undefined) => new Decimal(value && value !== "" ? value : "0");

export function groupOrderLines(order: TikTokOrder): OrderLine[] {
  const groups = new Map<string, OrderLine>();
  for (const item of order.line_items as LineFacts[]) {
    const gift = item.is_gift === true;
    const unitPrice = gift ? "0.00" : dec(item.original_price).toFixed(2);
    const key = `${item.sku_id}|${unitPrice}|${gift}`;
    const tax = (item.item_tax ?? []).reduce((sum, t) => sum.plus(dec(t.tax_amount)), new Decimal(0));
    const line = groups.get(key) ?? {
      tiktokSkuId: item.sku_id,
      sellerSku: item.seller_sku ?? "",
      title: [item.product_name, item.sku_name].filter(Boolean).join(" — ") || `TikTok SKU ${item.sku_id}`,
      quantity: 0,
      unitPrice,
      sellerDiscount: "0.00",
      platformDiscount: "0.00",
      tax: "0.00",
      taxRate: item.item_tax?.[0]?.tax_rate ?? null,
      gift,
      lineIds: [],
    };
    line.quantity += 1;
    line.lineIds.push(item.id);
    line.sellerDiscount = dec(line.sellerDiscount)
      .plus(gift ? 0 : dec(item.seller_discount))
      .toFixed(2);
    line.platformDiscount = dec(line.platformDiscount)
      .plus(gift ? 0 : dec(item.platform_discount))
      .toFixed(2);
    line.tax = dec(line.tax).plus(tax).toFixed(2);
    groups.set(key, line);
  }
  return [...groups.values()];
}

/** Units per TikTok SKU: what a reservation moves out of Shopify's available stock. */
export function unitsBySku(lines: readonly OrderLine[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of lines) units.set(line.tiktokSkuId, (units.get(line.tiktokSkuId) ?? 0) + line.quantity);
  return units;
}
