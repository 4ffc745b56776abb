// TikTok's business verification, item by item, as TikTok reports it: what is approved, what TikTok is
// still reviewing (nothing to do but wait: reviews cannot be expedited) and what to submit or resubmit.
import type { ReadinessItem } from "./readiness-item";
import { sellerCenter } from "./readiness-links";
import type { SellerBusinessProfile } from "./seller-profile";

interface ItemGuide {
  title: string;
  why: string;
  /** What to submit, for an individual seller and for a business. */
  submit: { INDIVIDUAL: string; BUSINESS: string };
}

const GUIDES: Record<string, ItemGuide> = {
  LEGAL_DOCUMENTS: {
    title: "Legal documents",
    why: "TikTok only lets verified sellers list and get paid; the legal documents prove who the business is.",
    submit: { INDIVIDUAL: "a government-issued photo ID (passport, driver's licence or state ID) in the account holder's name",
      BUSINESS: "the business registration document (e.g. articles of organisation or certificate of incorporation) and its tax ID (EIN in the US)" },
  },
  KEY_PERSON_IDENTITY: {
    title: "ID of key personnel",
    why: "TikTok verifies the people who own or run the business (beneficial owners and legal representative).",
    submit: { INDIVIDUAL: "a clear photo of your government-issued ID, front and back", BUSINESS: "a government-issued photo ID of each owner with 25% or more and of the legal representative" },
  },
  BANK_ACCOUNT: {
    title: "Bank account",
    why: "TikTok pays out sales only to a verified bank account in the seller's (or business's) own name.",
    submit: { INDIVIDUAL: "a bank account in your own name (a bank statement or void cheque if asked)", BUSINESS: "a bank account in the business's legal name (a bank statement if asked)" },
  },
  BUSINESS_ADDRESS: {
    title: "Business address",
    why: "The registered address must match a document TikTok can check; it appears on tax forms and return labels.",
    submit: { INDIVIDUAL: "a utility bill or bank statement from the last 3 months showing your name and address",
      BUSINESS: "a utility bill, bank statement or lease from the last 3 months showing the business name and registered address" },
  },
  TAX_INFORMATION: {
    title: "Tax information",
    why: "TikTok must report sellers' income to tax authorities (in the US after $2,000 of sales); missing tax details pause payouts.",
    submit: { INDIVIDUAL: "your tax details (SSN or ITIN in the US, on a W-9)", BUSINESS: "the business's tax details (EIN in the US, on a W-9)" },
  },
};

const order = Object.keys(GUIDES);
const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const WHERE = "Seller Center > My account > Account settings > Business information (verification)";

export function judgeBusinessVerification(profile: SellerBusinessProfile, region: string | null): ReadinessItem[] {
  const items = [...profile.verification].sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
  return items.map((v): ReadinessItem => {
    const guide = GUIDES[v.item] ?? { title: v.item.toLowerCase().replace(/_/g, " "), why: "TikTok asks for it before the shop can sell.", submit: { INDIVIDUAL: "the document TikTok asks for", BUSINESS: "the document TikTok asks for" } };
    const submit = guide.submit[profile.entityType] ?? guide.submit.BUSINESS;
    const base = { id: `business_verification.${v.item.toLowerCase()}`, section: "business_verification" as const, title: guide.title, why: guide.why };
    switch (v.status) {
      case "APPROVED":
        return { ...base, status: "done", detail: `Approved by TikTok on ${formatDate(v.updatedAt)}.`, nextStep: null, action: null };
      case "PENDING":
        return { ...base, status: "pending", detail: `Submitted; TikTok is reviewing it (since ${formatDate(v.updatedAt)}).`,
          nextStep: "Nothing to do now. TikTok reviews in order and a review cannot be expedited; watch Seller Center notifications in case TikTok asks for more.",
          action: null };
      case "REJECTED":
        return { ...base, status: "action_needed", detail: `TikTok rejected it: ${v.rejectReason || "no reason given"}`,
          nextStep: `Resubmit ${submit} in ${WHERE}, fixing what TikTok said.`, action: sellerCenter(region, "Resubmit in Seller Center") };
      default:
        return { ...base, status: "action_needed", detail: "Not submitted yet.",
          nextStep: `Submit ${submit} in ${WHERE}.`, action: sellerCenter(region, "Submit in Seller Center") };
    }
  });
}

/** When TikTok's verification record cannot be read: say so and point to where the merchant can see it. */
export function verificationUnavailable(region: string | null, reason: string): ReadinessItem {
  return {
    id: "business_verification.status",
    section: "business_verification",
    title: "Business verification",
    status: "unknown",
    detail: `We could not read your verification status from TikTok (${reason}).`,
    why: "TikTok only lets verified sellers list products and receive payouts.",
    nextStep: `Check each item (legal documents, ID, bank account, address) in ${WHERE}.`,
    action: sellerCenter(region),
  };
}
