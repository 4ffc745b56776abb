import { lookupTikTokErrorCode } from "./tiktok-error-catalog";
import { TRANSIENT_KINDS, type TikTokErrorKind } from "./tiktok-error-kind";

export type { TikTokErrorKind } from "./tiktok-error-kind";

export interface TikTokApiErrorDetails {
  /** TikTok's envelope `code`; 0 when there was no envelope (network error, timeout, unparseable answer). */
  code: number;
  message: string;
  requestId?: string;
  httpStatus?: number;
  /** "METHOD /path/{template}" — never carries ids, tokens or query strings. */
  endpoint: string;
  kind: TikTokErrorKind;
  retryable: boolean;
  /** Milliseconds from a `Retry-After` header, when TikTok sent one. */
  retryAfterMs?: number;
  /** Number of attempts made before giving up. */
  attempts?: number;
  /** Extra facts for logs and the troubleshooting UI (validation issues, …). Never secrets or PII. */
  details?: unknown;
  cause?: unknown;
}

/** A failed TikTok Shop API call, classified so callers can decide (retry, refresh, re-authorize, show the merchant). */
export class TikTokApiError extends Error {
  readonly code: number;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly endpoint: string;
  readonly kind: TikTokErrorKind;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  attempts: number;
  readonly details: unknown;

  constructor(d: TikTokApiErrorDetails) {
    super(d.message, d.cause === undefined ? undefined : { cause: d.cause });
    this.name = "TikTokApiError";
    this.code = d.code;
    this.requestId = d.requestId;
    this.httpStatus = d.httpStatus;
    this.endpoint = d.endpoint;
    this.kind = d.kind;
    this.retryable = d.retryable;
    this.retryAfterMs = d.retryAfterMs;
    this.attempts = d.attempts ?? 1;
    this.details = d.details;
  }

  /** The catalog entry (explanation, next step, docs link) for this error's code, if TikTok gave a known one. */
  get catalogEntry() {
    return lookupTikTokErrorCode(this.code);
  }
}

export interface Classification {
  kind: TikTokErrorKind;
  retryable: boolean;
}

// 36009004 is TikTok's catch-all for refused credentials; its message says which part was wrong (contract §2.1).
function refineGenericCredentialError(message: string): Classification {
  const m = message.toLowerCase();
  if (/\bsign\b|signature/.test(m)) return { kind: "signature", retryable: false };
  if (m.includes("timestamp")) return { kind: "signature", retryable: false };
  if (m.includes("app_key") || m.includes("app key")) return { kind: "configuration", retryable: false };
  if (m.includes("shop_cipher") || m.includes("unexpected identifier") || m.includes("version") || m.includes("shop_id")) {
    return { kind: "client_bug", retryable: false };
  }
  return { kind: "auth_invalid", retryable: false };
}

/**
 * Decides what a TikTok answer means. `code` is the envelope code (undefined when the body was not an envelope);
 * the HTTP status only decides when the code is unknown, because TikTok reports most failures in the envelope.
 */
export function classifyTikTokError(input: { code?: number; httpStatus?: number; message?: string }): Classification {
  const { code, httpStatus } = input;
  if (code === 36009004) return refineGenericCredentialError(input.message ?? "");
  if (code !== undefined && code !== 0) {
    const entry = lookupTikTokErrorCode(code);
    if (entry) return { kind: entry.kind, retryable: entry.retryable };
  }
  // Product-API business codes (12xxxxxx) not in the catalog are still refusals of the data we sent.
  if (code !== undefined && code >= 12_000_000 && code < 13_000_000 && (httpStatus === undefined || httpStatus < 500)) {
    return { kind: "validation", retryable: false };
  }
  if (httpStatus === 429) return { kind: "rate_limited", retryable: true };
  if (httpStatus !== undefined && httpStatus >= 500) return { kind: "server", retryable: true };
  if (httpStatus === 401) return { kind: "auth_invalid", retryable: false };
  if (httpStatus === 403) return { kind: "scope_missing", retryable: false };
  if (httpStatus === 404) return { kind: "not_found", retryable: false };
  if (httpStatus === 408) return { kind: "timeout", retryable: true };
  return { kind: code === undefined ? "response_invalid" : "unknown", retryable: false };
}

export function isTransientKind(kind: TikTokErrorKind): boolean {
  return TRANSIENT_KINDS.has(kind);
}
