/** What a TikTok refusal means for the caller; decides retrying and what the troubleshooting UI shows. */
export type TikTokErrorKind =
  | "rate_limited" // too many requests: wait and retry
  | "server" // TikTok-side failure (5xx, 36009003): retry with backoff
  | "timeout" // no answer in time (ours or TikTok's 36009007): retry
  | "network" // connection failed before an HTTP answer: retry
  | "auth_expired" // access token expired: refresh it, then retry once
  | "auth_invalid" // token revoked/wrong shop/refresh expired: the seller must re-authorize
  | "scope_missing" // the app lacks the API package for this endpoint
  | "signature" // our request signature or timestamp was refused
  | "validation" // the data we sent breaks a TikTok rule (listing content, limits)
  | "quota" // a business quota (daily listing limit) is exhausted
  | "not_found" // the resource does not exist
  | "seller_setup" // the seller must finish something in Seller Center first
  | "configuration" // the app's own setup (IP allow-list, app key) is wrong
  | "client_bug" // a request our code should never send (bad path, version, missing cipher)
  | "response_invalid" // TikTok answered with a shape we cannot use
  | "unknown";

/** Kinds where sending the same request again later can succeed without anyone changing anything. */
export const TRANSIENT_KINDS: ReadonlySet<TikTokErrorKind> = new Set(["rate_limited", "server", "timeout", "network"]);
