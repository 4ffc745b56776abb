// How a linked TikTok shop is shown to the merchant: plain facts plus what (if anything) to do.
import type { TikTokShopLink } from "./tiktok-shop-link-repository";

export interface LinkSummary {
  tiktokShopId: string;
  name: string;
  region: string;
  status: TikTokShopLink["status"];
  daysUntilReauthorization: number;
  /** The catalog (products, stock, prices) syncs to this shop. */
  syncsCatalog: boolean;
  attention: null | { tone: "warning" | "critical"; message: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `catalogShopId`: the shop the catalog syncs to (the link repository's `primary`). */
export function summarizeLink(link: TikTokShopLink, now: Date, catalogShopId?: string | null): LinkSummary {
  const days = Math.floor((link.authorizationExpiresAt.getTime() - now.getTime()) / DAY_MS);
  let attention: LinkSummary["attention"] = null;
  if (link.status === "paused") {
    attention = { tone: "critical", message: `Sync is paused: ${link.pausedReason ?? "TikTok no longer accepts this connection."} Your changes are kept and will sync after you reconnect.` };
  } else if (days < 0) {
    attention = { tone: "critical", message: "TikTok's authorization has ended. Reconnect your TikTok Shop to resume syncing." };
  } else if (days <= 30) {
    attention = { tone: "warning", message: `TikTok's authorization ends in ${days} day${days === 1 ? "" : "s"}. Reconnect before then so syncing does not stop.` };
  }
  return { tiktokShopId: link.tiktokShopId, name: link.tiktokShopName, region: link.region, status: link.status, daysUntilReauthorization: days, syncsCatalog: link.tiktokShopId === catalogShopId, attention };
}
