// A delivery the database refuses for good (here: a trigger on the real table refuses it) must not hold back
// the deliveries behind it: on SQLite the journaled intake records the others and sets it aside, durably,
// with the reason — whether it was accepted by this process or left in the journal by one that died.
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../app/db.server";
import { SET_ASIDE_FILE } from "../../../app/db/intake-journal";
import { createWebhookIntake, intakeJournalDir } from "../../../app/db/delivery-intake-store";
import { migrateDatabase } from "../../../app/db/migrations.server";
import { parseReceiptLine, receiptLine } from "../../../app/modules/webhooks/journaled-webhook-intake";
import { deadProcessId } from "../../support/dead-process-id";
import { TEST_DATABASES, type TemporaryDatabase } from "../../support/test-databases";

const PROCESS = { jobType: "webhook.process" };

describe("refused webhook deliveries (SQLite, journaled intake)", () => {
  let database: TemporaryDatabase;
  let db: Database;
  const errors: Array<{ details: Record<string, unknown>; message: string }> = [];
  const logger = { warn: () => undefined, error: (details: object, message: string) => void errors.push({ details: details as Record<string, unknown>, message }) };

  beforeAll(async () => {
    database = await TEST_DATABASES.find((d) => d.name === "SQLite")!.create();
    await migrateDatabase(database.url);
    db = createDatabase(database.url);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_poison BEFORE INSERT ON "WebhookDelivery" WHEN NEW."deliveryId" LIKE 'poison-%' BEGIN SELECT RAISE(ABORT, 'poison refused'); END`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const delivery = (shop: string, deliveryId: string) => ({ source: "shopify" as const, deliveryId, shop, topic: "products/update", payload: `{"id":"${deliveryId}"}` });
  const setAsideLines = () => {
    const text = readFileSync(path.join(intakeJournalDir(database.url), SET_ASIDE_FILE), "utf8");
    return text.split("\n").filter(Boolean).map((line) => ({ reason: JSON.parse(line.slice(0, line.indexOf("\t"))).reason as string, line: line.slice(line.indexOf("\t") + 1) }));
  };

  it("records every other delivery of a burst, with its jobs, and sets the refused one aside with the reason", async () => {
    const shop = `burst-${randomUUID().slice(0, 6)}.myshopify.com`;
    const ids = Array.from({ length: 40 }, (_, i) => (i === 17 ? `poison-${randomUUID()}` : randomUUID()));
    const intake = createWebhookIntake(database.url, { logger, importIntervalMs: 50 });
    try {
      await Promise.all(ids.map((id) => intake.accept(delivery(shop, id), PROCESS)));
      await intake.settled(); // does not throw: nothing is left waiting
      // Later deliveries still go in.
      await intake.accept(delivery(shop, "after-the-poison"), PROCESS);
      await intake.settled();
    } finally {
      await intake.close();
    }
    const recorded = await db.webhookDelivery.findMany({ where: { shop }, select: { id: true, deliveryId: true } });
    expect(recorded.map((r) => r.deliveryId).sort()).toEqual([...ids.filter((id) => !id.startsWith("poison-")), "after-the-poison"].sort());
    const jobbed = (await db.job.findMany({ where: { shop } })).flatMap((j) => (JSON.parse(j.payload) as { deliveryIds: string[] }).deliveryIds);
    expect(jobbed.sort()).toEqual(recorded.map((r) => r.id).sort()); // each recorded delivery has its job, once

    const poison = setAsideLines().find((l) => l.line.includes(ids[17]!))!;
    expect(poison.reason).toContain("poison refused");
    expect(parseReceiptLine(poison.line)).toMatchObject({ delivery: delivery(shop, ids[17]!), processWith: PROCESS }); // all it takes to replay it
    expect(errors.find((e) => e.details.deliveryId === ids[17])?.message).toMatch(/set aside/);
    // The journal's segments are gone (everything in them is recorded or set aside); the set-aside file stays.
    expect(readdirSync(intakeJournalDir(database.url)).filter((f) => f !== SET_ASIDE_FILE)).toEqual([]);
  });

  it("does the same with a dead process's journal: its good deliveries recorded, the refused one set aside", async () => {
    const shop = `leftover-${randomUUID().slice(0, 6)}.myshopify.com`;
    const ids = [randomUUID(), `poison-${randomUUID()}`, randomUUID()];
    const dir = intakeJournalDir(database.url);
    mkdirSync(dir, { recursive: true });
    const lines = ids.map((id) => receiptLine({ delivery: delivery(shop, id), processWith: PROCESS, receivedAt: new Date() }));
    writeFileSync(path.join(dir, `${deadProcessId()}-0badc0de-1.jsonl`), `${lines.join("\n")}\n${"\0".repeat(256)}`);

    const intake = createWebhookIntake(database.url, { logger });
    try {
      await intake.settled(); // waits for the left-overs
    } finally {
      await intake.close();
    }
    expect((await db.webhookDelivery.findMany({ where: { shop } })).map((r) => r.deliveryId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(setAsideLines().some((l) => l.line === lines[1])).toBe(true);
    expect(readdirSync(dir).filter((f) => f !== SET_ASIDE_FILE)).toEqual([]);
  });
});
