// The store's refund policy beside TikTok's platform return rules for the shop's region. TikTok buyers
// get TikTok's terms whatever the store's policy says, so a shorter store window is a difference the
// merchant must accept (or explain) before selling on TikTok.
import type { ReadinessItem } from "../readiness/readiness-item";
import { notLinkedItem } from "./shipping-checks";
import type { PoliciesFacts } from "./policies-facts";
import { returnWindowDays } from "./return-window";
import { tiktokReturnRule } from "./tiktok-return-rules";

export function checkReturnPolicy(facts: PoliciesFacts): ReadinessItem {
  const id = "policies.return_policy";
  const title = "Return policy compared with TikTok's";
  const why = "Buyers on TikTok return under TikTok's rules; your store's policy should not promise less, or TikTok buyers and your own customers get different answers.";
  if (!facts.tiktok) return notLinkedItem(id, "policies", title, why, facts);
  const rule = tiktokReturnRule(facts.tiktok.region);
  const policy = facts.shopify.refundPolicy;
  const base = { id, section: "policies" as const, title, why, ...(rule ? { source: rule.source } : {}) };
  if (!policy || !policy.text.trim()) {
    return {
      ...base, status: "action_needed",
      detail: `Your store has no refund policy.${rule ? ` On TikTok: ${rule.summary}` : ""}`,
      nextStep: `Write a refund policy in Shopify (Settings → Policies)${rule ? ` that allows returns within at least ${rule.returnWindowDays} days, as TikTok does` : ""}.`,
      action: { label: "Open Shopify policies", url: "shopify://admin/settings/legal", external: true },
    };
  }
  if (!rule) {
    return {
      ...base, status: "unknown",
      detail: `We have no record of TikTok's return rules for ${facts.tiktok.region}.`,
      nextStep: `Compare your refund policy with the return rules in TikTok Seller Center for ${facts.tiktok.region}.`,
      action: null,
    };
  }
  const days = returnWindowDays(policy.text);
  if (days === null) {
    return {
      ...base, status: "unknown",
      detail: `Your refund policy does not state a return window in days. On TikTok: ${rule.summary}`,
      nextStep: `Say in your refund policy how many days customers have to return items; TikTok buyers have ${rule.returnWindowDays}.`,
      action: { label: "Open Shopify policies", url: "shopify://admin/settings/legal", external: true },
    };
  }
  if (days < rule.returnWindowDays) {
    return {
      ...base, status: "action_needed",
      detail: `Your refund policy allows returns within ${days} days; TikTok buyers get ${rule.returnWindowDays} days. ${rule.summary}`,
      nextStep: `Accept TikTok returns for ${rule.returnWindowDays} days: extend your refund policy to ${rule.returnWindowDays} days, or add a line that orders placed on TikTok Shop follow TikTok's return policy.`,
      action: { label: "Open Shopify policies", url: "shopify://admin/settings/legal", external: true },
    };
  }
  return {
    ...base, status: "done",
    detail: `Your refund policy allows returns within ${days} days; TikTok buyers get ${rule.returnWindowDays} days${days > rule.returnWindowDays ? ", so honour your longer window for them too" : ""}.`,
    nextStep: null, action: null,
  };
}
