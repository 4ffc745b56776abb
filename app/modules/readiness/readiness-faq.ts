// The questions merchants ask at each step, answered where they ask them (under the section they
// concern), not in a separate wall of text.
import type { ReadinessSection } from "./readiness-item";

export interface FaqEntry {
  question: string;
  answer: string;
}

const HELP = "Contact TikTok Shop seller support from Seller Center (Help center > Contact us). Include your shop name and shop code, the region, the step that fails, the exact message you see, and a screenshot. For problems with this app, use Support in the app listing and include the same details plus the time it happened.";

export const READINESS_FAQ: Record<ReadinessSection, FaqEntry[]> = {
  eligibility: [
    { question: "What blocks linking my store to TikTok Shop?",
      answer: "A store outside TikTok Shop's markets, a store currency different from the market's currency, an account holder under 18, or a TikTok account with active community-guidelines restrictions. Each item above says which applies and what to do." },
    { question: "How do followers count?",
      answer: "Only for affiliate creators: in the US they need 1,000 followers (creators under 5,000 start with a 30-day pilot with fewer shoppable videos and LIVEs). Your brand's own official account, and marketing accounts you bind, can sell with no follower minimum. TikTok counts the followers of the bound account itself, as shown on its profile." },
    { question: "Why do you ask me to confirm my age and standing?",
      answer: "TikTok does not share the account holder's age or the account's full standing with apps. We record who confirmed and when; TikTok's own checks still apply and any restriction TikTok reports overrides your confirmation." },
  ],
  linking: [
    { question: "What does connecting give the app access to?",
      answer: "Your TikTok shop's products, stock, prices, orders and shop settings, as listed on TikTok's approval page. Tokens are stored encrypted; you can unlink at any time here or in Seller Center (App Store > My apps)." },
    { question: "Why does the authorization expire?",
      answer: "TikTok limits each authorization (usually to about a year). We remind you 30 days before; reconnecting takes a minute and keeps all your settings." },
  ],
  shop_setup: [
    { question: "Why must my Shopify and TikTok business details match?",
      answer: "TikTok verifies your business against legal documents and uses those details for payouts, tax forms and return labels. Different names or addresses in Shopify and TikTok slow verification, can hold payouts and confuse buyers." },
    { question: "Which side should I correct?",
      answer: "If TikTok already approved a detail, it matches your documents: correct Shopify. If TikTok has not approved it yet, make TikTok match your legal documents. Contact email and phone are easiest to change in Seller Center." },
  ],
  business_verification: [
    { question: "Can verification be expedited?",
      answer: "No. TikTok reviews submissions in order and offers no way, paid or otherwise, to speed it up; neither can this app. Submitting complete, clear documents that match your business details the first time is what avoids delays." },
    { question: "What if a document is rejected?",
      answer: "The item shows TikTok's reason. Fix exactly that (for example a utility bill older than 3 months, or a name that differs from the registration) and resubmit in Seller Center." },
    { question: "Where do I get help?", answer: HELP },
  ],
  policies: [
    { question: "Where do shipping and returns come from?",
      answer: "From your Shopify delivery profiles and locations, matched to TikTok's warehouses, delivery options and shipping templates. Anything TikTok requires that Shopify cannot send is set up once in Seller Center." },
  ],
  payments: [
    { question: "How do I get paid?",
      answer: "Buyers pay TikTok; TikTok pays out to the bank account linked in Seller Center. Orders appear in Shopify as paid through TikTok Shop." },
    { question: "Where do I get help?", answer: HELP },
  ],
};
