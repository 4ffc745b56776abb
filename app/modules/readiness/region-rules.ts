// Where TikTok Shop takes local sellers and what each market asks of the TikTok account that sells: rules
// as data, each with the source it came from and the day it was checked. Policies change often; when a
// number is not sourced for a market we say so (null) rather than guess.
import { regionLimits, TIKTOK_REGIONS, type TikTokRegion } from "../listing/listing-limits";

export interface RuleSource {
  title: string;
  url: string;
  checkedOn: string;
}

export interface RegionRule {
  /** The market's country (TikTok's region code; the UK is GB, as in Get Authorized Shops). */
  region: TikTokRegion;
  countryName: string;
  /** TikTok lists and pays out in this currency only (contract §10). */
  currency: string;
  localSellersSupported: boolean;
  /** Followers an affiliate creator account needs to sell; null when no source gives it for this market. */
  affiliateFollowerMinimum: number | null;
  /** Official and marketing (bound) accounts sell without a follower minimum. */
  boundAccountFollowerMinimum: 0;
  /** Seller Center for the market (deep links start here; TikTok does not publish stable page paths). */
  sellerCenterUrl: string;
  /** "high": stated by a TikTok page for this market; "low": inferred (another market's page, a third-party copy). */
  confidence: "high" | "medium" | "low";
  note?: string;
  sources: RuleSource[];
}

const CHECKED_ON = "2025-12-16";

const REGIONS_SOURCE: RuleSource = {
  title: "TikTok Shop Partner Center: Regions and languages",
  url: "https://partner.tiktokshop.com/docv2/page/regions-and-languages",
  checkedOn: CHECKED_ON,
};
const CURRENCY_SOURCE: RuleSource = {
  title: "TikTok Shop Partner Center: Create product, price currency by market",
  url: "https://partner.tiktokshop.com/docv2/page/create-product-202309",
  checkedOn: CHECKED_ON,
};
const US_CREATOR_POLICY: RuleSource = {
  title: "TikTok Shop Academy (US): Creator Eligibility Policy, rev. 2025-12-16",
  url: "https://seller-us.tiktok.com/university/essay?knowledge_id=6939143037667118",
  checkedOn: CHECKED_ON,
};
const TH_CREATOR_POLICY: RuleSource = {
  title: "TikTok Shop Academy (TH): creator requirements (1,000 followers, 18+)",
  url: "https://seller-th.tiktok.com/university/essay?knowledge_id=6821429094106881",
  checkedOn: CHECKED_ON,
};

interface RegionData {
  countryName: string;
  sellerCenterUrl: string;
  affiliateFollowerMinimum: number | null;
  confidence: RegionRule["confidence"];
  note?: string;
  extraSources?: RuleSource[];
}

const UNSOURCED_FOLLOWERS = "No TikTok page we could check gives this market's follower minimum for affiliate creators; TikTok checks it when the account is bound.";

const REGION_DATA: Record<TikTokRegion, RegionData> = {
  US: { countryName: "United States", sellerCenterUrl: "https://seller-us.tiktok.com", affiliateFollowerMinimum: 1000, confidence: "high", extraSources: [US_CREATOR_POLICY],
    note: "Creators under 5,000 followers start a 30-day Pilot Program (limited shoppable LIVEs and videos)." },
  GB: { countryName: "United Kingdom", sellerCenterUrl: "https://seller-uk.tiktok.com", affiliateFollowerMinimum: null, confidence: "medium", note: UNSOURCED_FOLLOWERS },
  DE: { countryName: "Germany", sellerCenterUrl: "https://seller-de.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: `${UNSOURCED_FOLLOWERS} Seller Center address inferred from the US/UK pattern.` },
  FR: { countryName: "France", sellerCenterUrl: "https://seller-fr.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: `${UNSOURCED_FOLLOWERS} Seller Center address inferred from the US/UK pattern.` },
  IE: { countryName: "Ireland", sellerCenterUrl: "https://seller-ie.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: `${UNSOURCED_FOLLOWERS} Seller Center address inferred from the US/UK pattern.` },
  IT: { countryName: "Italy", sellerCenterUrl: "https://seller-it.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: `${UNSOURCED_FOLLOWERS} Seller Center address inferred from the US/UK pattern.` },
  ES: { countryName: "Spain", sellerCenterUrl: "https://seller-es.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: `${UNSOURCED_FOLLOWERS} Seller Center address inferred from the US/UK pattern.` },
  BR: { countryName: "Brazil", sellerCenterUrl: "https://seller-br.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: UNSOURCED_FOLLOWERS },
  MX: { countryName: "Mexico", sellerCenterUrl: "https://seller-mx.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: UNSOURCED_FOLLOWERS },
  JP: { countryName: "Japan", sellerCenterUrl: "https://seller-jp.tiktok.com", affiliateFollowerMinimum: null, confidence: "low", note: UNSOURCED_FOLLOWERS },
  ID: { countryName: "Indonesia", sellerCenterUrl: "https://seller-id.tiktok.com", affiliateFollowerMinimum: null, confidence: "low",
    note: `${UNSOURCED_FOLLOWERS} TikTok Shop Indonesia operates together with Tokopedia since 2024; seller onboarding may go through Tokopedia.` },
  MY: { countryName: "Malaysia", sellerCenterUrl: "https://seller-my.tiktok.com", affiliateFollowerMinimum: null, confidence: "medium", note: UNSOURCED_FOLLOWERS },
  PH: { countryName: "Philippines", sellerCenterUrl: "https://seller-ph.tiktok.com", affiliateFollowerMinimum: null, confidence: "medium", note: UNSOURCED_FOLLOWERS },
  SG: { countryName: "Singapore", sellerCenterUrl: "https://seller-sg.tiktok.com", affiliateFollowerMinimum: null, confidence: "medium", note: UNSOURCED_FOLLOWERS },
  TH: { countryName: "Thailand", sellerCenterUrl: "https://seller-th.tiktok.com", affiliateFollowerMinimum: 1000, confidence: "high", extraSources: [TH_CREATOR_POLICY] },
  VN: { countryName: "Vietnam", sellerCenterUrl: "https://seller-vn.tiktok.com", affiliateFollowerMinimum: null, confidence: "medium", note: UNSOURCED_FOLLOWERS },
};

/** The 16 markets of the TikTok Shop API (contract §0/§11), each with its rules and sources. */
export const REGION_RULES: Readonly<Record<TikTokRegion, RegionRule>> = Object.fromEntries(
  TIKTOK_REGIONS.map((region) => {
    const data = REGION_DATA[region];
    const rule: RegionRule = {
      region,
      countryName: data.countryName,
      currency: regionLimits(region).currency,
      localSellersSupported: true,
      affiliateFollowerMinimum: data.affiliateFollowerMinimum,
      boundAccountFollowerMinimum: 0,
      sellerCenterUrl: data.sellerCenterUrl,
      confidence: data.confidence,
      ...(data.note ? { note: data.note } : {}),
      sources: [REGIONS_SOURCE, CURRENCY_SOURCE, ...(data.extraSources ?? [])],
    };
    return [region, rule];
  }),
) as Record<TikTokRegion, RegionRule>;

/** The rule for a country code (Shopify's countryCodeV2 or TikTok's region), or null when TikTok Shop is not there. */
export function regionRuleFor(countryOrRegion: string | null | undefined): RegionRule | null {
  if (!countryOrRegion) return null;
  const code = countryOrRegion.toUpperCase() === "UK" ? "GB" : countryOrRegion.toUpperCase();
  return (REGION_RULES as Record<string, RegionRule>)[code] ?? null;
}

export const SUPPORTED_REGION_NAMES = TIKTOK_REGIONS.map((r) => REGION_DATA[r].countryName);
