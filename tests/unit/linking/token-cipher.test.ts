import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, parseEncryptionKey } from "../../../app/modules/linking/token-cipher";

describe("token cipher (AES-256-GCM)", () => {
  const cipher = createTokenCipher(randomBytes(32));

  it("round-trips and never stores the plaintext", () => {
    const stored = cipher.encrypt("TTP_secret-access-token");
    expect(stored).not.toContain("TTP_secret");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(cipher.decrypt(stored)).toBe("TTP_secret-access-token");
  });

  it("uses a fresh IV each time", () => {
    expect(cipher.encrypt("same")).not.toBe(cipher.encrypt("same"));
  });

  it("refuses tampered ciphertext and the wrong key", () => {
    const stored = cipher.encrypt("token");
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => cipher.decrypt(parts.join("."))).toThrow();
    expect(() => createTokenCipher(randomBytes(32)).decrypt(stored)).toThrow();
  });

  it("explains a missing or malformed key", () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(/TOKEN_ENCRYPTION_KEY is missing/);
    expect(() => parseEncryptionKey("abc")).toThrow(/32 bytes/);
    expect(parseEncryptionKey("0".repeat(64))).toHaveLength(32);
  });
});
