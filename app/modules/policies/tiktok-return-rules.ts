// TikTok's platform return rules per region, as data. The Open API has no endpoint for them (contract §7
// covers return *requests*, not the policy), so each entry names its source, when it was checked and how
// sure we are. Buyers on TikTok get these terms whatever the store's own policy says.
export interface TikTokReturnRule {
  region: string;
  /** Days after delivery a buyer may return for most items (change of mind). */
  returnWindowDays: number;
  summary: string;
  source: { title: string; url: string; checkedOn: string };
  confidence: "high" | "medium" | "low";
}

const RULES: TikTokReturnRule[] = [
  {
    region: "US",
    returnWindowDays: 30,
    summary: "Buyers can return most items for any reason within 30 calendar days of receiving them; damaged or defective items are covered for up to 90 days by TikTok's money-back guarantee.",
    source: { title: "TikTok Shop US: Returns policy and Money-back guarantee", url: "https://shop.tiktok.com/us/money-back-guarantee", checkedOn: "2026-11-20" },
    confidence: "medium", // the 30-day wording seen in copies of TikTok's US returns page; the 90-day page is TikTok's own
  },
  {
    region: "GB",
    returnWindowDays: 30,
    summary: "Buyers have the legal 14-day right to cancel and, on top of it, sellers must accept change-of-mind returns within 30 days of delivery (TikTok's \"extended returns benefit\").",
    source: { title: "TikTok Shop UK Cancellation and Returns Policy", url: "https://sf16-draftcdn-sg.ibytedtos.com/obj/ies-hotsoon-draft-sg/magellan_ecommerce/TTS_Returns_policy_UK.html", checkedOn: "2026-11-20" },
    confidence: "medium",
  },
  {
    region: "VN",
    returnWindowDays: 15,
    summary: "Buyers can request a return or refund within 15 calendar days after the order is delivered (some categories excepted).",
    source: { title: "Seller University VN: When can a buyer raise a return/refund request?", url: "https://seller-vn.tiktok.com/university/essay?knowledge_id=2901402355762946&lang=en", checkedOn: "2026-11-20" },
    confidence: "high",
  },
];

export function tiktokReturnRule(region: string | null | undefined): TikTokReturnRule | null {
  const normalized = (region ?? "").toUpperCase() === "UK" ? "GB" : (region ?? "").toUpperCase();
  return RULES.find((r) => r.region === normalized) ?? null;
}
