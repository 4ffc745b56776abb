import { createHmac, timingSafeEqual } from "node:crypto";

/** Query parameters that never take part in the signature (§1.2 step 1). */
const UNSIGNED_PARAMS = new Set(["sign", "access_token"]);

/**
 * The simulator's own implementation of TikTok's request signature (§1.2), written independently of the
 * app's client so that a mistake on one side cannot hide the same mistake on the other.
 * `params` are the URL-decoded query pairs exactly as received; `body` is the raw body bytes, or undefined
 * when the body is not part of the signature (GET, multipart).
 */
export function computeRequestSign(
  secret: string,
  path: string,
  params: ReadonlyArray<readonly [string, string]>,
  body: Buffer | string | undefined,
): string {
  const signed = params.filter(([key]) => !UNSIGNED_PARAMS.has(key));
  // Plain code-unit order, like Array.prototype.sort() on strings.
  signed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hmac = createHmac("sha256", secret);
  hmac.update(secret + path + signed.map(([k, v]) => k + v).join(""), "utf8");
  if (body !== undefined && body.length > 0) hmac.update(typeof body === "string" ? Buffer.from(body, "utf8") : body);
  hmac.update(secret, "utf8");
  return hmac.digest("hex");
}

/** Constant-time comparison of two lowercase hex digests. */
export function signaturesMatch(expected: string, received: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(received, "hex"));
}

/** Webhook signature (§8.1): hex HMAC_SHA256(app_secret, app_key + raw body). */
export function computeWebhookSignature(appKey: string, appSecret: string, rawBody: string): string {
  return createHmac("sha256", appSecret).update(appKey + rawBody, "utf8").digest("hex");
}
