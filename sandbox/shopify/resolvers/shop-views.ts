// Shop, its address, plan and legal policies; the app installation and its access scopes.
import type { StoredPolicy, StoredShop, StoredShopAddress } from "../store";
import { gid } from "../shopify-ids";
import { metafieldFields } from "./metafield-views";
import { legacyNumber, requireScope, type ResolverContext } from "./resolver-context";

function policyView(p: StoredPolicy) {
  return { __typename: "ShopPolicy", id: p.id, type: p.type, title: p.title, body: p.body, url: p.url, createdAt: p.createdAt, updatedAt: p.updatedAt };
}

function shopAddressView(a: StoredShopAddress, id: string) {
  return {
    __typename: "ShopAddress",
    id,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    provinceCode: a.provinceCode,
    zip: a.zip,
    country: a.country,
    countryCode: a.countryCodeV2,
    countryCodeV2: a.countryCodeV2,
    phone: a.phone,
    company: a.company,
    coordinatesValidated: false,
    formattedArea: `${a.city}, ${a.provinceCode}, ${a.country}`,
    formatted: (args: { withCompany?: boolean | null }) =>
      [args.withCompany !== false && a.company ? a.company : null, a.address1, a.address2, `${a.city} ${a.provinceCode} ${a.zip}`, a.country].filter((x): x is string => Boolean(x)),
  };
}

/** A partner development store shows as "Development" (ShopPlan.publicDisplayName's documented values). */
function shopPlanView(s: StoredShop) {
  const development = s.plan === "development";
  const name = development ? "Development" : s.planDisplayName;
  return { __typename: "ShopPlan", publicDisplayName: name, displayName: name, partnerDevelopment: development, shopifyPlus: false };
}

export function shopView(ctx: ResolverContext) {
  const s = ctx.store.shop;
  const a = s.address;
  return {
    __typename: "Shop",
    id: s.id,
    name: s.name,
    email: s.email,
    contactEmail: s.contactEmail,
    myshopifyDomain: s.myshopifyDomain,
    url: `https://${s.myshopifyDomain}`,
    currencyCode: s.currencyCode,
    enabledPresentmentCurrencies: [s.currencyCode],
    ianaTimezone: s.ianaTimezone,
    weightUnit: s.weightUnit,
    unitSystem: s.weightUnit === "KILOGRAMS" || s.weightUnit === "GRAMS" ? "METRIC_SYSTEM" : "IMPERIAL_SYSTEM",
    shopOwnerName: s.shopOwnerName,
    shipsToCountries: [a.countryCodeV2],
    taxesIncluded: false,
    setupRequired: false,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    plan: shopPlanView(s),
    shopAddress: shopAddressView(a, gid("ShopAddress", legacyNumber(s.id))),
    shopPolicies: () => {
      requireScope(ctx, "read_legal_policies", "shopPolicies");
      return ctx.store.policies.map(policyView);
    },
    ...metafieldFields(ctx, s.id),
  };
}

export function appInstallationView(ctx: ResolverContext) {
  return {
    __typename: "AppInstallation",
    id: gid("AppInstallation", legacyNumber(ctx.store.shop.id)),
    accessScopes: [...ctx.scopes].sort().map((handle) => ({ __typename: "AccessScope", handle })),
  };
}
