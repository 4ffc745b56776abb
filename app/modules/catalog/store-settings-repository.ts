// A store's listing, price and inventory settings: one JSON document per store, validated by the same
// parser as `npm run listing:check --settings`, so what support checks offline is what the app applies.
import type { Database } from "../../db.server";
import { parseListingCheckSettings, type ListingCheckSettings } from "../listing/listing-check-settings";

export type SettingsDocument = {
  listing?: Record<string, unknown>;
  price?: Record<string, unknown>;
  inventory?: Record<string, unknown>;
  /** What happens on TikTok when a product stops syncing or is deleted in Shopify. */
  onRemove?: "deactivate" | "delete";
  /** Carriers the merchant mapped by hand: Shopify tracking company → TikTok shipping provider name. */
  carriers?: Record<string, string>;
};

export function createStoreSettingsRepository(db: Database) {
  async function document(shop: string): Promise<SettingsDocument> {
    const row = await db.storeSettings.findUnique({ where: { shop } });
    return row ? (JSON.parse(row.document) as SettingsDocument) : {};
  }

  return {
    document,

    async onRemove(shop: string): Promise<"deactivate" | "delete"> {
      return (await document(shop)).onRemove === "delete" ? "delete" : "deactivate";
    },

    async settings(shop: string): Promise<ListingCheckSettings> {
      return parseListingCheckSettings(await document(shop));
    },

    /** The raw document and its parsed settings from one read. */
    async load(shop: string): Promise<{ document: SettingsDocument; settings: ListingCheckSettings }> {
      const doc = await document(shop);
      return { document: doc, settings: parseListingCheckSettings(doc) };
    },

    /** Read-modify-write of the document; the result must still parse (bad settings are refused, not stored). */
    async update(shop: string, change: (doc: SettingsDocument) => SettingsDocument): Promise<ListingCheckSettings> {
      const next = change(structuredClone(await document(shop)));
      const parsed = parseListingCheckSettings(next);
      const json = JSON.stringify(next);
      await db.storeSettings.upsert({ where: { shop }, create: { shop, document: json }, update: { document: json } });
      return parsed;
    },
  };
}

export type StoreSettingsRepository = ReturnType<typeof createStoreSettingsRepository>;
