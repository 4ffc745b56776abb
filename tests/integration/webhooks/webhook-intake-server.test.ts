// The production server's fast path: POST /webhooks/* answered before Remix (scripts/serve.ts →
// app/server/shopify-webhook-intake.server.ts), against the built app on a real SQLite file.
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { intakeJournalDir } from "../../../app/db/delivery-intake-store";
import { startAppServer, type RunningApp } from "../../support/app-server";
import { eventually } from "../../support/eventually";
import { freePort } from "../../support/free-port";

const secret = "intake-secret";
const shop = "intake-test.myshopify.com";
let app: RunningApp;
let db: Database;
let dir: string;

/** A migrated SQLite database in its own directory, and the environment of an app (no worker) on a free port. */
async function appOnFreshDatabase(prefix: string, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const databaseUrl = `file:${path.join(dir, "app.sqlite")}`;
  await migrateDatabase(databaseUrl);
  const port = await freePort();
  const env = { SHOPIFY_API_KEY: "intake-key", SHOPIFY_API_SECRET: secret, SHOPIFY_APP_URL: `http://127.0.0.1:${port}`, DATABASE_URL: databaseUrl, WORKER_IN_PROCESS: "false", ...extraEnv };
  return { dir, db: createDatabase(databaseUrl), port, env };
}

beforeAll(async () => {
  const fresh = await appOnFreshDatabase("intake-");
  ({ dir, db } = fresh);
  app = await startAppServer({ port: fresh.port, env: fresh.env });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Answered 200 means durable in the intake journal; the database has it moments later. */
const recordedCount = (ids: string[], expected: number) =>
  eventually(async () => ((await db.webhookDelivery.count({ where: { deliveryId: { in: ids } } })) === expected ? true : undefined), 5_000, `${expected} deliveries in the database`);

function deliver(options: { path?: string; topic?: string; body?: string; hmac?: string; webhookId?: string; omit?: string; to?: RunningApp } = {}) {
  const body = options.body ?? JSON.stringify({ inventory_item_id: 808950810, location_id: 655441491, available: 6, updated_at: "2026-11-25T10:00:00-05:00" });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": options.topic ?? "inventory_levels/update",
    "x-shopify-hmac-sha256": options.hmac ?? createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2026-10",
    "x-shopify-webhook-id": options.webhookId ?? randomUUID(),
    "x-shopify-triggered-at": new Date().toISOString(),
  };
  if (options.omit) delete headers[options.omit];
  return fetch(`${(options.to ?? app).url}/webhooks/${options.path ?? "inventory_levels/update"}`, { method: "POST", headers, body });
}

describe("webhook intake in front of Remix", () => {
  it("records a genuine delivery once, with its processing job, and answers 200 to the retry too", async () => {
    const webhookId = randomUUID();
    expect((await deliver({ webhookId })).status).toBe(200);
    expect((await deliver({ webhookId })).status).toBe(200);
    await recordedCount([webhookId], 1);
    await new Promise((r) => setTimeout(r, 200)); // the retry's import too
    const rows = await db.webhookDelivery.findMany({ where: { deliveryId: webhookId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "shopify", shop, topic: "inventory_levels/update", apiVersion: "2026-10", status: "enqueued" });
    expect(await db.job.count({ where: { type: "webhook.process", payload: { contains: rows[0]!.id } } })).toBe(1);
  });

  it("keeps Shopify's 64-bit ids byte for byte", async () => {
    const webhookId = randomUUID();
    const body = '{"id":788032119674292922,"title":"Crème","updated_at":"2026-11-25T10:00:00-05:00","variants":[]}';
    expect((await deliver({ path: "products/update", topic: "products/update", body, webhookId })).status).toBe(200);
    await recordedCount([webhookId], 1);
    expect((await db.webhookDelivery.findFirst({ where: { deliveryId: webhookId } }))?.payload).toBe(body);
  });

  it.each([
    ["a forged HMAC", { hmac: createHmac("sha256", "not-the-secret").update("{}").digest("base64") }, 401],
    ["no webhook id header", { omit: "x-shopify-webhook-id" }, 400],
    ["no HMAC header", { omit: "x-shopify-hmac-sha256" }, 400],
    ["a topic that is not delivered to that path", { path: "products/delete", topic: "products/update" }, 400],
    ["a path the app does not subscribe to", { path: "carts/create", topic: "carts/create" }, 404],
    ["a malformed path", { path: "products%E0%A4%A/update" }, 400],
    ["a body over 10 MB", { body: JSON.stringify({ pad: "x".repeat(10 * 1024 * 1024 + 1) }) }, 413],
  ] as const)("refuses %s (%s) and records nothing", async (_name, options, status) => {
    const webhookId = randomUUID();
    const response = await deliver({ ...options, webhookId }).catch((error: Error) => error);
    // An oversized body may be cut off before the whole upload is read: either the 413 or a reset connection.
    if (response instanceof Error) expect(status).toBe(413);
    else expect(response.status).toBe(status);
    expect(await db.webhookDelivery.count({ where: { deliveryId: webhookId } })).toBe(0);
  });

  it("records every one of 300 concurrent deliveries it answered 200", async () => {
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const answers = await Promise.all(ids.map((webhookId) => deliver({ webhookId })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await recordedCount(ids, 300);
  });

  describe("an app that moves deliveries into the database at most once in 10 minutes", () => {
    // Its own database: what it answered stays in its journal until it imports, is stopped, or restarts.
    let slowDir: string;
    let slowDb: Database;
    let slowPort: number;
    let env: Record<string, string>;
    const slowCount = (ids: string[]) => slowDb.webhookDelivery.count({ where: { deliveryId: { in: ids } } });
    const journalFiles = () => readdirSync(intakeJournalDir(env.DATABASE_URL!)).filter((f) => f.endsWith(".jsonl"));
    beforeAll(async () => {
      ({ dir: slowDir, db: slowDb, port: slowPort, env } = await appOnFreshDatabase("intake-slow-", { WEBHOOK_IMPORT_INTERVAL_MS: "600000" }));
    });
    afterAll(async () => {
      await slowDb?.$disconnect();
      rmSync(slowDir, { recursive: true, force: true });
    });
    const burst = async (to: RunningApp) => {
      const first = randomUUID();
      expect((await deliver({ webhookId: first, to })).status).toBe(200); // a quiet intake imports at once…
      await eventually(async () => ((await slowCount([first])) === 1 ? true : undefined), 5_000, "the first delivery");
      const ids = Array.from({ length: 50 }, () => randomUUID());
      const answers = await Promise.all(ids.map((webhookId) => deliver({ webhookId, to })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(await slowCount(ids)).toBe(0); // …the burst waits for the next import, 10 minutes on
      return ids;
    };

    it("loses nothing it answered 200 when killed before those deliveries reached the database", { timeout: 90_000 }, async () => {
      let slow = await startAppServer({ port: slowPort, env });
      let ids: string[];
      try {
        ids = await burst(slow);
        expect(journalFiles().length).toBeGreaterThan(0);
        await slow.kill();
        slow = await startAppServer({ port: slowPort, env });
        // The new process imports what the dead one left, each delivery once, with its processing job.
        await eventually(async () => ((await slowCount(ids)) === 50 ? true : undefined), 10_000, "the left-over deliveries");
        const rows = await slowDb.webhookDelivery.findMany({ where: { deliveryId: { in: ids } }, select: { id: true } });
        const jobs = await slowDb.job.findMany({ where: { type: "webhook.process" }, select: { payload: true } });
        const queued = new Set(jobs.flatMap((j) => (JSON.parse(j.payload) as { deliveryIds: string[] }).deliveryIds));
        expect(rows.every((r) => queued.has(r.id))).toBe(true);
      } finally {
        await slow.close();
      }
    });

    it("moves what it answered into the database when stopped, and leaves no journal behind", { timeout: 90_000 }, async () => {
      const slow = await startAppServer({ port: slowPort, env });
      const ids = await burst(slow);
      await slow.close(); // SIGTERM
      expect(await slowCount(ids)).toBe(50);
      expect(journalFiles()).toEqual([]);
    });
  });

  it("is still up after all of that", async () => {
    expect((await deliver()).status).toBe(200);
  });

  it("leaves everything else to Remix", async () => {
    expect((await fetch(`${app.url}/webhooks/products/update`)).status).toBe(405); // the route's loader
    expect((await fetch(`${app.url}/auth/login`)).status).toBe(200);
  });
});
