// TikTok verifies the seller's business against legal documents, and buyers, payouts and tax forms use
// those details: the business information in Shopify and in TikTok must say the same. Compared field by
// field after normalising what differs only in form (case, spacing, punctuation, "Street"/"St", phone
// formatting), each mismatch says which side to correct.
import type { ReadinessItem } from "./readiness-item";
import { sellerCenter, shopifyGeneralSettings } from "./readiness-links";
import type { PostalAddress, SellerBusinessProfile } from "./seller-profile";

export interface ShopifyBusinessInfo {
  legalName: string;
  address: PostalAddress;
  /** The store owner's email (Shopify's account email) and the customer-facing contact email. */
  emails: string[];
  phone: string;
}

export type BusinessField = "legal_name" | "address" | "email" | "phone";

const WORDS: Array<[RegExp, string]> = [
  [/\band\b/g, "&"],
  [/\blimited\b/g, "ltd"], [/\bincorporated\b/g, "inc"], [/\bcorporation\b/g, "corp"], [/\bcompany\b/g, "co"],
  [/\bl\s?l\s?c\b/g, "llc"],
  [/\bstreet\b/g, "st"], [/\bavenue\b/g, "ave"], [/\broad\b/g, "rd"], [/\bboulevard\b/g, "blvd"], [/\bdrive\b/g, "dr"],
  [/\blane\b/g, "ln"], [/\bsuite\b/g, "ste"], [/\bapartment\b/g, "apt"], [/\bplace\b/g, "pl"], [/\bcourt\b/g, "ct"],
];

/** Lower case, "&"/"and" and common abbreviations unified, punctuation and repeated spaces dropped. */
export function normalizeText(value: string): string {
  let s = value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[.,'’]/g, "").replace(/\s+/g, " ").trim();
  for (const [pattern, replacement] of WORDS) s = s.replace(pattern, replacement);
  return s.replace(/[^a-z0-9&# ]/g, " ").replace(/\s+/g, " ").trim();
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Digits only; numbers with and without the country code match when the shorter is the longer's tail (7+ digits). */
export function samePhone(a: string, b: string): boolean {
  const x = a.replace(/\D/g, "");
  const y = b.replace(/\D/g, "");
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short);
}

const postal = (v: string) => v.replace(/\s+/g, "").toUpperCase();

/** Which parts of two addresses differ (empty: the same address). */
export function addressDifferences(shopify: PostalAddress, tiktok: PostalAddress, provinceNames: Record<string, string> = {}): string[] {
  const diffs: string[] = [];
  const line = (a: PostalAddress) => normalizeText([a.line1, a.line2].filter(Boolean).join(" "));
  if (line(shopify) !== line(tiktok)) diffs.push("street");
  if (normalizeText(shopify.city) !== normalizeText(tiktok.city)) diffs.push("city");
  const zipA = postal(shopify.postalCode);
  const zipB = postal(tiktok.postalCode);
  // A US ZIP+4 matches its 5-digit ZIP.
  const usZip = /^\d{5}(-?\d{4})?$/;
  if (zipA !== zipB && !(usZip.test(zipA) && usZip.test(zipB) && zipA.slice(0, 5) === zipB.slice(0, 5))) diffs.push("postal code");
  const province = (p: string) => normalizeText(provinceNames[p.toUpperCase()] ?? p);
  if (shopify.province && tiktok.province && province(shopify.province) !== province(tiktok.province)) diffs.push("state/province");
  if (shopify.countryCode.toUpperCase() !== tiktok.countryCode.toUpperCase()) diffs.push("country");
  return diffs;
}

export function formatAddress(a: PostalAddress): string {
  return [a.line1, a.line2, a.city, [a.province, a.postalCode].filter(Boolean).join(" "), a.countryCode].filter((p) => p && p.trim()).join(", ");
}

/** The verification document that proves a field: once TikTok approved it, Shopify is the side to correct. */
const PROVEN_BY: Partial<Record<BusinessField, string>> = { legal_name: "LEGAL_DOCUMENTS", address: "BUSINESS_ADDRESS" };

export interface BusinessInfoContext {
  shop: string;
  region: string | null;
  adminOrigin?: string;
  /** US state / CA province codes → names, so "CA" and "California" match. */
  provinceNames?: Record<string, string>;
}

export function compareBusinessInfo(shopify: ShopifyBusinessInfo, tiktok: SellerBusinessProfile, ctx: BusinessInfoContext): ReadinessItem[] {
  const approved = (field: BusinessField) => {
    const item = PROVEN_BY[field];
    return item ? tiktok.verification.some((v) => v.item === item && v.status === "APPROVED") : false;
  };
  const shopifyAction = shopifyGeneralSettings(ctx.adminOrigin, ctx.shop, "Edit in Shopify settings");
  const tiktokAction = sellerCenter(ctx.region, "Edit in TikTok Seller Center");

  function item(field: BusinessField, title: string, matches: boolean, shopifyValue: string, tiktokValue: string, differs = ""): ReadinessItem {
    const base = { id: `shop_setup.business_info.${field}`, section: "shop_setup" as const, title,
      why: field === "legal_name" || field === "address"
        ? "TikTok checks your business against its legal documents; a different name or address on Shopify invoices, payouts and tax forms delays verification and payouts."
        : "TikTok and buyers contact you with these details; one email and phone everywhere means no missed order or verification messages." };
    if (matches) return { ...base, status: "done", detail: `Shopify and TikTok both say: ${tiktokValue}.`, nextStep: null, action: null };
    const detail = `Shopify says "${shopifyValue || "(empty)"}", TikTok says "${tiktokValue || "(empty)"}"${differs ? ` (${differs} differ)` : ""}.`;
    // Contact details are not proven by documents: TikTok's copy is the easy one to change. Legal details
    // TikTok already approved are fixed there, so Shopify is corrected; unapproved ones are corrected on TikTok
    // to match the documents submitted.
    const correctShopify = field !== "email" && field !== "phone" && approved(field);
    return {
      ...base,
      status: "action_needed",
      detail,
      nextStep: correctShopify
        ? `TikTok has verified "${tiktokValue}". Change Shopify to match: Settings > General > Store details (${field === "legal_name" ? "legal business name" : "business address"}).`
        : field === "email" || field === "phone"
          ? `Change the contact ${field} in Seller Center (My account > Account settings > Contact information) to ${shopifyValue || `your store's ${field}`}, or update Shopify if TikTok's is the current one.`
          : `TikTok has not verified it yet: make the ${field === "legal_name" ? "legal name" : "registered address"} in Seller Center (My account > Business information) match your legal documents${shopifyValue ? ` (Shopify has "${shopifyValue}")` : ""}; if Shopify is the one that is out of date, fix it in Settings > General.`,
      action: correctShopify ? shopifyAction : tiktokAction,
    };
  }

  const addressDiffs = addressDifferences(shopify.address, tiktok.registeredAddress, ctx.provinceNames);
  const tiktokEmail = normalizeEmail(tiktok.contactEmail);
  return [
    item("legal_name", "Legal business name matches", normalizeText(shopify.legalName) === normalizeText(tiktok.legalName), shopify.legalName, tiktok.legalName),
    item("address", "Business address matches", addressDiffs.length === 0, formatAddress(shopify.address), formatAddress(tiktok.registeredAddress), addressDiffs.join(", ")),
    item("email", "Contact email matches", shopify.emails.some((e) => normalizeEmail(e) === tiktokEmail), shopify.emails[0] ?? "", tiktok.contactEmail),
    item("phone", "Contact phone matches", samePhone(shopify.phone, tiktok.contactPhone), shopify.phone, tiktok.contactPhone),
  ];
}

export const US_STATE_NAMES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming", PR: "Puerto Rico",
};
