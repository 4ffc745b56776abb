// Use case: the merchant chooses which linked TikTok shop the catalog syncs to (home page or the
// shipping page). Refused, with the next step, while products are listed on the current shop.
import { catalogShopChangeRefusal } from "./catalog-shop-choice";
import type { TikTokShopLinkRepository } from "./tiktok-shop-link-repository";

export interface ChooseCatalogShopDeps {
  links: Pick<TikTokShopLinkRepository, "all" | "primary" | "chooseCatalogShop">;
  countListedProducts: (shop: string) => Promise<number>;
  /** Applies settingsForNewCatalogShop to the store's settings document. */
  forgetShopSpecificSettings: (shop: string) => Promise<void>;
}

export type ChooseCatalogShopResult = { ok: true; message: string } | { ok: false; message: string };

export async function chooseCatalogShop(deps: ChooseCatalogShopDeps, shop: string, tiktokShopId: string): Promise<ChooseCatalogShopResult> {
  const target = (await deps.links.all(shop)).find((l) => l.tiktokShopId === tiktokShopId);
  if (!target) return { ok: false, message: "That TikTok shop is not linked to this store. Reload the page and choose one of the linked shops." };
  const current = await deps.links.primary(shop);
  const named = { ...target, name: `${target.tiktokShopName} (${target.region})` };
  if (current?.tiktokShopId === tiktokShopId) {
    await deps.links.chooseCatalogShop(shop, tiktokShopId); // make the default explicit
    return { ok: true, message: `Your catalog already syncs to ${named.name}.` };
  }
  const refusal = catalogShopChangeRefusal({
    current: current ? { name: `${current.tiktokShopName} (${current.region})` } : null,
    target: named,
    listedProducts: await deps.countListedProducts(shop),
  });
  if (refusal) return { ok: false, message: refusal };
  await deps.links.chooseCatalogShop(shop, tiktokShopId);
  await deps.forgetShopSpecificSettings(shop);
  return { ok: true, message: `Your catalog now syncs to ${named.name}. Products you sync from now on are listed there.` };
}
