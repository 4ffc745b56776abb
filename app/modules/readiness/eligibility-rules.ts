// Can this merchant sell on TikTok Shop at all? Pure judges over the store's country and currency, the
// merchant's attestations and what TikTok reports about the bound TikTok accounts.
import type { ReadinessAction, ReadinessItem } from "./readiness-item";
import { CONNECT_ACTION, sellerCenter, shopifyGeneralSettings } from "./readiness-links";
import { regionRuleFor, SUPPORTED_REGION_NAMES, type RegionRule } from "./region-rules";
import type { BoundTikTokAccount } from "./seller-profile";

export type AttestationKind = "age_18_plus" | "community_guidelines";

export interface Attestation {
  kind: AttestationKind;
  attestedBy: string;
  attestedAt: Date;
  textVersion: string;
}

/** What the merchant confirms, versioned so a changed wording asks again. */
export const ATTESTATION_TEXT: Record<AttestationKind, { version: string; text: string }> = {
  age_18_plus: { version: "2026-01", text: "I am at least 18 years old, and so is the holder of the TikTok Shop seller account." },
  community_guidelines: {
    version: "2026-01",
    text: "The TikTok account that sells for this shop follows TikTok's Community Guidelines and is not a government, politician or political party account.",
  },
};

export const attestAction = (kind: AttestationKind): ReadinessAction => ({ label: "Confirm", url: "/app", external: false, formIntent: `attest:${kind}` });

const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

function sourceOf(rule: RegionRule, index = 0) {
  const s = rule.sources[index] ?? rule.sources[0]!;
  return { title: s.title, url: s.url, checkedOn: s.checkedOn };
}

/**
 * TikTok Shop takes local sellers in 16 markets and lists in each market's currency. The market is the
 * linked TikTok shop's region when there is one, else the store's country.
 */
export function judgeRegion(input: { storeCountry: string | null; storeCurrency: string; linkedRegion?: string | null; shop: string; adminOrigin?: string }): ReadinessItem {
  const base = {
    id: "eligibility.region",
    section: "eligibility" as const,
    title: "TikTok Shop is available for your country and currency",
    why: "TikTok Shop accepts sellers in its own markets only, and every listing and payout is in that market's currency.",
  };
  const settings = shopifyGeneralSettings(input.adminOrigin, input.shop);
  if (!input.storeCountry) {
    return { ...base, status: "action_needed", detail: "Your Shopify store has no address, so we cannot tell which TikTok Shop market it belongs to.",
      nextStep: "Add your store address in Shopify: Settings > General > Store details.", action: settings };
  }
  const storeRule = regionRuleFor(input.storeCountry);
  if (!storeRule || !storeRule.localSellersSupported) {
    return { ...base, status: "blocked",
      detail: `TikTok Shop does not take sellers based in ${input.storeCountry} yet. It is available in: ${SUPPORTED_REGION_NAMES.join(", ")}.`,
      nextStep: "If your business is registered in one of these countries, set that address in Shopify (Settings > General). Otherwise TikTok Shop is not available to you yet.",
      action: settings, source: { title: "TikTok Shop Partner Center: Regions and languages", url: "https://partner.tiktokshop.com/docv2/page/regions-and-languages", checkedOn: "2025-12-16" } };
  }
  const market = regionRuleFor(input.linkedRegion) ?? storeRule;
  if (input.storeCurrency !== market.currency) {
    return { ...base, status: "action_needed", source: sourceOf(market, 1),
      detail: `Your store sells in ${input.storeCurrency}, but TikTok Shop ${market.countryName} lists and pays out in ${market.currency}.`,
      nextStep: `Change your store currency to ${market.currency} in Shopify (Settings > General > Store defaults), or link the TikTok shop of the market that uses ${input.storeCurrency}.`,
      action: settings };
  }
  return { ...base, status: "done", source: sourceOf(market),
    detail: `Your store is in ${storeRule.countryName} and sells in ${input.storeCurrency}; TikTok Shop ${market.countryName} lists in ${market.currency}.`,
    nextStep: null, action: null };
}

/** The account holder must be 18 or older: the merchant confirms it; TikTok's own age check can overrule. */
export function judgeAge(attestation: Attestation | null, accounts: BoundTikTokAccount[] | null): ReadinessItem {
  const base = {
    id: "eligibility.age",
    section: "eligibility" as const,
    title: "Account holder is 18 or older",
    why: "TikTok Shop sellers and the creators who sell for them must be adults; TikTok closes shops whose holder is under 18.",
  };
  const underage = (accounts ?? []).filter((a) => !a.ageVerified18Plus);
  if (underage.length > 0) {
    return { ...base, status: "blocked",
      detail: `TikTok has not verified that ${underage.map((a) => `@${a.username}`).join(", ")} belongs to someone 18 or older.`,
      nextStep: "Bind a TikTok account held by an adult, or complete TikTok's age verification in the TikTok app (Settings and privacy > Account).",
      action: null };
  }
  const current = attestation && attestation.textVersion === ATTESTATION_TEXT.age_18_plus.version ? attestation : null;
  if (!current) {
    return { ...base, status: "action_needed", detail: "Not confirmed yet.",
      nextStep: `Confirm: "${ATTESTATION_TEXT.age_18_plus.text}"`, action: attestAction("age_18_plus") };
  }
  return { ...base, status: "done", detail: `Confirmed by ${current.attestedBy} on ${formatDate(current.attestedAt)}.`, nextStep: null, action: null };
}

/**
 * The TikTok account that sells must qualify: official and marketing accounts (bound by the shop) need no
 * followers; affiliate creators need the market's minimum (1,000 in the US).
 */
export function judgeTikTokAccount(input: { linked: boolean; accounts: BoundTikTokAccount[] | null; region: string | null; readError?: string }): ReadinessItem {
  const rule = regionRuleFor(input.region);
  const base = {
    id: "eligibility.tiktok_account",
    section: "eligibility" as const,
    title: "TikTok account qualifies to sell",
    why: "Products are sold through videos and LIVEs of a TikTok account bound to your shop. Your own official or marketing account can sell from day one; an affiliate creator needs enough followers.",
    ...(rule?.sources[2] ? { source: sourceOf(rule, 2) } : {}),
  };
  if (!input.linked) {
    return { ...base, status: "action_needed", detail: "We read your TikTok account's type and followers from TikTok once your TikTok Shop is connected.",
      nextStep: "Connect your TikTok Shop.", action: CONNECT_ACTION };
  }
  if (input.accounts === null) {
    return { ...base, status: "unknown", detail: `We could not read your TikTok accounts from TikTok${input.readError ? ` (${input.readError})` : ""}.`,
      nextStep: "Check the bound accounts in Seller Center (Marketing > Creator binds), then reload this page.", action: sellerCenter(input.region) };
  }
  if (input.accounts.length === 0) {
    return { ...base, status: "action_needed", detail: "No TikTok account is bound to this shop yet.",
      nextStep: "Bind your brand's TikTok account as the official account in Seller Center (My account > Linked TikTok accounts).", action: sellerCenter(input.region, "Bind an account in Seller Center") };
  }
  const bound = input.accounts.filter((a) => a.accountType === "OFFICIAL" || a.accountType === "MARKETING");
  if (bound.length > 0) {
    const a = bound[0]!;
    return { ...base, status: "done",
      detail: `@${a.username} is your ${a.accountType === "OFFICIAL" ? "official" : "marketing"} account (${plural(a.followerCount, "follower")}); bound accounts need no minimum.`,
      nextStep: null, action: null };
  }
  const best = [...input.accounts].sort((x, y) => y.followerCount - x.followerCount)[0]!;
  const minimum = rule?.affiliateFollowerMinimum ?? null;
  if (minimum === null) {
    return { ...base, status: "unknown",
      detail: `@${best.username} is an affiliate creator account with ${plural(best.followerCount, "follower")}. We have no verified follower minimum for ${rule?.countryName ?? input.region ?? "this market"}.`,
      nextStep: "Check the creator requirements in your market's Seller Center, or bind your brand's own account as the official account (no minimum).",
      action: sellerCenter(input.region) };
  }
  if (best.followerCount >= minimum) {
    return { ...base, status: "done",
      detail: `@${best.username} is an affiliate creator account with ${plural(best.followerCount, "follower")}; ${rule!.countryName} needs ${minimum.toLocaleString("en-US")}.`,
      nextStep: null, action: null };
  }
  return { ...base, status: "blocked",
    detail: `Your TikTok account @${best.username} has ${plural(best.followerCount, "follower")}; affiliate creators in ${rule!.countryName === "United States" ? "the US" : rule!.countryName} need ${minimum.toLocaleString("en-US")}.`,
    nextStep: "Bind your brand's own TikTok account as the official account in Seller Center (no follower minimum), or grow this account to the minimum.",
    action: sellerCenter(input.region, "Bind an official account") };
}

/** Community-guidelines standing: the merchant confirms it, and any restriction TikTok reports wins. */
export function judgeCommunityStanding(attestation: Attestation | null, accounts: BoundTikTokAccount[] | null, region: string | null, now: Date): ReadinessItem {
  const base = {
    id: "eligibility.community_guidelines",
    section: "eligibility" as const,
    title: "TikTok account is in good standing",
    why: "An account with community-guidelines strikes loses shoppable videos and LIVEs; government and political accounts cannot sell.",
  };
  const active = (accounts ?? []).flatMap((a) => a.restrictions.filter((r) => r.endsAt > now).map((r) => ({ account: a, r })));
  if (active.length > 0) {
    const first = active[0]!;
    return { ...base, status: "blocked",
      detail: `TikTok restricts @${first.account.username}: ${first.r.reason} (until ${formatDate(first.r.endsAt)}).`,
      nextStep: `Wait until ${formatDate(first.r.endsAt)} or appeal in the TikTok app (Inbox > System notifications > the violation). Selling resumes when the restriction ends.`,
      action: sellerCenter(region, "See account health in Seller Center") };
  }
  const current = attestation && attestation.textVersion === ATTESTATION_TEXT.community_guidelines.version ? attestation : null;
  if (!current) {
    return { ...base, status: "action_needed", detail: accounts ? "TikTok reports no restriction. Please confirm the account's standing." : "Not confirmed yet.",
      nextStep: `Confirm: "${ATTESTATION_TEXT.community_guidelines.text}"`, action: attestAction("community_guidelines") };
  }
  return { ...base, status: "done",
    detail: `${accounts ? "TikTok reports no restriction; c" : "C"}onfirmed by ${current.attestedBy} on ${formatDate(current.attestedAt)}.`, nextStep: null, action: null };
}
