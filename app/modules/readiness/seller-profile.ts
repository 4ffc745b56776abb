// What TikTok knows about the seller behind a linked shop, beyond the public Open API: the business
// verification record (legal name, registered address, contact, per-document status) and the TikTok
// accounts bound to the shop (type, followers, restrictions). Read through this port; the only adapter
// (app/integrations/tiktok/seller-profile-extension.ts) calls the simulator's extension endpoints —
// production needs TikTok partner data access for these.
import type { TikTokShopLink } from "../linking/tiktok-shop-link-repository";

export type VerificationItemKind = "LEGAL_DOCUMENTS" | "KEY_PERSON_IDENTITY" | "BANK_ACCOUNT" | "BUSINESS_ADDRESS" | "TAX_INFORMATION";
export type VerificationStatus = "APPROVED" | "PENDING" | "REJECTED" | "NOT_SUBMITTED";

export interface PostalAddress {
  line1: string;
  line2: string;
  city: string;
  /** State / province / county, as the source spells it (name or code). */
  province: string;
  postalCode: string;
  countryCode: string;
}

export interface SellerBusinessProfile {
  entityType: "INDIVIDUAL" | "BUSINESS";
  legalName: string;
  registeredAddress: PostalAddress;
  contactEmail: string;
  contactPhone: string;
  verification: Array<{ item: string; status: string; rejectReason: string; updatedAt: Date }>;
}

export interface BoundTikTokAccount {
  username: string;
  displayName: string;
  accountType: string;
  followerCount: number;
  ageVerified18Plus: boolean;
  restrictions: Array<{ type: string; reason: string; startsAt: Date; endsAt: Date }>;
}

export interface TikTokSellerProfileSource {
  businessProfile(link: TikTokShopLink): Promise<SellerBusinessProfile>;
  boundAccounts(link: TikTokShopLink): Promise<BoundTikTokAccount[]>;
}
