// TikTok prices are in the TikTok shop's currency; our price rules do not convert currencies (no exchange
// rates in a pure function), so a Shopify store pricing in another currency cannot be listed as is.
import { blocking, type Finding } from "../listing/finding";

export function checkCurrency(shopifyCurrency: string, tiktokCurrency: string, regionCurrency: string, region: string): Finding[] {
  const findings: Finding[] = [];
  if (tiktokCurrency !== regionCurrency) {
    findings.push(
      blocking("CURRENCY_NOT_REGION_CURRENCY", "skus[].price.currency", `TikTok Shop ${region} sells in ${regionCurrency}, but the listing settings say ${tiktokCurrency}.`, `Set the TikTok currency to ${regionCurrency} in the app settings (or link the TikTok shop of the market that sells in ${tiktokCurrency}).`, { tiktokErrorCode: "12052084", source: "TikTok Shop Partner Center: Create product (currency by region)" }),
    );
  }
  if (shopifyCurrency !== tiktokCurrency) {
    findings.push(
      blocking("CURRENCY_MISMATCH", "skus[].price.currency", `Your Shopify prices are in ${shopifyCurrency} but your TikTok shop sells in ${tiktokCurrency}; sending ${shopifyCurrency} amounts as ${tiktokCurrency} would misprice every product.`, `Change your Shopify store currency to ${tiktokCurrency}, or set up a Shopify market in ${tiktokCurrency} with fixed prices before syncing.`, { tiktokErrorCode: "12052084", source: "TikTok Shop Partner Center: Create product (currency by region)" }),
    );
  }
  return findings;
}
