import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OAuth `state` values that need no server-side storage: `base64url(payload).base64url(hmac)`. The payload names
 * its purpose, the Shopify shop that started the flow, an expiry and a random nonce. Binding to the shop is
 * what stops CSRF (a state minted for shop A is refused in shop B's callback); the short expiry bounds replay.
 * Strict single use needs memory: pass a `NonceStore` (backed by the database) and each nonce is accepted once.
 */
export interface OAuthStatePayload {
  purpose: string;
  /** The Shopify shop domain (or other subject) the flow belongs to. */
  subject: string;
  nonce: string;
  /** Unix ms. */
  expiresAt: number;
}

export interface NonceStore {
  /** Records the nonce; false when it was already used. */
  consumeOnce(nonce: string, expiresAt: Date): Promise<boolean>;
}

export type OAuthStateFailure = "malformed" | "bad_signature" | "wrong_purpose" | "wrong_subject" | "expired" | "replayed";
export type OAuthStateCheck = { ok: true; payload: OAuthStatePayload } | { ok: false; reason: OAuthStateFailure };

const b64 = (buf: Buffer) => buf.toString("base64url");
const mac = (secret: string, body: string) => createHmac("sha256", secret).update(`tiktok-oauth-state.v1.${body}`).digest();

export function createOAuthState(args: { secret: string; purpose: string; subject: string; ttlMs?: number; now?: number }): string {
  if (args.secret.length < 16) throw new RangeError("OAuth state secret must be at least 16 characters");
  const payload: OAuthStatePayload = {
    purpose: args.purpose,
    subject: args.subject,
    nonce: b64(randomBytes(16)),
    expiresAt: (args.now ?? Date.now()) + (args.ttlMs ?? 10 * 60_000),
  };
  const body = b64(Buffer.from(JSON.stringify(payload)));
  return `${body}.${b64(mac(args.secret, body))}`;
}

export async function verifyOAuthState(args: {
  state: string | null | undefined;
  secret: string;
  purpose: string;
  subject: string;
  now?: number;
  nonceStore?: NonceStore;
}): Promise<OAuthStateCheck> {
  const parts = (args.state ?? "").split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: "malformed" };
  const [body, signature] = parts as [string, string];
  const expected = mac(args.secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  let payload: OAuthStatePayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as OAuthStatePayload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof payload.expiresAt !== "number" || typeof payload.nonce !== "string") return { ok: false, reason: "malformed" };
  if (payload.purpose !== args.purpose) return { ok: false, reason: "wrong_purpose" };
  if (payload.subject !== args.subject) return { ok: false, reason: "wrong_subject" };
  if ((args.now ?? Date.now()) >= payload.expiresAt) return { ok: false, reason: "expired" };
  if (args.nonceStore && !(await args.nonceStore.consumeOnce(payload.nonce, new Date(payload.expiresAt)))) {
    return { ok: false, reason: "replayed" };
  }
  return { ok: true, payload };
}
