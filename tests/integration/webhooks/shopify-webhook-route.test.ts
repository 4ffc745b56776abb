import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { jobHandlers, queue, webhookIntake } from "../../../app/app-context.server";
import { db } from "../../../app/db.server";
import { action } from "../../../app/routes/webhooks.$";
import { drainJobs } from "../../support/drain-jobs";
import { shopifyWebhookRequest } from "../../support/shopify-webhook-request";

const appUrl = process.env.SHOPIFY_APP_URL!;
const secret = process.env.SHOPIFY_API_SECRET!;
const shop = `webhook-route-${randomUUID().slice(0, 8)}.myshopify.com`;
// A real products/update body carries ids beyond Number.MAX_SAFE_INTEGER; the raw text must survive.
const body = '{"id":788032119674292922,"admin_graphql_api_id":"gid://shopify/Product/788032119674292922","title":"Example T-Shirt","handle":"example-t-shirt","vendor":"Acme","product_type":"Shirts","status":"active","tags":"","updated_at":"2026-11-25T10:00:00-05:00","variants":[]}';

async function respond(request: Request): Promise<Response> {
  try {
    return await action({ request, params: { "*": new URL(request.url).pathname.replace("/webhooks/", "") }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

afterAll(async () => {
  await db.webhookDelivery.deleteMany({ where: { shop } });
  await db.job.deleteMany({ where: { shop } });
  await db.catalogProduct.deleteMany({ where: { shop } });
});

describe("Shopify webhook route", () => {
  it("GIVEN a correctly signed delivery sent twice THEN both get 200 and it is recorded once, byte for byte", async () => {
    const webhookId = randomUUID();
    const send = () => respond(shopifyWebhookRequest({ appUrl, path: "/webhooks/products/update", topic: "products/update", shop, body, secret, webhookId }));
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    await webhookIntake.intake.settled(); // accepted into the journal; now in the database
    const rows = await db.webhookDelivery.findMany({ where: { shop, deliveryId: webhookId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "shopify", topic: "products/update", apiVersion: "2026-10", payload: body });
  });

  it("GIVEN a forged HMAC THEN 401 and nothing is recorded", async () => {
    const webhookId = randomUUID();
    const response = await respond(
      shopifyWebhookRequest({ appUrl, path: "/webhooks/products/update", topic: "products/update", shop, body, secret: "not-the-app-secret", webhookId }),
    );
    expect(response.status).toBe(401);
    expect(await db.webhookDelivery.count({ where: { deliveryId: webhookId } })).toBe(0);
  });

  it("GIVEN a signed delivery whose topic does not belong to the path THEN 400 and nothing is recorded", async () => {
    const webhookId = randomUUID();
    const response = await respond(
      shopifyWebhookRequest({ appUrl, path: "/webhooks/products/delete", topic: "products/update", shop, body, secret, webhookId }),
    );
    expect(response.status).toBe(400);
    expect(await db.webhookDelivery.count({ where: { deliveryId: webhookId } })).toBe(0);
  });

  it("GIVEN an unknown webhook path THEN 404", async () => {
    const response = await respond(shopifyWebhookRequest({ appUrl, path: "/webhooks/carts/create", topic: "carts/create", shop, body, secret }));
    expect(response.status).toBe(404);
  });

  it("accepts each compliance topic on /webhooks/compliance; shop/redact then erases that store's data", async () => {
    // Its own store: shop/redact erases everything of the store it names.
    const redacted = `redacted-${randomUUID().slice(0, 8)}.myshopify.com`;
    await db.session.create({ data: { id: `offline_${redacted}`, shop: redacted, state: "", isOnline: false, accessToken: "shpat_x" } });
    const ids: string[] = [];
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      const webhookId = randomUUID();
      ids.push(webhookId);
      const response = await respond(
        shopifyWebhookRequest({ appUrl, path: "/webhooks/compliance", topic, shop: redacted, body: `{"shop_domain":"${redacted}"}`, secret, webhookId }),
      );
      expect(response.status, topic).toBe(200);
      await webhookIntake.intake.settled();
      expect(await db.webhookDelivery.findFirst({ where: { deliveryId: webhookId } })).toMatchObject({ topic });
    }
    await drainJobs(queue, jobHandlers);
    expect(await db.session.count({ where: { shop: redacted } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { deliveryId: { in: ids } } })).toBe(0); // its deliveries too
  });

  it("GIVEN app/uninstalled THEN it is recorded with its job in one go, and the job removes the shop's sessions", async () => {
    await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_x" } });
    const webhookId = randomUUID();
    const response = await respond(
      shopifyWebhookRequest({ appUrl, path: "/webhooks/app/uninstalled", topic: "app/uninstalled", shop, body: `{"id":1,"domain":"${shop}"}`, secret, webhookId }),
    );
    expect(response.status).toBe(200);
    await webhookIntake.intake.settled();
    expect(await db.webhookDelivery.findFirst({ where: { deliveryId: webhookId } })).toMatchObject({ status: "enqueued" });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { deliveryId: webhookId } });
    expect(await db.job.count({ where: { shop, status: "pending", payload: JSON.stringify({ deliveryIds: [delivery.id] }) } })).toBe(1);
    expect(await db.session.count({ where: { shop } })).toBe(1); // nothing processed in the request

    await drainJobs(queue, jobHandlers);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect(await db.webhookDelivery.findFirst({ where: { deliveryId: webhookId } })).toMatchObject({ status: "processed" });
  });

  it("GIVEN app/scopes_update THEN the job records the new scopes on the shop's sessions", async () => {
    await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_x", scope: "read_products" } });
    const body = JSON.stringify({ id: 1, previous: ["read_products"], current: ["read_products", "read_orders"], updated_at: "2026-11-25T10:00:00Z" });
    const response = await respond(shopifyWebhookRequest({ appUrl, path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop, body, secret }));
    expect(response.status).toBe(200);
    await webhookIntake.intake.settled();
    await drainJobs(queue, jobHandlers);
    expect((await db.session.findFirst({ where: { shop } }))?.scope).toBe("read_products,read_orders");
    await db.session.deleteMany({ where: { shop } });
  });
});
