// Pure checks of the store's shipping setup against its TikTok shop: locations mapped to warehouses,
// a return warehouse, a shipping template and delivery options. Each returns one readiness item that
// says what we found and what to do, with TikTok's error code when TikTok would refuse listings.
import { lookupTikTokErrorCode } from "../../integrations/tiktok/tiktok-error-catalog";
import type { ReadinessItem } from "../readiness/readiness-item";
import { locationMappingRows } from "./location-mapping";
import { prerequisite, type PoliciesFacts } from "./policies-facts";
import { sellerCenterUrl } from "./seller-center-links";

export const SHIPPING_PAGE = "/app/shipping";

const CONTRACT_SOURCE = (section: string) => ({ title: `TikTok Shop API contract ${section}`, url: "https://partner.tiktokshop.com/docv2", checkedOn: "2025-12-01" });

export function notLinkedItem(id: string, section: ReadinessItem["section"], title: string, why: string, facts: PoliciesFacts): ReadinessItem {
  return {
    id, section, title, why,
    status: facts.tiktokError ? "unknown" : "blocked",
    detail: facts.tiktokError ? `We could not read your TikTok shop: ${facts.tiktokError}` : "No TikTok shop is linked to this store yet.",
    nextStep: facts.tiktokError ? "Reload the page in a minute. If it keeps failing, reconnect your TikTok Shop from the home page." : "Connect your TikTok Shop from the home page.",
    action: { label: "Go to the home page", url: "/app", external: false },
  };
}

function sellerCenter(facts: PoliciesFacts, label: string) {
  return { label, url: sellerCenterUrl(facts.tiktok?.region), external: true };
}

/** What TikTok answers a listing while this is missing, named as in the error catalog. */
export function explainCode(code: number): string {
  const entry = lookupTikTokErrorCode(code);
  return `Until it is fixed TikTok refuses every new listing with TikTok error ${code}${entry ? ` ("${entry.title}")` : ""}.`;
}

export function checkLocationMapping(facts: PoliciesFacts): ReadinessItem {
  const id = "policies.shipping_mapping";
  const title = "Shopify locations linked to TikTok warehouses";
  const why = "TikTok keeps stock per warehouse; stock from a location that is not linked never reaches TikTok, and orders ship from the warehouse TikTok shows buyers.";
  if (!facts.tiktok) return notLinkedItem(id, "policies", title, why, facts);
  const sales = facts.tiktok.warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && w.enabled);
  if (sales.length === 0) {
    return {
      id, section: "policies", title, why, status: "blocked",
      detail: `Your TikTok shop ${facts.tiktok.shopName} has no active sales (pickup) warehouse, so there is nowhere to put stock.`,
      nextStep: "Add a pickup warehouse in TikTok Seller Center (Shipping → Warehouses), then come back to link your locations to it.",
      action: sellerCenter(facts, "Open TikTok Seller Center"),
    };
  }
  const rows = locationMappingRows(facts.shopify.locations, facts.tiktok.warehouses, facts.inventoryRules);
  const problems = rows.filter((r) => r.problem);
  if (problems.length) {
    const lines = problems.map((r) => {
      if (r.problem === "stock_not_sent") return `${r.location.name} has stock but is not linked to a TikTok warehouse, so its stock is not sold on TikTok`;
      if (r.problem === "unknown_warehouse") return `${r.location.name} is linked to warehouse ${r.warehouseId}, which is not in your TikTok shop ${facts.tiktok!.shopName}`;
      if (r.problem === "not_a_sales_warehouse") return `${r.location.name} is linked to ${r.warehouse!.name}, a return warehouse (stock must go to a sales warehouse)`;
      return `${r.location.name} is linked to ${r.warehouse!.name}, which TikTok has disabled`;
    });
    return {
      id, section: "policies", title, why, status: "action_needed",
      detail: `${lines.join("; ")}.`,
      nextStep: "Choose a TikTok sales warehouse for each location that holds stock on the Shipping, returns & payments page, then save.",
      action: { label: "Link locations", url: SHIPPING_PAGE, external: false },
    };
  }
  const linked = rows.filter((r) => r.warehouse);
  return {
    id, section: "policies", title, why, status: "done",
    detail: linked.length
      ? linked.map((r) => `${r.location.name} → ${r.warehouse!.name}`).join("; ") + "."
      : "None of your active locations holds stock yet.",
    nextStep: null, action: null,
  };
}

export function checkReturnWarehouse(facts: PoliciesFacts): ReadinessItem {
  const id = "policies.return_warehouse";
  const title = "Return warehouse on TikTok";
  const why = "TikTok refuses every new listing until the shop has a return address, because buyers must be able to send items back.";
  if (!facts.tiktok) return notLinkedItem(id, "policies", title, why, facts);
  const returns = facts.tiktok.warehouses.filter((w) => w.type === "RETURN_WAREHOUSE" && w.enabled);
  const check = prerequisite(facts, "RETURN_WAREHOUSE");
  if (returns.length === 0 || check?.failed) {
    return {
      id, section: "policies", title, why, status: "blocked",
      detail: `Your TikTok shop ${facts.tiktok.shopName} has no return warehouse. ${explainCode(12052535)}`,
      nextStep: "In TikTok Seller Center, add a return warehouse (My Account → Addresses, or Shipping → Warehouses) with the address where you accept returns — the one your Shopify refund policy names.",
      action: sellerCenter(facts, "Add a return warehouse in Seller Center"),
      source: CONTRACT_SOURCE("§2.1 (12052535), §6"),
    };
  }
  return {
    id, section: "policies", title, why, status: "done",
    detail: `Returns go to ${returns.map((w) => `${w.name}${w.address ? ` (${w.address})` : ""}`).join("; ")}.`,
    nextStep: null, action: null,
  };
}

export function checkShippingTemplate(facts: PoliciesFacts): ReadinessItem {
  const id = "policies.shipping_template";
  const title = "Shipping template on TikTok";
  const why = "The shipping template sets what TikTok buyers pay for delivery and how fast it is; without one TikTok refuses listings.";
  if (!facts.tiktok) return notLinkedItem(id, "policies", title, why, facts);
  const check = prerequisite(facts, "SHIPPING_TEMPLATE");
  const how = "TikTok's API cannot read shipping templates; this comes from TikTok's listing prerequisites check.";
  if (!check) {
    return {
      id, section: "policies", title, why, status: "unknown",
      detail: `TikTok did not report whether your shop has a shipping template. ${how}`,
      nextStep: "Check in TikTok Seller Center (Shipping → Shipping templates) that a template exists and is the default.",
      action: sellerCenter(facts, "Open shipping templates in Seller Center"),
    };
  }
  if (check.failed) {
    return {
      id, section: "policies", title, why, status: "blocked",
      detail: `Your TikTok shop ${facts.tiktok.shopName} has no shipping template. ${explainCode(12052402)} ${how}`,
      nextStep: "Create a shipping template in TikTok Seller Center (Shipping → Shipping templates) with rates close to your Shopify delivery profile, and make it the default.",
      action: sellerCenter(facts, "Create a shipping template in Seller Center"),
      source: CONTRACT_SOURCE("§2.1 (12052402), §4.6"),
    };
  }
  return { id, section: "policies", title, why, status: "done", detail: `Your TikTok shop has a shipping template. ${how}`, nextStep: null, action: null };
}

const COUNTRY_NAMES: Record<string, string> = { US: "the United States", GB: "the United Kingdom" };

export function checkDeliveryOptions(facts: PoliciesFacts): ReadinessItem {
  const id = "policies.delivery";
  const title = "Delivery: Shopify profiles and TikTok delivery options";
  const why = "Buyers on TikTok see TikTok's delivery options; your Shopify delivery profile should ship to the same country so you can fulfil what TikTok sells.";
  if (!facts.tiktok) return notLinkedItem(id, "policies", title, why, facts);
  const tiktok = facts.tiktok;
  const region = tiktok.region.toUpperCase() === "UK" ? "GB" : tiktok.region.toUpperCase();
  const problems: string[] = [];
  const check = prerequisite(facts, "DELIVERY_OPTION");
  const used = new Set(facts.inventoryRules.locationWarehouses.map((m) => m.warehouseId).concat(facts.inventoryRules.defaultWarehouseId ?? []));
  const salesInUse = tiktok.warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && w.enabled && (used.size === 0 || used.has(w.id)));
  const withoutOptions = salesInUse.filter((w) => (tiktok.deliveryOptions[w.id] ?? []).length === 0);
  if (check?.failed || withoutOptions.length) {
    problems.push(withoutOptions.length
      ? `TikTok offers no delivery option from ${withoutOptions.map((w) => w.name).join(", ")}`
      : "TikTok reports that no delivery option is enabled for your shop");
  }
  const shipsToRegion = facts.shopify.deliveryProfiles.some((p) => p.zones.some((z) => z.restOfWorld || z.countryCodes.includes(region)));
  if (facts.shopify.deliveryProfiles.length && !shipsToRegion) {
    problems.push(`none of your Shopify delivery profiles ships to ${COUNTRY_NAMES[region] ?? region}, where your TikTok shop ${tiktok.shopName} sells`);
  }
  const shopifyMethods = [...new Set(facts.shopify.deliveryProfiles.flatMap((p) => p.zones.flatMap((z) => z.methods.map((m) => (m.price ? `${m.name} ${m.price} ${m.currency ?? ""}`.trim() : m.name)))))];
  const tiktokOptions = [...new Set(Object.values(tiktok.deliveryOptions).flat().map((o) => o.name))];
  const summary = `Shopify: ${shopifyMethods.join(", ") || "no rates"}. TikTok: ${tiktokOptions.join(", ") || "no delivery options"}.`;
  if (problems.length) {
    return {
      id, section: "policies", title, why, status: "action_needed",
      detail: `${problems.join("; ")}. ${summary}`,
      nextStep: withoutOptions.length || check?.failed
        ? "Enable at least one delivery option for your warehouse in TikTok Seller Center (Shipping → Delivery options)."
        : `Add a shipping zone for ${COUNTRY_NAMES[region] ?? region} to your Shopify delivery profile (Settings → Shipping and delivery), or link the TikTok shop of the country you ship to.`,
      action: withoutOptions.length || check?.failed ? sellerCenter(facts, "Open delivery options in Seller Center") : { label: "Open Shopify shipping settings", url: "shopify://admin/settings/shipping", external: true },
    };
  }
  return { id, section: "policies", title, why, status: "done", detail: summary, nextStep: null, action: null };
}
