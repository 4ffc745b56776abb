// Use case: the home page's readiness checklist for one store and (when linked) one TikTok shop,
// computed from live data: Shopify's business details, TikTok's listing-prerequisites check, TikTok's
// seller profile (verification, bound accounts), the merchant's attestations and the chosen products.
// Sources are read in parallel; one that fails turns its items to "unknown" with where to look instead.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import { SHOP_BUSINESS_INFO_QUERY, type ShopBusinessInfoResult } from "../../integrations/shopify/shop-business-info.graphql";
import { summarizeLink } from "../linking/link-summary";
import type { TikTokShopLink } from "../linking/tiktok-shop-link-repository";
import { compareBusinessInfo, US_STATE_NAMES, type ShopifyBusinessInfo } from "./business-info-comparison";
import { judgeBusinessVerification, verificationUnavailable } from "./business-verification";
import { judgeAge, judgeCommunityStanding, judgeRegion, judgeTikTokAccount, type Attestation, type AttestationKind } from "./eligibility-rules";
import { judgeLinking } from "./linking-readiness";
import { READINESS_FAQ, type FaqEntry } from "./readiness-faq";
import type { ReadinessItem, ReadinessSection } from "./readiness-item";
import type { BoundTikTokAccount, SellerBusinessProfile, TikTokSellerProfileSource } from "./seller-profile";
import { judgeFirstProducts, judgePrerequisites, prerequisitesUnavailable, type PrerequisiteCheck } from "./shop-setup-readiness";

export interface ReadinessChecklistDeps {
  shopify: ShopifyAdminGateway;
  links: { all(shop: string): Promise<TikTokShopLink[]> };
  /** TikTok's listing-prerequisites check (GET /product/202312/prerequisites) for a linked shop. */
  prerequisites(link: TikTokShopLink): Promise<PrerequisiteCheck[]>;
  sellerProfiles: TikTokSellerProfileSource;
  attestations: { latest(shop: string): Promise<Partial<Record<AttestationKind, Attestation>>> };
  productCounts(shop: string): Promise<{ selected: number; withoutBlockingFindings: number }>;
  /** Shipping/returns ("policies") and payout ("payments") items from policies-readiness. */
  policiesItems(link: TikTokShopLink | null): Promise<ReadinessItem[]>;
  adminOrigin?: string;
  now?: () => Date;
}

export interface ChecklistSection {
  section: ReadinessSection;
  title: string;
  items: ReadinessItem[];
  done: number;
  faq: FaqEntry[];
}

export interface ReadinessChecklist {
  links: Array<{ tiktokShopId: string; name: string; region: string; status: TikTokShopLink["status"] }>;
  /** The TikTok shop this checklist is for (null: nothing linked yet). */
  tiktokShopId: string | null;
  sections: ChecklistSection[];
  done: number;
  total: number;
  blockers: number;
}

const SECTION_TITLES: Record<ReadinessSection, string> = {
  eligibility: "Eligibility",
  linking: "Linking",
  shop_setup: "Shop setup",
  business_verification: "Business verification",
  policies: "Shipping and returns",
  payments: "Payments",
};
const SECTION_ORDER: ReadinessSection[] = ["eligibility", "linking", "shop_setup", "business_verification", "policies", "payments"];

function settled<T>(result: PromiseSettledResult<T>): { value: T | null; error: string | undefined } {
  return result.status === "fulfilled" ? { value: result.value, error: undefined } : { value: null, error: (result.reason as Error)?.message ?? String(result.reason) };
}

function toBusinessInfo(shop: ShopBusinessInfoResult["shop"]): ShopifyBusinessInfo {
  const address = shop.shopAddress;
  return {
    legalName: address.company || shop.name,
    address: {
      line1: address.address1 ?? "",
      line2: address.address2 ?? "",
      city: address.city ?? "",
      province: address.provinceCode || address.province || "",
      postalCode: address.zip ?? "",
      countryCode: address.countryCodeV2 ?? "",
    },
    emails: [shop.email, shop.contactEmail].filter(Boolean),
    phone: address.phone ?? "",
  };
}

/** The link the checklist is for: the one asked for, else the first active, else the first not unlinked. */
export function chooseLink(links: TikTokShopLink[], tiktokShopId: string | null | undefined): TikTokShopLink | null {
  const usable = links.filter((l) => l.status !== "unlinked");
  return usable.find((l) => l.tiktokShopId === tiktokShopId) ?? usable.find((l) => l.status === "active") ?? usable[0] ?? null;
}

export async function loadReadinessChecklist(deps: ReadinessChecklistDeps, input: { shop: string; tiktokShopId?: string | null }): Promise<ReadinessChecklist> {
  const now = deps.now?.() ?? new Date();
  const allLinks = await deps.links.all(input.shop);
  const link = chooseLink(allLinks, input.tiktokShopId);
  const region = link?.region ?? null;

  const [storeResult, prereqResult, profileResult, accountsResult, attestationsResult, countsResult, policiesResult] = await Promise.allSettled([
    deps.shopify.request<ShopBusinessInfoResult>(SHOP_BUSINESS_INFO_QUERY),
    link && link.status !== "paused" ? deps.prerequisites(link) : Promise.resolve(null),
    link ? deps.sellerProfiles.businessProfile(link) : Promise.resolve(null),
    link ? deps.sellerProfiles.boundAccounts(link) : Promise.resolve(null),
    deps.attestations.latest(input.shop),
    deps.productCounts(input.shop),
    deps.policiesItems(link),
  ]);
  const store = settled(storeResult);
  const prereqs = settled(prereqResult);
  const profile = settled<SellerBusinessProfile | null>(profileResult);
  const accounts = settled<BoundTikTokAccount[] | null>(accountsResult);
  const attestations = settled(attestationsResult).value ?? {};
  const counts = settled(countsResult).value;
  const policies = settled(policiesResult).value ?? [];

  const items: ReadinessItem[] = [];

  // Eligibility
  if (store.value) {
    const shop = store.value.shop;
    const country = shop.shopAddress.countryCodeV2 ?? null;
    items.push(judgeRegion({ storeCountry: country, storeCurrency: shop.currencyCode, linkedRegion: region, shop: input.shop, adminOrigin: deps.adminOrigin }));
  } else {
    items.push({ id: "eligibility.region", section: "eligibility", title: "TikTok Shop is available for your country and currency", status: "unknown",
      detail: `We could not read your store's address and currency from Shopify (${store.error}).`,
      why: "TikTok Shop accepts sellers in its own markets only, and every listing and payout is in that market's currency.",
      nextStep: "Reload the page. If this keeps happening, reinstall the app from your Shopify admin.", action: null });
  }
  items.push(judgeAge(attestations.age_18_plus ?? null, accounts.value));
  items.push(judgeTikTokAccount({ linked: Boolean(link), accounts: accounts.value, region, readError: accounts.error }));
  items.push(judgeCommunityStanding(attestations.community_guidelines ?? null, accounts.value, region, now));

  // Linking
  items.push(...judgeLinking(link ? summarizeLink(link, now) : null, { readable: accounts.value !== null, count: accounts.value?.length ?? 0, error: accounts.error }));

  // Shop setup: business details compared, TikTok's prerequisites, first products.
  if (link && store.value && profile.value) {
    items.push(...compareBusinessInfo(toBusinessInfo(store.value.shop), profile.value, { shop: input.shop, region, adminOrigin: deps.adminOrigin, provinceNames: US_STATE_NAMES }));
  }
  const provided = new Set(policies.map((i) => i.section));
  // Until policies-readiness supplies shipping/returns and payouts, TikTok's own check stands in for them.
  const fromPrerequisites = new Set<ReadinessSection>(["shop_setup", ...(["policies", "payments"] as const).filter((s) => !provided.has(s))]);
  if (link) {
    if (prereqs.value) items.push(...judgePrerequisites(prereqs.value, region, fromPrerequisites));
    else if (link.status !== "paused") items.push(prerequisitesUnavailable(region, prereqs.error ?? "no answer"));
  }
  if (counts) items.push(judgeFirstProducts(counts));

  // Business verification
  if (link) {
    if (profile.value) items.push(...judgeBusinessVerification(profile.value, region));
    else items.push(verificationUnavailable(region, profile.error ?? "no answer"));
  }

  items.push(...policies);

  const sections = SECTION_ORDER.map((section): ChecklistSection => {
    const sectionItems = items.filter((i) => i.section === section);
    return { section, title: SECTION_TITLES[section], items: sectionItems, done: sectionItems.filter((i) => i.status === "done").length, faq: READINESS_FAQ[section] };
  }).filter((s) => s.items.length > 0);

  return {
    links: allLinks.filter((l) => l.status !== "unlinked").map((l) => ({ tiktokShopId: l.tiktokShopId, name: l.tiktokShopName, region: l.region, status: l.status })),
    tiktokShopId: link?.tiktokShopId ?? null,
    sections,
    done: items.filter((i) => i.status === "done").length,
    total: items.length,
    blockers: items.filter((i) => i.status === "blocked").length,
  };
}
