// Shopify signs each webhook with X-Shopify-Hmac-Sha256: base64(HMAC-SHA256(app secret, raw body bytes)).
// Verified here without the library's request adapters so the intake path needs no Request object and no
// session read (tests/unit/webhooks/webhook-hmac.test.ts checks it agrees with @shopify/shopify-api).
import { createHmac, timingSafeEqual } from "node:crypto";

export function verifyShopifyWebhookHmac(rawBody: Buffer, header: string | undefined, apiSecret: string): boolean {
  if (!header || !apiSecret) return false;
  const expected = createHmac("sha256", apiSecret).update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(header, "base64");
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}
