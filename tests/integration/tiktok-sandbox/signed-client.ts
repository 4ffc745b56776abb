import { startTikTokSandbox, type TikTokSandboxOptions } from "../../../sandbox/tiktok/server";
import { createHmac } from "node:crypto";
import { PNG } from "pngjs";

/**
 * Test-side signer written from the contract (§1.2), independent of the simulator's own signature code.
 */
export function signRequest(secret: string, path: string, query: Record<string, string>, body?: string): string {
  const keys = Object.keys(query).filter((k) => k !== "sign" && k !== "access_token").sort();
  const base = secret + path + keys.map((k) => k + query[k]).join("") + (body ?? "") + secret;
  return createHmac("sha256", secret).update(base).digest("hex");
}

export interface CallOptions {
  method?: string;
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  cipher?: string;
  timestamp?: number;
  mutateSign?: (sign: string) => string;
  omitCipher?: boolean;
}

export function makeCaller(baseUrl: string, appKey: string, appSecret: string, now: () => number) {
  return async function call(path: string, opts: CallOptions = {}) {
    const query: Record<string, string> = { app_key: appKey, timestamp: String(opts.timestamp ?? Math.floor(now() / 1000)), ...(opts.query ?? {}) };
    if (opts.cipher) query.shop_cipher = opts.cipher;
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    let sign = signRequest(appSecret, path, query, body);
    if (opts.mutateSign) sign = opts.mutateSign(sign);
    const qs = new URLSearchParams({ ...query, sign }).toString();
    const res = await fetch(`${baseUrl}${path}?${qs}`, {
      method: opts.method ?? (body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json", ...(opts.token ? { "x-tts-access-token": opts.token } : {}) },
      body,
    });
    const json = (await res.json()) as { code: number; message: string; request_id: string; data: any };
    return { status: res.status, ...json };
  };
}

export function pngBytes(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** Multipart upload: the body is not signed (§1.2 step 5) unless `signBody` deliberately does it wrong (V10). */
export async function uploadImage(baseUrl: string, appKey: string, appSecret: string, token: string, bytes: Buffer, useCase = "MAIN_IMAGE", signBody = false) {
  const path = "/product/202309/images/upload";
  const boundary = "----sandboxtest" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="use_case"\r\n\r\n${useCase}\r\n--${boundary}--\r\n`),
  ]);
  const query = { app_key: appKey, timestamp: String(Math.floor(Date.now() / 1000)) };
  const sign = signRequest(appSecret, path, query, signBody ? body.toString("latin1") : undefined);
  const res = await fetch(`${baseUrl}${path}?${new URLSearchParams({ ...query, sign })}`, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "x-tts-access-token": token },
    body,
  });
  return { status: res.status, ...((await res.json()) as { code: number; message: string; data: any }) };
}

/** A running simulator plus a signed caller and a seeded shop's token: where most simulator tests start. */
export async function startSignedSession(appKey: string, appSecret: string, options: Partial<TikTokSandboxOptions> = {}) {
  const sandbox = await startTikTokSandbox({ appKey, appSecret, ...options });
  const call = makeCaller(sandbox.url, appKey, appSecret, () => sandbox.nowSeconds() * 1000);
  const tok = (await (await fetch(`${sandbox.url}/sandbox/seller-token`, { method: "POST" })).json()) as { access_token: string; shop_cipher: string };
  return { sandbox, call, token: tok.access_token, cipher: tok.shop_cipher };
}
