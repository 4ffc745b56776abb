// Payments: TikTok collects what buyers pay and pays the seller out to a bank account set in Seller
// Center; the app imports TikTok orders into Shopify as already paid. The payout readiness comes from
// TikTok's listing prerequisites check (BANk_ACCOUNT — TikTok's spelling).
import { regionLimits, TIKTOK_REGIONS, type TikTokRegion } from "../listing/listing-limits";
import type { ReadinessItem } from "../readiness/readiness-item";
import { notLinkedItem } from "./shipping-checks";
import { prerequisite, type PoliciesFacts } from "./policies-facts";
import { sellerCenterUrl } from "./seller-center-links";

/** How a TikTok order appears in Shopify (shown on the page; the orders import follows it). */
export const TIKTOK_ORDER_GATEWAY = "TikTok Shop";

export function regionCurrency(region: string): string | null {
  const normalized = region.toUpperCase() === "UK" ? "GB" : region.toUpperCase();
  return (TIKTOK_REGIONS as readonly string[]).includes(normalized) ? regionLimits(normalized as TikTokRegion).currency : null;
}

export function checkPayout(facts: PoliciesFacts): ReadinessItem {
  const id = "payments.payout";
  const title = "Payouts from TikTok";
  const why = "Buyers pay TikTok; TikTok pays your earnings, after its fees, to the bank account in Seller Center. Without one TikTok holds your money and refuses listings.";
  if (!facts.tiktok) return notLinkedItem(id, "payments", title, why, facts);
  const bank = prerequisite(facts, "BANK_ACCOUNT");
  const currency = regionCurrency(facts.tiktok.region);
  const currencyNote = currency && currency !== facts.shopify.currency
    ? ` TikTok pays out in ${currency}, while your store sells in ${facts.shopify.currency}.`
    : currency ? ` TikTok pays out in ${currency}, your store's currency.` : "";
  if (!bank) {
    return {
      id, section: "payments", title, why, status: "unknown",
      detail: `TikTok did not report whether a bank account is linked.${currencyNote}`,
      nextStep: "Check in TikTok Seller Center (Finance → Bank account) that a verified bank account is linked.",
      action: { label: "Open Seller Center", url: sellerCenterUrl(facts.tiktok.region), external: true },
    };
  }
  if (bank.failed) {
    return {
      id, section: "payments", title, why, status: "blocked",
      detail: `Your TikTok shop ${facts.tiktok.shopName} has no bank account for payouts${bank.reasons.length ? ` (TikTok: "${bank.reasons.join(" ")}")` : ""}.${currencyNote}`,
      nextStep: "Add and verify a bank account in TikTok Seller Center (Finance → Bank account). It must be in the name of the business or person registered with TikTok.",
      action: { label: "Add a bank account in Seller Center", url: sellerCenterUrl(facts.tiktok.region), external: true },
    };
  }
  return {
    id, section: "payments", title, why, status: "done",
    detail: `A bank account is linked for payouts.${currencyNote}`,
    nextStep: null, action: null,
  };
}
