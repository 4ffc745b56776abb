import { describe, expect, it } from "vitest";
import { TIKTOK_ERROR_CATALOG } from "../../../app/integrations/tiktok/tiktok-error-catalog";
import { classifyTikTokError, TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";

// Every code of contract §2.1 (ranges expanded) plus the listing codes named in §4/§5/§10.
const CONTRACT_CODES = [
  36009002, 36009003, 36009004, 36009007, 36009009, 36009010, 36009014, 36009021, 36009022, 36009023, 36009033,
  101000, 105001, 105002, 105005, 106001, 106013, 36004001, 36004005,
  12019002, 12019030, 12019059, 12019027, 12019065, 12019116, 12038014, 12038005, 12019117, 12052050, 12052051, 12052054,
  12052093, 12052217, 12052230, 12052220, 12052221, 12052222, 12052223, 12052224, 12052225, 12052226, 12052227,
  12052201, 12052208, 12052306, 12052344, 12052345, 12052346, 12052347, 12052348, 12052349, 12052350, 12052351, 12052352,
  12052402, 12052535, 12052700, 12052037, 12019028, 12052533, 12052084, 12019061, 12019045, 12019024, 12052055,
];

const EXPECTED_KIND: Record<number, string> = {
  36009002: "rate_limited", 36009003: "server", 36009007: "timeout", 36009009: "client_bug", 36009010: "client_bug",
  36009014: "client_bug", 36009033: "configuration", 101000: "auth_invalid", 105001: "auth_invalid", 105002: "auth_expired",
  105005: "scope_missing", 106001: "signature", 106013: "client_bug", 36004001: "auth_invalid", 36004005: "auth_invalid",
  12052093: "quota", 12052535: "seller_setup", 12052402: "seller_setup", 12052700: "seller_setup", 12052051: "validation",
};

const RETRYABLE = new Set([36009002, 36009003, 36009007]);

describe("TikTok error catalog", () => {
  it.each(CONTRACT_CODES)("code %i has a complete entry and classifies consistently", (code) => {
    const entry = TIKTOK_ERROR_CATALOG.get(code);
    expect(entry, `catalog misses ${code}`).toBeDefined();
    expect(entry!.code).toBe(code);
    expect(entry!.title.length).toBeGreaterThan(3);
    expect(entry!.explanation.length).toBeGreaterThan(20);
    expect(entry!.action.length).toBeGreaterThan(10);
    expect(entry!.docsUrl).toMatch(/^https:\/\//);
    expect(entry!.retryable).toBe(RETRYABLE.has(code));
    const c = classifyTikTokError({ code, httpStatus: 200, message: "" });
    if (code !== 36009004) expect(c).toEqual({ kind: entry!.kind, retryable: entry!.retryable });
    if (EXPECTED_KIND[code]) expect(c.kind).toBe(EXPECTED_KIND[code]);
    expect(new TikTokApiError({ code, message: "m", endpoint: "GET /x", ...c }).catalogEntry).toBe(entry);
  });

  it("never explains a merchant-facing error with a token or secret placeholder", () => {
    for (const entry of TIKTOK_ERROR_CATALOG.values()) expect(entry.explanation).not.toMatch(/app_secret|access_token/);
  });
});

describe("classifyTikTokError", () => {
  it("refines TikTok's catch-all 36009004 by its message", () => {
    expect(classifyTikTokError({ code: 36009004, message: "Invalid sign" }).kind).toBe("signature");
    expect(classifyTikTokError({ code: 36009004, message: "Invalid timestamp, please check" }).kind).toBe("signature");
    expect(classifyTikTokError({ code: 36009004, message: "Unexpected identifier: shop_cipher" }).kind).toBe("client_bug");
    expect(classifyTikTokError({ code: 36009004, message: "Invalid app_key" }).kind).toBe("configuration");
    expect(classifyTikTokError({ code: 36009004, message: "Invalid credentials: x-tts-access-token" }).kind).toBe("auth_invalid");
  });

  it("falls back on the HTTP status when the code is unknown or absent", () => {
    expect(classifyTikTokError({ httpStatus: 429 })).toEqual({ kind: "rate_limited", retryable: true });
    expect(classifyTikTokError({ httpStatus: 503 })).toEqual({ kind: "server", retryable: true });
    expect(classifyTikTokError({ code: 999, httpStatus: 502 })).toEqual({ kind: "server", retryable: true });
    expect(classifyTikTokError({ httpStatus: 401 })).toEqual({ kind: "auth_invalid", retryable: false });
    expect(classifyTikTokError({ httpStatus: 404 })).toEqual({ kind: "not_found", retryable: false });
    expect(classifyTikTokError({ code: 999, httpStatus: 200 })).toEqual({ kind: "unknown", retryable: false });
    expect(classifyTikTokError({ code: 12052901, httpStatus: 200 })).toEqual({ kind: "validation", retryable: false });
  });
});
