// TikTok access and refresh tokens are encrypted at rest with AES-256-GCM. The key (32 bytes, hex or
// base64) comes from TOKEN_ENCRYPTION_KEY; the stored form is "v1.<iv>.<tag>.<ciphertext>" (base64url),
// so a key rotation can add "v2" without guessing.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface TokenCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
}

export function parseEncryptionKey(raw: string | undefined): Buffer {
  if (!raw) throw new Error("TOKEN_ENCRYPTION_KEY is missing: set it to 32 random bytes (64 hex characters), e.g. `openssl rand -hex 32`.");
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or 44 base64 characters.");
  return key;
}

export function createTokenCipher(key: Buffer): TokenCipher {
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    decrypt(stored) {
      const [version, iv, tag, ciphertext] = stored.split(".");
      if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Stored token is not in a format this app can read");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
