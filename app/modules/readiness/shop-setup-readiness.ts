// Shop setup as TikTok's listing-prerequisites check (contract §4.6) reports it, and whether the first
// products are ready to list.
import type { ReadinessItem, ReadinessSection } from "./readiness-item";
import { sellerCenter } from "./readiness-links";

export interface PrerequisiteCheck {
  check_item: string;
  is_failed: boolean;
  fail_reasons: string[];
}

interface CheckGuide {
  section: ReadinessSection;
  title: string;
  why: string;
  fix: string;
}

// TikTok spells the bank check "BANk_ACCOUNT" (sic, contract §4.6); matched case-insensitively.
const GUIDES: Record<string, CheckGuide> = {
  SHOP_STATUS: { section: "shop_setup", title: "TikTok shop is active", why: "An inactive or suspended shop cannot list products.",
    fix: "Open Seller Center and follow the notice on the home page (My account > Account health) to reactivate the shop." },
  SHOP_TAX: { section: "shop_setup", title: "Tax information on TikTok", why: "TikTok pauses listings and payouts until tax details are on file.",
    fix: "Add your tax information in Seller Center (My account > Account settings > Tax information)." },
  CONTACT_INFO: { section: "shop_setup", title: "Contact information on TikTok", why: "TikTok and buyers need a working email and phone for orders and verification.",
    fix: "Add a contact email and phone in Seller Center (My account > Account settings > Contact information)." },
  EXTENDED_PRODUCER_RESPONSIBILITY: { section: "shop_setup", title: "Producer responsibility (EPR) registration", why: "EU markets require EPR registration numbers for packaging and products before listing.",
    fix: "Add your EPR registration numbers in Seller Center (My account > Compliance)." },
  PRODUCT_QUANTITY_LIMIT: { section: "shop_setup", title: "Room under TikTok's listing limit", why: "New shops can list only a limited number of products a day (probation).",
    fix: "Nothing to do: products wait and are listed automatically when TikTok's daily limit resets." },
  PICKUP_WAREHOUSE: { section: "policies", title: "Pickup (sales) warehouse", why: "Every product ships from a TikTok warehouse address.",
    fix: "Add a pickup warehouse in Seller Center (My account > Account settings > Warehouses)." },
  RETURN_WAREHOUSE: { section: "policies", title: "Return warehouse", why: "TikTok refuses new listings until a return address is set (error 12052535).",
    fix: "Add a return warehouse in Seller Center (My account > Account settings > Warehouses)." },
  DELIVERY_OPTION: { section: "policies", title: "Delivery option", why: "Buyers can only check out products with at least one delivery option.",
    fix: "Turn on a delivery option in Seller Center (Shipping > Delivery options)." },
  SHIPPING_TEMPLATE: { section: "policies", title: "Shipping template", why: "TikTok needs a shipping template to show delivery fees and times.",
    fix: "Create a shipping template in Seller Center (Shipping > Shipping templates)." },
  BANK_ACCOUNT: { section: "payments", title: "Payout bank account", why: "TikTok holds sales proceeds until a bank account is linked for payouts.",
    fix: "Link a bank account in Seller Center (Finance > Bank account)." },
};

/**
 * Prerequisite checks as checklist items. Shipping/returns ("policies") and payouts ("payments") are
 * judged by policies-readiness when it provides those sections; pass `include` to keep only the rest.
 */
export function judgePrerequisites(checks: PrerequisiteCheck[], region: string | null, include: ReadonlySet<ReadinessSection>): ReadinessItem[] {
  return checks.flatMap((check): ReadinessItem[] => {
    const key = check.check_item.toUpperCase();
    const guide = GUIDES[key];
    if (!guide || !include.has(guide.section)) return [];
    const base = { id: `${guide.section}.prerequisite.${key.toLowerCase()}`, section: guide.section, title: guide.title, why: guide.why };
    if (!check.is_failed) return [{ ...base, status: "done", detail: "TikTok's listing check passes.", nextStep: null, action: null }];
    const reasons = check.fail_reasons.filter(Boolean).join(" ");
    return [{ ...base, status: key === "PRODUCT_QUANTITY_LIMIT" ? "pending" : "action_needed",
      detail: `TikTok's listing check fails${reasons ? `: ${reasons}` : "."}`, nextStep: guide.fix,
      action: key === "PRODUCT_QUANTITY_LIMIT" ? null : sellerCenter(region) }];
  });
}

export function prerequisitesUnavailable(region: string | null, reason: string): ReadinessItem {
  return { id: "shop_setup.prerequisites", section: "shop_setup", title: "TikTok's listing check", status: "unknown",
    detail: `We could not run TikTok's listing prerequisites check (${reason}).`,
    why: "TikTok refuses listings while the shop's status, tax, contact, warehouse or bank details are missing.",
    nextStep: "Reload this page in a minute; if it persists, check the shop's setup in Seller Center.", action: sellerCenter(region) };
}

/** First products: chosen products whose pre-flight check found nothing that blocks listing. */
export function judgeFirstProducts(counts: { selected: number; withoutBlockingFindings: number }): ReadinessItem {
  const base = { id: "shop_setup.first_products", section: "shop_setup" as const, title: "First products ready to list",
    why: "Your shop goes live with its first listings; TikTok reviews each product before buyers see it." };
  const action = { label: "Choose products", url: "/app/products", external: false };
  if (counts.selected === 0) {
    return { ...base, status: "action_needed", detail: "No products are chosen for TikTok yet.", nextStep: "Choose the products to sell on TikTok.", action };
  }
  const blocked = counts.selected - counts.withoutBlockingFindings;
  if (counts.withoutBlockingFindings === 0) {
    return { ...base, status: "action_needed", detail: `All ${counts.selected} chosen products have something TikTok would refuse.`,
      nextStep: "Open Products, filter by problems and fix what each product's findings say.", action: { ...action, label: "Fix products" } };
  }
  return { ...base, status: "done",
    detail: `${counts.withoutBlockingFindings} of ${counts.selected} chosen products are ready${blocked ? `; ${blocked} need a fix first` : ""}.`,
    nextStep: null, action: null };
}
