/// <reference types="vitest/config" />
import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

const testEnv = {
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SHOPIFY_APP_URL: "http://127.0.0.1:65535",
  SCOPES: "read_products",
  TOKEN_ENCRYPTION_KEY: "0".repeat(64),
  TIKTOK_APP_KEY: "test-tiktok-app-key",
  TIKTOK_APP_SECRET: "test-tiktok-app-secret",
  // One database per test run, so runs started side by side never share (or delete) each other's file.
  DATABASE_URL: `file:${path.resolve("prisma", `test-${process.pid}.sqlite`)}`,
  LOG_LEVEL: "silent",
};

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000), host: "127.0.0.1" },
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  plugins: [
    // The Remix plugin stays out of vitest (it would try to build routes for every test file).
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/.*", "**/*.test.*"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
  ],
  build: {
    assetsInlineLimit: 0,
    // The generated PostgreSQL Prisma client (CommonJS) is loaded at run time from the repo, not bundled.
    rollupOptions: {
      external: [/generated\/pg-client/],
      output: { paths: (id: string) => (id.includes("generated/pg-client") ? "../../generated/pg-client/index.js" : id) },
    },
  },
  test: {
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    fileParallelism: false,
    env: testEnv,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 20_000 } },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
