import type { Shop } from "./model";
import { DAILY_LISTING_QUOTA } from "./options";
import type { Simulator } from "./simulator";

/** Daily listing quota by probation tier (§11), counted per shop per UTC day of the simulator clock. */
export function dailyQuotaFor(sim: Simulator, shop: Shop): number {
  return sim.options.dailyListingQuota ?? DAILY_LISTING_QUOTA[shop.probationTier] ?? 1000;
}

function dayKey(sim: Simulator, shopId: string): string {
  return `${shopId}\u0000${Math.floor(sim.nowSeconds() / 86_400)}`;
}

export function listedToday(sim: Simulator, shopId: string): number {
  return sim.state.listingsPerDay.get(dayKey(sim, shopId)) ?? 0;
}

export function countListing(sim: Simulator, shopId: string): void {
  const key = dayKey(sim, shopId);
  sim.state.listingsPerDay.set(key, (sim.state.listingsPerDay.get(key) ?? 0) + 1);
}
