// Why a TikTok order waits instead of becoming a Shopify order, in the merchant's words, with what to do.
// A waiting order is tried again by itself (the safety-net run) and by "Retry" once the cause is fixed.
export interface OrderProblem {
  code:
    | "UNKNOWN_SKU"
    | "CURRENCY_MISMATCH"
    | "ADDRESS_MISSING"
    | "MONEY_MISMATCH"
    | "SHOPIFY_REFUSED"
    | "CARRIER_UNKNOWN";
  message: string;
  fix: string;
}

export function unknownSkus(skus: ReadonlyArray<{ sellerSku: string; title: string }>): OrderProblem {
  const names = skus.map((s) => (s.sellerSku ? `${s.sellerSku} (${s.title})` : s.title)).join(", ");
  return {
    code: "UNKNOWN_SKU",
    message: `TikTok sold ${names}, which the app cannot match to a Shopify variant.`,
    fix: "Sync the product from the Products page (a listing already on TikTok with the same seller SKU is linked, not listed twice), then press Retry. The order imports as soon as every item matches.",
  };
}

export function currencyMismatch(orderCurrency: string, shopCurrency: string): OrderProblem {
  return {
    code: "CURRENCY_MISMATCH",
    message: `The TikTok order is in ${orderCurrency} but your Shopify store sells in ${shopCurrency}.`,
    fix: `Link the TikTok shop of the region that sells in ${shopCurrency}, or change the store currency in Shopify's settings; then press Retry.`,
  };
}

export function addressMissing(): OrderProblem {
  return {
    code: "ADDRESS_MISSING",
    message: "TikTok has not given the delivery address of this order yet.",
    fix: "Nothing to do now: the app tries again by itself. If it still waits in an hour, open the order in TikTok Seller Center.",
  };
}

export function moneyMismatch(expected: string, paid: string, currency: string): OrderProblem {
  return {
    code: "MONEY_MISMATCH",
    message: `The order's items, shipping and tax add up to ${expected} ${currency}, but the buyer and TikTok paid ${paid} ${currency}; the app does not create an order whose total would be wrong.`,
    fix: "Compare the order in TikTok Seller Center with its items here, then press Retry. If the amounts stay different, contact support with this order id.",
  };
}

export function shopifyRefused(messages: readonly string[]): OrderProblem {
  return {
    code: "SHOPIFY_REFUSED",
    message: `Shopify refused the order: ${messages.join("; ")}.`,
    fix: "Fix what Shopify names (often a deleted variant or product), then press Retry.",
  };
}

export function carrierUnknown(company: string, providers: readonly string[]): OrderProblem {
  return {
    code: "CARRIER_UNKNOWN",
    message: `The order was fulfilled in Shopify with "${company}", a carrier TikTok does not list for this order, so TikTok does not show it shipped yet.`,
    fix: `Choose which of TikTok's carriers "${company}" is (${
      providers.join(", ") || "TikTok listed none"
    }) on this order's page: the app remembers it and sends the tracking.`,
  };
}
