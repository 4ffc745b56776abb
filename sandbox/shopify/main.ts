// npm run sandbox:shopify — starts the Shopify sandbox from the environment and prints where to go.
import { startShopifySandbox } from "./server";

const required = (name: string, fallback?: string) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`Set ${name} to start the Shopify sandbox`);
  return value;
};

const sandbox = await startShopifySandbox({
  port: Number(process.env.SHOPIFY_SANDBOX_PORT ?? 4100),
  host: process.env.SHOPIFY_SANDBOX_HOST ?? "127.0.0.1",
  apiKey: required("SHOPIFY_API_KEY"),
  apiSecret: required("SHOPIFY_API_SECRET"),
  appUrl: required("SHOPIFY_APP_URL"),
});

console.log(`Shopify sandbox for ${sandbox.shopDomain} on ${sandbox.url}
  Admin with the app embedded: ${sandbox.adminUrl}
  Sandbox controls and webhook log: ${sandbox.url}/sandbox
  App env: SHOPIFY_ADMIN_ORIGIN=${sandbox.url} APP_BRIDGE_URL=${sandbox.url}/app-bridge.js`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
