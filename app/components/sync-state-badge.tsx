import { Badge } from "@shopify/polaris";

type Tone = "success" | "info" | "attention" | "critical" | "warning" | undefined;

const BADGES: Record<string, { label: string; tone: Tone; progress?: "incomplete" | "partiallyComplete" | "complete" }> = {
  not_synced: { label: "Not synced", tone: undefined },
  queued: { label: "Queued", tone: "info", progress: "incomplete" },
  syncing: { label: "Syncing", tone: "info", progress: "partiallyComplete" },
  live: { label: "Live", tone: "success", progress: "complete" },
  in_review: { label: "In review", tone: "attention", progress: "partiallyComplete" },
  rejected: { label: "Rejected", tone: "critical" },
  error: { label: "Error", tone: "critical" },
  deactivated: { label: "Deactivated", tone: undefined },
};

export function SyncStateBadge({ state }: { state: string }) {
  const badge = BADGES[state] ?? { label: state, tone: undefined };
  return (
    <Badge tone={badge.tone} progress={badge.progress}>
      {badge.label}
    </Badge>
  );
}
