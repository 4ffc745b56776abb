import { createHmac, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { productPayload } from "./sandbox/shopify/webhook-payloads";
import { startSyncHarness } from "./tests/support/sync-harness";
const h = await startSyncHarness({ appEnv: { LOG_LEVEL: "warn", WORKER_IN_PROCESS: "false" } });
const product = [...h.shopify.store.products.values()][0]!;
const body = JSON.stringify(productPayload(h.shopify.store, product, h.shopify.url));
const hmac = createHmac("sha256", "harness-api-secret").update(body, "utf8").digest("base64");
const run = (rate: number, s: number) => new Promise<autocannon.Result>((resolve, reject) => autocannon({ url: h.app.url, connections: 10, duration: s, overallRate: rate, requests: [{ method: "POST", setupRequest: (req: autocannon.Request) => ({ ...req, path: "/webhooks/products/update", body, headers: { "content-type": "application/json", "x-shopify-topic": "products/update", "x-shopify-hmac-sha256": hmac, "x-shopify-shop-domain": h.shop, "x-shopify-api-version": "2026-10", "x-shopify-webhook-id": randomUUID() } }) }] }, (e, r) => (e ? reject(e) : resolve(r))));
for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) { const r = await run(300, 10); console.log(`@300: p50 ${r.latency.p50} p90 ${r.latency.p90} p99 ${r.latency.p99} max ${r.latency.max} non2xx ${r.non2xx}`); }
console.log(h.app.output().split("\n").filter((l) => l.includes("TIMING")).join("\n"));
await h.close();
