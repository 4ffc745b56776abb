// Shopify delivers inventory_levels/update out of order and more than once, and its updated_at has whole
// seconds. A level is applied when it is newer than what we hold; two different quantities stamped with the
// same second cannot be ordered, so the later arrival is applied but marked uncertain, for a Shopify read to settle.

export interface HeldLevel {
  available: number;
  shopifyUpdatedAt: Date;
}

export type LevelJudgement = "apply" | "tie" | "duplicate" | "stale";

export function judgeLevelUpdate(held: HeldLevel | null, incoming: HeldLevel): LevelJudgement {
  if (!held) return "apply";
  const delta = incoming.shopifyUpdatedAt.getTime() - held.shopifyUpdatedAt.getTime();
  if (delta > 0) return "apply";
  if (delta < 0) return "stale";
  return incoming.available === held.available ? "duplicate" : "tie";
}
