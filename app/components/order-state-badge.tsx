import { Badge } from "@shopify/polaris";

const BADGES: Record<string, { label: string; tone?: "success" | "critical" | "attention" | "info" | "warning" }> = {
  new: { label: "Waiting", tone: "info" },
  reserved: { label: "Stock reserved", tone: "attention" },
  imported: { label: "In Shopify", tone: "success" },
  problem: { label: "Needs attention", tone: "critical" },
  cancelled: { label: "Cancelled" },
  skipped: { label: "Imported by another app", tone: "warning" },
};

/** Where a TikTok order stands in the app, in a word or two. */
export function OrderStateBadge({ state }: { state: string }) {
  const badge = BADGES[state] ?? { label: state };
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}
