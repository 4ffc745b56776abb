import { createHmac } from "node:crypto";

/** Query values as they go on the wire: already comma-joined, already stringified. */
export type SignedQuery = Readonly<Record<string, string>>;

export interface SignInput {
  appSecret: string;
  /** Request path only: no scheme, host or query string. */
  path: string;
  query: SignedQuery;
  /** The exact body string that is sent. Ignored for multipart requests. */
  body?: string;
  /** The request's content-type header (a `; boundary=…` suffix is fine). */
  contentType?: string;
}

// Contract §1.2 step 1: these never take part in the signature.
const UNSIGNED_QUERY_KEYS = new Set(["sign", "access_token"]);

function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "multipart/form-data";
}

/** The wrapped string the HMAC is computed over (contract §1.2 steps 1–6). Exposed for tests and debugging. */
export function tiktokStringToSign(input: SignInput): string {
  const keys = Object.keys(input.query)
    .filter((k) => !UNSIGNED_QUERY_KEYS.has(k))
    // Default sort = UTF-16 code-unit order, which is what TikTok's own samples use.
    .sort();
  let message = input.path;
  for (const key of keys) message += key + input.query[key];
  if (!isMultipart(input.contentType) && input.body !== undefined) message += input.body;
  return input.appSecret + message + input.appSecret;
}

/** Lowercase hex HMAC-SHA256 `sign` for a TikTok Shop Open API request. */
export function signTikTokRequest(input: SignInput): string {
  return createHmac("sha256", input.appSecret).update(tiktokStringToSign(input), "utf8").digest("hex");
}
