// npm start — the production HTTP server for the built app (build/). What remix-serve does (static assets,
// compression, the Remix handler), plus one fast path: POST /webhooks/* goes straight to the Shopify
// webhook intake in the build's entry module, without Remix, so bursts of webhooks stay cheap.
// Runs on Node's own type stripping (no tsx loader in the production process): types only, no TS syntax
// that needs compiling.
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

interface AppEntryModule {
  isShopifyWebhookRequest(req: import("node:http").IncomingMessage): boolean;
  handleShopifyWebhook(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): Promise<void>;
  stopInProcessWorker(): Promise<void>;
  closeWebhookIntake(): Promise<void>;
}

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const entry = build.entry.module as unknown as AppEntryModule;
// As remix-serve does: Remix's fetch globals unless the build opted into single fetch.
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

const server = createServer((req, res) => {
  if (entry.isShopifyWebhookRequest(req)) void entry.handleShopifyWebhook(req, res);
  else app(req, res);
});
// Keep-alive longer than common proxies' idle timeouts, so they never reuse a connection we closed.
server.keepAliveTimeout = 65_000;
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
server.listen(port, host, () => console.log(`[serve] http://localhost:${port}`));
// Shutdown: stop taking requests, move the accepted webhooks into the database and let the worker finish
// its jobs in flight (at most 10 s; the rest are leased again, and the intake journal imported, after the
// restart), then exit — open keep-alive connections and timers would keep us alive.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    const finish = Promise.all([entry.closeWebhookIntake(), entry.stopInProcessWorker()]);
    void Promise.race([finish, deadline]).finally(() => process.exit(0));
  });
}
