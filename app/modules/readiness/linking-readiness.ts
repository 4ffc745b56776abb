// The link to TikTok as checklist items: authorized, syncing (not paused), TikTok account data readable.
import type { LinkSummary } from "../linking/link-summary";
import type { ReadinessItem } from "./readiness-item";
import { CONNECT_ACTION, sellerCenter } from "./readiness-links";

const WHY_AUTHORIZED = "The app can only create listings, update stock and import orders for a TikTok shop that authorized it.";

export function judgeLinking(link: LinkSummary | null, accounts: { readable: boolean; count: number; error?: string }): ReadinessItem[] {
  if (!link) {
    return [{
      id: "linking.authorized", section: "linking", title: "TikTok Shop authorized", status: "action_needed",
      detail: "No TikTok Shop is connected to this store yet.", why: WHY_AUTHORIZED,
      nextStep: "Connect your TikTok Shop: you sign in on TikTok and approve access, then come back here.", action: CONNECT_ACTION,
    }];
  }
  const authorized: ReadinessItem = { id: "linking.authorized", section: "linking", title: "TikTok Shop authorized", why: WHY_AUTHORIZED,
    ...(link.daysUntilReauthorization < 0
      ? { status: "blocked" as const, detail: `${link.name} (${link.region}): TikTok's authorization has ended.`, nextStep: "Reconnect your TikTok Shop.", action: { ...CONNECT_ACTION, label: "Reconnect" } }
      : link.daysUntilReauthorization <= 30
        ? { status: "action_needed" as const, detail: `${link.name} (${link.region}): authorization ends in ${link.daysUntilReauthorization} days.`, nextStep: "Reconnect before then so syncing does not stop.", action: { ...CONNECT_ACTION, label: "Reconnect" } }
        : { status: "done" as const, detail: `${link.name} (${link.region}) is connected; the authorization renews in ${link.daysUntilReauthorization} days.`, nextStep: null, action: null }),
  };
  const syncing: ReadinessItem = { id: "linking.sync_active", section: "linking", title: "Sync is running",
    why: "While sync is paused, changes in Shopify wait and nothing reaches TikTok.",
    ...(link.status === "paused"
      ? { status: "blocked" as const, detail: link.attention?.message ?? "Sync is paused.", nextStep: "Reconnect your TikTok Shop; waiting changes then sync by themselves.", action: { ...CONNECT_ACTION, label: "Reconnect" } }
      : { status: "done" as const, detail: "Not paused: changes sync to TikTok as they happen.", nextStep: null, action: null }),
  };
  const account: ReadinessItem = { id: "linking.tiktok_account", section: "linking", title: "TikTok account connected",
    why: "We read the account's type, followers and standing from TikTok to check that it can sell.",
    ...(!accounts.readable
      ? { status: "unknown" as const, detail: `TikTok did not give us the accounts bound to this shop${accounts.error ? ` (${accounts.error})` : ""}.`, nextStep: "Check Seller Center (Marketing > Creator binds) and reload this page.", action: sellerCenter(link.region) }
      : accounts.count === 0
        ? { status: "action_needed" as const, detail: "No TikTok account is bound to this shop.", nextStep: "Bind your brand's TikTok account as the official account in Seller Center.", action: sellerCenter(link.region, "Bind an account in Seller Center") }
        : { status: "done" as const, detail: `${accounts.count} TikTok account${accounts.count === 1 ? "" : "s"} bound to this shop.`, nextStep: null, action: null }),
  };
  return [authorized, syncing, account];
}
