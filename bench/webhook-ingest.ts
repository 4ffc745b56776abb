// Benchmark "webhook-ingest": signed Shopify deliveries (products/update and inventory_levels/update,
// alternating, each with a unique webhook id) against the running app on loopback, with autocannon, and
// side by side against a bare node:http server (its own process, like the app) that only answers 200.
// Both are loaded in alternating rounds (3 × 5 s each by default); the figures are over all rounds. Then the
// p99 latency at a fixed 300 req/s for 10 s, once the intake has moved the load rounds' deliveries into the
// database. Every 2xx the app gave must be a WebhookDelivery row.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { inventoryLevelPayload, productPayload } from "../sandbox/shopify/webhook-payloads";
import { freePort } from "../tests/support/free-port";
import { createTemporaryPostgresDatabase } from "../tests/support/postgres-database";
import { startSyncHarness } from "../tests/support/sync-harness";
import { log, processCpuMs, sleep } from "./synced-store";

/** The harness's Shopify app secret (tests/support/sync-harness.ts). */
const API_SECRET = "harness-api-secret";

interface Delivery { path: string; topic: string; body: string; hmac: string }

export async function runWebhookIngestBench(args: Record<string, string>) {
  const connections = Number(args.connections ?? 16);
  const durationS = Number(args.duration ?? 5);
  const roundCount = Number(args.rounds ?? 3);
  const fixedRate = Number(args.rate ?? 300);
  const fixedRateS = Number(args["rate-duration"] ?? 10);
  // --worker=separate: the web process only records deliveries; a worker process (npm run worker) processes them.
  const workerSeparate = args.worker === "separate";
  // --database=postgres: the scale path's database (a throwaway one on 127.0.0.1:5432) instead of SQLite.
  const postgres = args.database === "postgres" ? await createTemporaryPostgresDatabase() : undefined;
  const h = await startSyncHarness({ databaseUrl: postgres?.url, appEnv: { LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? "warn", ...(workerSeparate ? { WORKER_IN_PROCESS: "false" } : {}) } });
  const bare = await startBareServer();
  try {
    const product = [...h.shopify.store.products.values()][0]!;
    const variant = h.shopify.store.variants.get(product.variantIds[0]!)!;
    const item = h.shopify.store.inventoryItems.get(variant.inventoryItemId)!;
    const sign = (body: string) => createHmac("sha256", API_SECRET).update(body, "utf8").digest("base64");
    const deliveries: Delivery[] = [
      { topic: "products/update", body: JSON.stringify(productPayload(h.shopify.store, product, h.shopify.url)) },
      { topic: "inventory_levels/update", body: JSON.stringify(inventoryLevelPayload(h.shopify.store, item.id, [...item.levels.keys()][0]!)) },
    ].map((d) => ({ ...d, path: `/webhooks/${d.topic}`, hmac: sign(d.body) }));
    const runId = randomUUID().slice(0, 8);
    let n = 0;

    const fire = (baseUrl: string, options: { durationS: number; connections: number; overallRate?: number; label: string }) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        log(`${options.label}: ${options.connections} connections, ${options.durationS} s${options.overallRate ? `, ${options.overallRate} req/s` : ", as fast as it answers"}`);
        const instance = autocannon(
          {
            url: baseUrl,
            connections: options.connections,
            duration: options.durationS,
            overallRate: options.overallRate,
            requests: [
              {
                method: "POST",
                setupRequest: (req: autocannon.Request) => {
                  const d = deliveries[n % deliveries.length]!;
                  const id = `bench-${runId}-${n++}`;
                  return {
                    ...req,
                    path: d.path,
                    body: d.body,
                    headers: {
                      "content-type": "application/json",
                      "x-shopify-topic": d.topic,
                      "x-shopify-hmac-sha256": d.hmac,
                      "x-shopify-shop-domain": h.shop,
                      "x-shopify-api-version": "2026-10",
                      "x-shopify-webhook-id": id,
                      "x-shopify-triggered-at": new Date().toISOString(),
                      "x-shopify-event-id": id,
                    },
                  };
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        void instance;
      });

    // CPU per answered request of each server, from /proc: steadier than requests per second on a shared
    // 2-core machine, where the load tool and both servers compete and the machine's speed drifts run to run.
    const measured = async (pid: number, run: () => Promise<autocannon.Result>) => {
      const before = processCpuMs(pid);
      const result = await run();
      const after = processCpuMs(pid);
      return { result, cpuMs: before === undefined || after === undefined ? NaN : after - before };
    };
    // Rounds, alternating which server goes first: a drift in the machine's speed (±20 % over a minute on
    // this VM) then weighs on both sides instead of on whichever ran in the slow moment.
    type Side = "bare" | "app";
    const servers: Record<Side, { pid: number; url: string; label: string }> = {
      bare: { pid: bare.pid, url: bare.url, label: "bare node:http" },
      app: { pid: h.app.pid, url: h.app.url, label: "app" },
    };
    const rounds: Array<Record<Side, Awaited<ReturnType<typeof measured>>>> = [];
    for (let round = 1; round <= roundCount; round++) {
      const order: Side[] = round % 2 === 1 ? ["bare", "app"] : ["app", "bare"];
      const results = {} as Record<Side, Awaited<ReturnType<typeof measured>>>;
      for (const side of order) {
        const server = servers[side];
        results[side] = await measured(server.pid, () => fire(server.url, { durationS, connections, label: `round ${round}: ${server.label}` }));
        await sleep(1000);
      }
      rounds.push(results);
    }
    const total = (side: Side) => {
      const requests = rounds.reduce((sum, r) => sum + r[side].result.requests.total, 0);
      const cpuMs = rounds.reduce((sum, r) => sum + r[side].cpuMs, 0);
      return { perS: requests / (roundCount * durationS), cpuUsPerRequest: Number.isNaN(cpuMs) || !requests ? null : Math.round((cpuMs * 1000) / requests) };
    };
    const appTotal = total("app");
    const bareTotal = total("bare");
    const appResults = rounds.map((r) => r.app.result);
    const acceptedUnderLoad = appResults.reduce((sum, r) => sum + r["2xx"], 0);
    // Answered means durable (on SQLite: in the intake journal); the database has them moments later.
    const countRecorded = () => h.db.webhookDelivery.count({ where: { deliveryId: { startsWith: `bench-${runId}-` } } });
    const waitUntilRecorded = async (expected: number) => {
      let recorded = await countRecorded();
      for (const deadline = Date.now() + 30_000; recorded < expected && Date.now() < deadline; recorded = await countRecorded()) await sleep(200);
      return recorded;
    };
    // The fixed-rate run measures steady latency, not the tail of the burst: the intake first moves what the
    // burst left in its journal into the database (and, with the worker in process, the worker catches up).
    const catchUpStarted = Date.now();
    const recordedAfterLoad = await waitUntilRecorded(acceptedUnderLoad);
    log(`the intake had ${recordedAfterLoad} of ${acceptedUnderLoad} answered deliveries in the database ${Date.now() - catchUpStarted} ms after the last round`);
    if (!workerSeparate) {
      log("letting the worker catch up before the fixed-rate run");
      await waitForQuietQueue(h.db, 120_000);
    }
    const steady = await fire(h.app.url, { durationS: fixedRateS, connections: 10, overallRate: fixedRate, label: `app at a fixed rate` });
    // The same fixed rate against the bare server: what the load tool itself adds to the latency.
    const bareSteady = await fire(bare.url, { durationS: fixedRateS, connections: 10, overallRate: fixedRate, label: `bare node:http at a fixed rate` });

    const accepted = acceptedUnderLoad + steady["2xx"];
    const recorded = await waitUntilRecorded(accepted);
    const summary = (r: autocannon.Result) => ({ req_per_s: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts });
    rounds.forEach((r, i) => log(`round ${i + 1}: bare ${JSON.stringify(summary(r.bare.result))}, app ${JSON.stringify(summary(r.app.result))}`));
    log(`app @${fixedRate} ${JSON.stringify(summary(steady))}`);
    log(`bare @${fixedRate} ${JSON.stringify(summary(bareSteady))}`);
    return {
      benchmark: "webhook-ingest",
      worker: workerSeparate ? "separate (not processing)" : "in the web process",
      database: postgres ? "postgresql" : "sqlite",
      connections,
      rounds: roundCount,
      duration_s: durationS,
      req_per_s: Math.round(appTotal.perS),
      bare_req_per_s: Math.round(bareTotal.perS),
      ratio: round3(appTotal.perS / bareTotal.perS),
      round_ratios: rounds.map((r) => round3(r.app.result.requests.total / r.bare.result.requests.total)),
      app_cpu_us_per_req: appTotal.cpuUsPerRequest,
      bare_cpu_us_per_req: bareTotal.cpuUsPerRequest,
      app_p50_ms: Math.max(...appResults.map((r) => r.latency.p50)),
      app_p99_ms: Math.max(...appResults.map((r) => r.latency.p99)),
      app_non2xx: appResults.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
      p99_ms_at_300: steady.latency.p99,
      p50_ms_at_300: steady.latency.p50,
      bare_p99_ms_at_300: bareSteady.latency.p99,
      achieved_rate_at_300: Math.round(steady.requests.average),
      non2xx_at_300: steady.non2xx + steady.errors + steady.timeouts,
      accepted_2xx: accepted,
      recorded_deliveries: recorded,
      // Requests still in flight when autocannon stops may be recorded without being counted as answered.
      every_accepted_recorded: recorded >= accepted,
    };
  } finally {
    bare.close();
    if (process.env.BENCH_APP_LOG) (await import("node:fs")).writeFileSync(process.env.BENCH_APP_LOG, h.app.output());
    await h.close();
    await postgres?.drop();
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function waitForQuietQueue(db: Awaited<ReturnType<typeof startSyncHarness>>["db"], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = await db.job.count({ where: { type: "webhook.process", status: { in: ["pending", "running"] } } });
    if (busy === 0 || Date.now() > deadline) {
      log(`${busy} webhook jobs still queued`);
      return;
    }
    await sleep(1000);
  }
}

/** A node:http server in its own process (as the app is) that reads the body and answers 200. */
async function startBareServer(): Promise<{ url: string; pid: number; close(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", `require("node:http").createServer((req, res) => { req.resume(); req.on("end", () => res.end()); }).listen(${port}, "127.0.0.1", () => console.log("ready"));`], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, close: () => void child.kill("SIGTERM") };
}
