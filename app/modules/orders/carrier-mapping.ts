// Shopify tracking company → TikTok shipping provider. TikTok's providers (ids and exact names) are read at
// runtime for the order's delivery option; names are compared normalised, then through the aliases of
// contract §5.2. Never a guess: no match means the merchant is told which names TikTok accepts.
export interface ShippingProvider {
  id: string;
  name: string;
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/®/g, "")
    .replace(/\buk\b/g, "")
    .replace(/[^a-z0-9]+/g, "");

/** Shopify's spelling (normalised) → TikTok's names (normalised) it may appear as. */
const ALIASES: Record<string, string[]> = {
  dhlexpress: ["dhl", "dhluk"],
  dhlparcel: ["dhluk"],
  amazon: ["amazonlogistics"],
  amazonlogisticsuk: ["amazonlogistics"],
  lasership: ["lasership"],
  lonestarovernight: ["lonestarovernight", "lso"],
  lso: ["lonestarovernight"],
  tforcefinalmile: ["tforce"],
  gls: ["glsus", "gls"],
  evri: ["hermesevri", "evri", "hermes"],
  hermes: ["hermesevri"],
  dpdlocal: ["dpd"],
  parcelforce: ["parcelforce"],
};

/** `mapped`: the merchant's own choices (Shopify company → TikTok provider name), tried first. */
export function tiktokProviderFor(
  trackingCompany: string,
  providers: readonly ShippingProvider[],
  mapped: Record<string, string> = {}
): ShippingProvider | null {
  const wanted = normalise(trackingCompany);
  if (wanted === "") return null;
  const chosen = mapped[trackingCompany];
  const byMerchant = chosen ? providers.find((p) => p.name === chosen) : undefined;
  if (byMerchant) return byMerchant;
  const exact = providers.find((p) => normalise(p.name) === wanted);
  if (exact) return exact;
  const aliases = ALIASES[wanted] ?? [];
  return providers.find((p) => aliases.includes(normalise(p.name))) ?? null;
}
