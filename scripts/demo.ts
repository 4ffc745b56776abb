// npm run demo — the whole app on this machine: migrates the SQLite database, starts the Shopify sandbox
// (seeded with the sample catalog) and the TikTok simulator, builds and serves the app against them, and
// prints the admin shell URL to open. Respects PORT, SHOPIFY_SANDBOX_PORT, TIKTOK_SANDBOX_PORT, DATABASE_URL.
import { spawn, spawnSync } from "node:child_process";
import { SERVER_NODE_FLAGS } from "./server-node-flags";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../app/db/migrations.server";
import { startShopifySandbox } from "../sandbox/shopify/server";
import { startTikTokSandbox } from "../sandbox/tiktok/server";

const root = path.resolve(import.meta.dirname, "..");
const host = "127.0.0.1";
const appPort = Number(process.env.PORT ?? 3000);
const appUrl = process.env.SHOPIFY_APP_URL ?? `http://localhost:${appPort}`;
const apiKey = process.env.SHOPIFY_API_KEY ?? "demo-api-key";
const apiSecret = process.env.SHOPIFY_API_SECRET ?? "demo-api-secret";
const tiktokAppKey = process.env.TIKTOK_APP_KEY ?? "demo-tiktok-app-key";
const tiktokAppSecret = process.env.TIKTOK_APP_SECRET ?? "demo-tiktok-app-secret";
const databaseUrl = process.env.DATABASE_URL ?? `file:${path.join(root, "prisma", "dev.sqlite")}`;

// TikTok tokens are encrypted at rest; the demo keeps one key across runs so stored links stay readable.
function demoEncryptionKey(): string {
  if (process.env.TOKEN_ENCRYPTION_KEY) return process.env.TOKEN_ENCRYPTION_KEY;
  const file = path.join(root, ".demo", "token-encryption-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const applied = await migrateDatabase(databaseUrl);
console.log(applied.length ? `Database migrated (${applied.join(", ")})` : "Database is up to date");

const shopify = await startShopifySandbox({
  port: Number(process.env.SHOPIFY_SANDBOX_PORT ?? 4100),
  host,
  apiKey,
  apiSecret,
  appUrl,
});
const tiktok = await startTikTokSandbox({
  port: Number(process.env.TIKTOK_SANDBOX_PORT ?? 4200),
  host,
  appKey: tiktokAppKey,
  appSecret: tiktokAppSecret,
  webhookUrl: `${appUrl}/tiktok/webhooks`,
});

console.log("Building the app…");
const build = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, encoding: "utf8" });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr, "\nThe app did not build; the errors are above.");
  process.exit(1);
}

const app = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, "scripts", "serve.ts"), "./build/server/index.js"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(appPort),
    HOST: host,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: process.env.SCOPES ?? "",
    SHOPIFY_ADMIN_ORIGIN: shopify.url,
    APP_BRIDGE_URL: `${shopify.url}/app-bridge.js`,
    DATABASE_URL: databaseUrl,
    TOKEN_ENCRYPTION_KEY: demoEncryptionKey(),
    TIKTOK_APP_KEY: tiktokAppKey,
    TIKTOK_APP_SECRET: tiktokAppSecret,
    TIKTOK_API_BASE_URL: tiktok.url,
    TIKTOK_AUTH_BASE_URL: tiktok.url,
    TIKTOK_AUTHORIZE_URL: `${tiktok.url}/oauth/authorize`,
  },
});

async function waitForApp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://${host}:${appPort}/auth/login`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`The app did not start on port ${appPort}`);
}
await waitForApp();

const shopName = shopify.shopDomain.replace(".myshopify.com", "");
console.log(`
  TikTok Shop for Shopify — demo is running
  ──────────────────────────────────────────
  Open the Shopify admin (sandbox) with the app embedded:
    ${shopify.url}/store/${shopName}/apps/tiktok-shop-sync

  Shopify sandbox controls (edit products, prices, stock; webhook log):  ${shopify.url}/sandbox
  TikTok Shop simulator (shops, listings, orders):                      ${tiktok.url}/sandbox
  App:                                                                   ${appUrl}
  Stop with Ctrl+C.
`);

async function shutdown() {
  app.kill("SIGTERM");
  await Promise.allSettled([shopify.close(), tiktok.close()]);
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
app.on("exit", (code) => {
  console.error(`The app exited (code ${code}).`);
  void Promise.allSettled([shopify.close(), tiktok.close()]).then(() => process.exit(code ?? 1));
});
