// Webhook intake on PostgreSQL: one pooled connection per batch, the deliveries inserted with one statement
// (ON CONFLICT DO NOTHING: a delivery another process records at the same moment waits for that transaction,
// then counts as a duplicate), their jobs with another, in one transaction, no Prisma.
import pg from "pg";
import { deliveryKey, distinctDeliveryRows, jobsForRecorded, receiptResults, webhookJobPayload, type DeliveryIntakeStore } from "../modules/webhooks/delivery-intake";

export function createPostgresDeliveryIntake(url: string): DeliveryIntakeStore {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    async recordBatch(receipts) {
      const { rows, rowOfReceipt } = distinctDeliveryRows(receipts);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO "WebhookDelivery" ("id", "source", "deliveryId", "shop", "topic", "apiVersion", "triggeredAt", "eventId", "payload", "status", "receivedAt")
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamp(3)[], $8::text[], $9::text[], $10::text[], $11::timestamp(3)[])
           ON CONFLICT ("source", "deliveryId") DO NOTHING RETURNING "id"`,
          [
            rows.map((r) => r.id), rows.map((r) => r.source), rows.map((r) => r.deliveryId), rows.map((r) => r.shop), rows.map((r) => r.topic),
            rows.map((r) => r.apiVersion ?? null), rows.map((r) => (r.triggeredAt ? postgresTime(r.triggeredAt) : null)), rows.map((r) => r.eventId ?? null),
            rows.map((r) => r.payload), rows.map((r) => r.status), rows.map((r) => postgresTime(r.receivedAt)),
          ],
        );
        const insertedIds = new Set(inserted.rows.map((r) => r.id));
        const recordedBefore = new Map<string, string>();
        const duplicates = rows.filter((r) => !insertedIds.has(r.id));
        if (duplicates.length) {
          const found = await client.query<{ id: string; source: string; deliveryId: string }>(
            `SELECT "id", "source", "deliveryId" FROM "WebhookDelivery" WHERE ("source", "deliveryId") IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
            [duplicates.map((r) => r.source), duplicates.map((r) => r.deliveryId)],
          );
          for (const r of found.rows) recordedBefore.set(deliveryKey(r), r.id);
        }
        const jobs = jobsForRecorded(rows.filter((r) => insertedIds.has(r.id)));
        if (jobs.length) {
          await client.query(
            `INSERT INTO "Job" ("id", "shop", "type", "payload", "priority", "runAt", "createdAt", "updatedAt")
             SELECT j.id, j.shop, j.type, j.payload, j.priority, j.at, j.at, j.at
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamp(3)[]) AS j(id, shop, type, payload, priority, at)`,
            [jobs.map((j) => j.id), jobs.map((j) => j.shop), jobs.map((j) => j.type), jobs.map((j) => webhookJobPayload(j.deliveryIds)), jobs.map((j) => j.priority), jobs.map((j) => postgresTime(j.createdAt))],
          );
        }
        await client.query("COMMIT");
        const stored = rows.map((r) => (insertedIds.has(r.id) ? { id: r.id, inserted: true } : { id: recordedBefore.get(deliveryKey(r))!, inserted: false }));
        return receiptResults(rowOfReceipt, stored);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** TIMESTAMP(3) in UTC, as Prisma's pg adapter writes it. */
function postgresTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
