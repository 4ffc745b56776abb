import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { productPayload } from "./sandbox/shopify/webhook-payloads";
import { startSyncHarness } from "./tests/support/sync-harness";
const h = await startSyncHarness({ appEnv: { LOG_LEVEL: "warn", WORKER_IN_PROCESS: "false" } });
const product = [...h.shopify.store.products.values()][0]!;
const body = JSON.stringify(productPayload(h.shopify.store, product, h.shopify.url));
const hmac = createHmac("sha256", "harness-api-secret").update(body, "utf8").digest("base64");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const url = new URL(h.app.url);
function send(): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: "POST", path: "/webhooks/products/update", agent, headers: { "content-type": "application/json", "x-shopify-topic": "products/update", "x-shopify-hmac-sha256": hmac, "x-shopify-shop-domain": h.shop, "x-shopify-api-version": "2026-10", "x-shopify-webhook-id": randomUUID(), "content-length": Buffer.byteLength(body) } }, (res) => { res.resume(); res.on("end", () => res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(String(res.statusCode)))); });
    req.end(body);
  });
}
for (const gap of [0, 3]) {
  const lat: number[] = [];
  for (let i = 0; i < 600; i++) { lat.push(await send()); if (gap) await new Promise((r) => setTimeout(r, gap)); }
  lat.sort((a, b) => a - b);
  console.log(`gap ${gap}: p50 ${lat[300]!.toFixed(2)} p90 ${lat[540]!.toFixed(2)} p99 ${lat[594]!.toFixed(2)}`);
}
console.log(h.app.output().split("\n").filter((l) => l.includes("TIMING")).join("\n"));
await h.close();
