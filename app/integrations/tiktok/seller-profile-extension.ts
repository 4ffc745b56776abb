// Adapter for TikTokSellerProfileSource: business verification and bound TikTok accounts.
//
// NOT PART OF TIKTOK'S PUBLIC OPEN API. TikTok Shop's Partner API exposes neither the seller's business
// verification record nor the TikTok accounts bound to a shop (contract §11: "none of these are exposed by
// the Open API"). This adapter calls the TikTok simulator's extension endpoints
// `GET /sandbox/business_verification?shop_id=` and `GET /sandbox/tiktok_accounts?shop_id=`. In production
// it needs TikTok partner data access (a data-sharing agreement giving an equivalent endpoint); until then
// these calls fail and the checklist says the data is unavailable and where to check it in Seller Center.
import { z } from "zod";
import type { TikTokShopLink } from "../../modules/linking/tiktok-shop-link-repository";
import type { BoundTikTokAccount, SellerBusinessProfile, TikTokSellerProfileSource } from "../../modules/readiness/seller-profile";

const addressSchema = z.looseObject({
  region_code: z.string().default(""),
  state: z.string().default(""),
  city: z.string().default(""),
  postal_code: z.string().default(""),
  address_line1: z.string().default(""),
  address_line2: z.string().default(""),
});

const businessVerificationSchema = z.looseObject({
  shop_id: z.string(),
  seller_entity_type: z.enum(["INDIVIDUAL", "BUSINESS"]),
  legal_name: z.string(),
  registered_address: addressSchema,
  contact_email: z.string().default(""),
  contact_phone: z.string().default(""),
  items: z.array(z.looseObject({ item: z.string(), status: z.string(), reject_reason: z.string().default(""), update_time: z.number().int() })),
});

const accountsSchema = z.looseObject({
  shop_id: z.string(),
  tiktok_accounts: z.array(
    z.looseObject({
      username: z.string(),
      display_name: z.string().default(""),
      account_type: z.string(),
      follower_count: z.number().int().nonnegative(),
      is_age_verified_18_plus: z.boolean(),
      restrictions: z.array(z.looseObject({ type: z.string(), reason: z.string(), start_time: z.number().int(), end_time: z.number().int() })).default([]),
    }),
  ),
});

export class SellerProfileUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SellerProfileUnavailableError";
  }
}

export function createSellerProfileExtensionSource(options: { baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }): TikTokSellerProfileSource {
  const doFetch = options.fetch ?? globalThis.fetch;
  const origin = new URL(options.baseUrl).origin;

  async function get<T>(path: string, link: TikTokShopLink, schema: z.ZodType<T>): Promise<T> {
    const url = `${origin}${path}?shop_id=${encodeURIComponent(link.tiktokShopId)}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    } catch (error) {
      throw new SellerProfileUnavailableError(`TikTok could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) throw new SellerProfileUnavailableError(`TikTok answered HTTP ${response.status}`);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new SellerProfileUnavailableError("TikTok's answer was not in the expected form");
    return parsed.data;
  }

  return {
    async businessProfile(link): Promise<SellerBusinessProfile> {
      const d = await get("/sandbox/business_verification", link, businessVerificationSchema);
      const a = d.registered_address;
      return {
        entityType: d.seller_entity_type,
        legalName: d.legal_name,
        registeredAddress: { line1: a.address_line1, line2: a.address_line2, city: a.city, province: a.state, postalCode: a.postal_code, countryCode: a.region_code },
        contactEmail: d.contact_email,
        contactPhone: d.contact_phone,
        verification: d.items.map((i) => ({ item: i.item, status: i.status, rejectReason: i.reject_reason, updatedAt: new Date(i.update_time * 1000) })),
      };
    },
    async boundAccounts(link): Promise<BoundTikTokAccount[]> {
      const d = await get("/sandbox/tiktok_accounts", link, accountsSchema);
      return d.tiktok_accounts.map((a) => ({
        username: a.username,
        displayName: a.display_name,
        accountType: a.account_type,
        followerCount: a.follower_count,
        ageVerified18Plus: a.is_age_verified_18_plus,
        restrictions: a.restrictions.map((r) => ({ type: r.type, reason: r.reason, startsAt: new Date(r.start_time * 1000), endsAt: new Date(r.end_time * 1000) })),
      }));
    },
  };
}
