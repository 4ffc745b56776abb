// The same migrations, repositories and Shopify session storage on SQLite and on PostgreSQL.
import { randomUUID } from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { createWebhookIntake } from "../../../app/db/delivery-intake-store";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { TEST_DATABASES } from "../../support/test-databases";

const backends = TEST_DATABASES;

describe.each(backends)("$name", (backend) => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;

  beforeAll(async () => {
    database = await backend.create();
    expect(await migrateDatabase(database.url)).toContain("0001_init");
    expect(await migrateDatabase(database.url)).toEqual([]); // idempotent
    db = createDatabase(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("records a webhook delivery once however often it arrives, also concurrently", async () => {
    // The app's intake for this database (through the journal on SQLite); closing it finishes the recording.
    const intake = createWebhookIntake(database.url);
    const delivery = { source: "shopify" as const, deliveryId: randomUUID(), shop: "a.myshopify.com", topic: "products/update", payload: "{}" };
    try {
      await Promise.all(Array.from({ length: 5 }, () => intake.accept(delivery, { jobType: "webhook.process" })));
      await intake.accept(delivery, { jobType: "webhook.process" }); // Shopify's retry, later
    } finally {
      await intake.close();
    }
    expect(await db.webhookDelivery.count({ where: { deliveryId: delivery.deliveryId } })).toBe(1);
    expect(await db.job.count({ where: { shop: "a.myshopify.com", payload: { contains: (await db.webhookDelivery.findFirstOrThrow({ where: { deliveryId: delivery.deliveryId } })).id } } })).toBe(1);
  });

  it("stores and loads Shopify sessions through PrismaSessionStorage", async () => {
    const storage = new PrismaSessionStorage(db);
    const session = new Session({ id: "offline_b.myshopify.com", shop: "b.myshopify.com", state: "s", isOnline: false, accessToken: "shpat_test", scope: "read_products" });
    expect(await storage.storeSession(session)).toBe(true);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.accessToken).toBe("shpat_test");
    expect((await storage.findSessionsByShop("b.myshopify.com")).map((s) => s.id)).toEqual([session.id]);
    await storage.deleteSession(session.id);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });
});
