import pino from "pino";

// One structured line per job and per external call. Secrets and buyer PII are redacted by key name, so a
// careless `log.info({ session })` cannot leak a token.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: [
      "*.accessToken", "*.access_token", "*.refreshToken", "*.refresh_token", "*.apiSecretKey", "*.app_secret",
      "*.authorization", "*.Authorization", "*.email", "*.phone", "*.address", "*.idToken", "*.id_token",
      "accessToken", "access_token", "refreshToken", "refresh_token", "authorization",
    ],
    censor: "[redacted]",
  },
  base: { service: "tiktok-shop-app" },
});
