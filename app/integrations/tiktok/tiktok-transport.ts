import type { Logger } from "pino";
import type { z } from "zod";
import type { TikTokClientConfig } from "./tiktok-client-config";
import { describeZodIssues, tiktokEnvelopeSchema, type TikTokResult } from "./tiktok-envelope";
import { TikTokApiError, classifyTikTokError } from "./tiktok-errors";
import { parseTikTokJson, withoutNulls } from "./tiktok-json";
import { processWideTikTokRateLimiter, type RateLimiter } from "./tiktok-rate-limiter";
import { DEFAULT_RETRY, nextRetryDelayMs, parseRetryAfterMs, type RetryConfig } from "./tiktok-retry-policy";
import { isShopCipherForbidden } from "./tiktok-shop-cipher-policy";
import { signTikTokRequest } from "./tiktok-signer";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | null | undefined;

/** One business API call, described as data by the endpoint modules. */
export interface TikTokRequest<T> {
  method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. "/product/202309/products/{product_id}". Used in logs and rate-limit keys. */
  path: string;
  pathParams?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, QueryValue>>;
  /** JSON body: serialized once, and those exact bytes are signed and sent. */
  body?: unknown;
  /** Multipart upload (its body is never signed). Exclusive with `body`. */
  multipart?: () => FormData;
  /** Validates `data` of a successful envelope. */
  schema: z.ZodType<T>;
  /** Whether `shop_cipher` goes on the query (contract §1.1). */
  shopScoped: boolean;
  /**
   * Safe to send twice? Non-idempotent calls are retried only when TikTok certainly did not act on them
   * (rate limited); after a timeout or 5xx the caller decides, since the first attempt may have succeeded.
   */
  idempotent: boolean;
}

/** Who the call acts for. */
export interface TikTokCallAuth {
  accessToken?: string;
  shopCipher?: string;
  /** Only for logs and the rate-limit key; never sent. */
  shopId?: string;
}

interface PreparedAttempt {
  url: string;
  init: RequestInit;
}

interface ExecuteSpec<T> {
  /** "METHOD /template" — safe to log. */
  endpoint: string;
  rateKey: string | undefined;
  shopId: string | undefined;
  idempotent: boolean;
  schema: z.ZodType<T>;
  /** Builds a fresh request per attempt (new timestamp and signature). */
  prepare: () => PreparedAttempt;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function encodeQueryValue(value: QueryValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join(",");
  const s = String(value);
  return s === "" ? undefined : s;
}

/** Base URL + API path, keeping any path prefix of the base (e.g. a proxy mount). */
function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, "") + path;
}

function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new TypeError(`TikTok request ${template}: path parameter "${name}" is missing`);
    return encodeURIComponent(value);
  });
}

/**
 * Sends TikTok requests: signing, timeouts, envelope parsing, classification, retries with backoff, rate limiting
 * and one log line per attempt. Endpoint modules only describe requests.
 */
export class TikTokTransport {
  readonly config: TikTokClientConfig;
  private readonly retry: Required<RetryConfig>;
  private readonly limiter: RateLimiter;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  constructor(config: TikTokClientConfig) {
    this.config = config;
    this.retry = { ...DEFAULT_RETRY, ...config.retry };
    this.limiter = config.rateLimiter ?? processWideTikTokRateLimiter();
    this.log = config.logger.child({ integration: "tiktok" });
    this.now = config.now ?? Date.now;
    this.fetchImpl = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = config.sleep ?? realSleep;
    this.random = config.random ?? Math.random;
    this.timeoutMs = config.timeoutMs ?? 15_000;
  }

  /** A signed business API call (contract §1). */
  send<T>(request: TikTokRequest<T>, auth: TikTokCallAuth): Promise<TikTokResult<T>> {
    const endpoint = `${request.method} ${request.path}`;
    const path = fillPath(request.path, request.pathParams);
    if (request.shopScoped && isShopCipherForbidden(request.method, request.path)) {
      throw new TypeError(`${endpoint} must not carry shop_cipher (contract §1.1) but is declared shop-scoped`);
    }
    if (request.shopScoped && !auth.shopCipher) {
      throw new TikTokApiError({ code: 106013, message: "shop_cipher is required for this endpoint but none was given",
        endpoint, kind: "client_bug", retryable: false });
    }
    // Serialized once: the same string is signed on every attempt and sent.
    const bodyText = request.body === undefined ? undefined : JSON.stringify(request.body);
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.query ?? {})) {
      const encoded = encodeQueryValue(value);
      if (encoded !== undefined) params[key] = encoded;
    }
    if (request.shopScoped) params.shop_cipher = auth.shopCipher!;

    const prepare = (): PreparedAttempt => {
      const query: Record<string, string> = { ...params, app_key: this.config.appKey, timestamp: String(Math.floor(this.now() / 1000)) };
      const multipart = request.multipart?.();
      const contentType = multipart ? "multipart/form-data" : "application/json";
      query.sign = signTikTokRequest({ appSecret: this.config.appSecret, path, query, body: bodyText, contentType });
      const headers: Record<string, string> = {};
      // For multipart, fetch writes `multipart/form-data; boundary=…` itself.
      if (!multipart) headers["content-type"] = "application/json";
      if (auth.accessToken) headers["x-tts-access-token"] = auth.accessToken;
      const url = new URL(joinUrl(this.config.apiBaseUrl, path));
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      return { url: url.toString(), init: { method: request.method, headers, body: multipart ?? bodyText } };
    };

    const owner = auth.shopId ?? auth.shopCipher ?? "app";
    return this.execute({ endpoint, rateKey: `${owner}|${endpoint}`, shopId: auth.shopId, idempotent: request.idempotent,
      schema: request.schema, prepare });
  }

  /** Token endpoints: not signed, credentials in the query (contract §3.1), no rate-limit key (no shop yet). */
  sendTokenRequest<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<TikTokResult<T>> {
    const prepare = (): PreparedAttempt => {
      const url = new URL(joinUrl(this.config.authBaseUrl, path));
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      return { url: url.toString(), init: { method: "GET", headers: { "content-type": "application/json" } } };
    };
    // Exchanging an auth code is single-use: never resend it after an ambiguous failure.
    const idempotent = query.grant_type !== "authorized_code";
    return this.execute({ endpoint: `GET ${path}`, rateKey: undefined, shopId: undefined, idempotent, schema, prepare });
  }

  private async execute<T>(spec: ExecuteSpec<T>): Promise<TikTokResult<T>> {
    for (let attempt = 1; ; attempt++) {
      if (spec.rateKey) await this.limiter.acquire(spec.rateKey);
      // Monotonic, and independent of the injectable (possibly fake) signing clock.
      const started = performance.now();
      let error: TikTokApiError;
      try {
        const result = await this.attemptOnce(spec);
        this.log.info({ endpoint: spec.endpoint, shopId: spec.shopId, requestId: result.requestId, durationMs: Math.round(performance.now() - started),
          outcome: "ok", attempt, httpStatus: result.httpStatus }, "tiktok call");
        return result;
      } catch (caught) {
        error = caught instanceof TikTokApiError ? caught : new TikTokApiError({ code: 0, message: String(caught), endpoint: spec.endpoint,
          kind: "unknown", retryable: false, cause: caught });
      }
      error.attempts = attempt;
      // Non-idempotent requests are only resent when TikTok refused them before acting (rate limit).
      const mayRetry = error.retryable && (spec.idempotent || error.kind === "rate_limited");
      const delay = nextRetryDelayMs({ attempt, retryable: mayRetry, retryAfterMs: error.retryAfterMs, config: this.retry, random: this.random });
      this.log.warn({ endpoint: spec.endpoint, shopId: spec.shopId, requestId: error.requestId, durationMs: Math.round(performance.now() - started),
        outcome: "error", attempt, httpStatus: error.httpStatus, code: error.code, kind: error.kind,
        willRetry: delay !== undefined, retryInMs: delay }, "tiktok call");
      if (delay === undefined) throw error;
      await this.sleep(delay);
    }
  }

  private async attemptOnce<T>(spec: ExecuteSpec<T>): Promise<TikTokResult<T>> {
    const { url, init } = spec.prepare();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number;
    let text: string;
    let retryAfterHeader: string | null;
    try {
      const response = await this.fetchImpl(url, { ...init, signal: controller.signal });
      status = response.status;
      retryAfterHeader = response.headers.get("retry-after");
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      throw new TikTokApiError({
        code: 0, endpoint: spec.endpoint, cause, kind: timedOut ? "timeout" : "network", retryable: true,
        message: timedOut ? `No answer from TikTok within ${this.timeoutMs} ms` : `Could not reach TikTok: ${(cause as Error)?.message ?? cause}`,
      });
    } finally {
      clearTimeout(timer);
    }
    const retryAfterMs = parseRetryAfterMs(retryAfterHeader, this.now());

    let json: unknown;
    try {
      json = parseTikTokJson(text);
    } catch {
      json = undefined;
    }
    const envelope = tiktokEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      const c = classifyTikTokError({ httpStatus: status });
      const ok = status >= 200 && status < 300;
      throw new TikTokApiError({ code: 0, httpStatus: status, endpoint: spec.endpoint, retryAfterMs,
        kind: ok ? "response_invalid" : c.kind, retryable: ok ? false : c.retryable,
        message: `TikTok answered HTTP ${status} without a valid envelope${ok ? `: ${describeZodIssues(envelope.error)}` : ""}` });
    }
    const { code, message, request_id: requestId = "", data } = envelope.data;
    if (code !== 0) {
      const c = classifyTikTokError({ code, httpStatus: status, message });
      throw new TikTokApiError({ code, message, requestId, httpStatus: status, endpoint: spec.endpoint, kind: c.kind,
        retryable: c.retryable, retryAfterMs, details: data });
    }
    const parsed = spec.schema.safeParse(withoutNulls(data ?? {}));
    if (!parsed.success) {
      throw new TikTokApiError({ code: 0, requestId, httpStatus: status, endpoint: spec.endpoint, kind: "response_invalid", retryable: false,
        message: `TikTok's answer to ${spec.endpoint} does not have the expected shape: ${describeZodIssues(parsed.error)}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
    }
    return { data: parsed.data, code, message, requestId, httpStatus: status };
  }
}
