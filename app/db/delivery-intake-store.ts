// The webhook intake as the app's database calls for: its own connection (store) and, on SQLite, the journal in front of it.
import type { DeliveryIntakeStore } from "../modules/webhooks/delivery-intake";
import { createJournaledWebhookIntake, type JournaledWebhookIntakeOptions } from "../modules/webhooks/journaled-webhook-intake";
import { createDirectWebhookIntake, type WebhookIntake } from "../modules/webhooks/webhook-intake";
import { resolveDatabaseUrl } from "./database-url";
import { createIntakeJournal } from "./intake-journal";
import { createPostgresDeliveryIntake } from "./postgres-delivery-intake";
import { createSqliteDeliveryIntake } from "./sqlite-delivery-intake";
import { sqliteFilePath } from "./sqlite-file-path";

/** The webhook intake's own connection to the app's database (DATABASE_URL, as createDatabase resolves it). */
export function createDeliveryIntakeStore(databaseUrl?: string): DeliveryIntakeStore {
  const { url, kind } = resolveDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL);
  return kind === "postgres" ? createPostgresDeliveryIntake(url) : createSqliteDeliveryIntake(url);
}

/**
 * The webhook intake for the app's database: on SQLite through a journal beside the database file (same disk,
 * same durability); on PostgreSQL straight into the database, which may live on another machine than this
 * process's disk.
 */
export function createWebhookIntake(databaseUrl?: string, options: JournaledWebhookIntakeOptions = {}): WebhookIntake {
  const { url, kind } = resolveDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL);
  if (kind === "postgres") return createDirectWebhookIntake(createPostgresDeliveryIntake(url), options);
  return createJournaledWebhookIntake(createSqliteDeliveryIntake(url), createIntakeJournal(intakeJournalDir(url)), options);
}

export function intakeJournalDir(sqliteUrl: string): string {
  return `${sqliteFilePath(sqliteUrl)}-intake-journal`;
}
