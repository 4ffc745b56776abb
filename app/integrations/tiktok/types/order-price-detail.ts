import { z } from "zod";
import { decimalString, tiktokId } from "./tiktok-primitives";

const money = decimalString.optional();

/**
 * Get Price Detail (Order API 202407): list and sale prices, who funded which discount, tax. For the order and
 * per line item. Identities (docs): sku_sale_price = sku_list_price − subtotal_deduction_seller −
 * subtotal_deduction_platform; payment = sku_sale_price + shipping_sale_price + tax_amount (+ small_order_fee).
 */
const priceFields = {
  currency: z.string().optional(),
  total: money,
  payment: money,
  sku_list_price: money,
  sku_sale_price: money,
  subtotal: money,
  subtotal_deduction_seller: money,
  subtotal_deduction_platform: money,
  subtotal_tax_amount: money,
  voucher_deduction_platform: z.string().optional(),
  voucher_deduction_seller: z.string().optional(),
  shipping_list_price: money,
  shipping_sale_price: money,
  shipping_fee_deduction_seller: money,
  shipping_fee_deduction_platform: money,
  shipping_fee_deduction_platform_voucher: z.string().optional(),
  tax_amount: money,
  tax_rate: money,
  net_price_amount: money,
  cod_fee: money,
  sku_gift_original_price: money,
  sku_gift_net_price: money,
};

export const priceDetailLineSchema = z.looseObject({ id: tiktokId, ...priceFields });
export const priceDetailResultSchema = z.looseObject({
  ...priceFields,
  line_items: z.array(priceDetailLineSchema).default([]),
});
export type TikTokPriceDetail = z.infer<typeof priceDetailResultSchema>;
