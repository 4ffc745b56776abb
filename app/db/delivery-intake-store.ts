import type { DeliveryIntakeStore } from "../modules/webhooks/delivery-intake";
import { resolveDatabaseUrl } from "./database-url";
import { createPostgresDeliveryIntake } from "./postgres-delivery-intake";
import { createSqliteDeliveryIntake } from "./sqlite-delivery-intake";

/** The webhook intake's own connection to the app's database (DATABASE_URL, as createDatabase resolves it). */
export function createDeliveryIntakeStore(databaseUrl?: string): DeliveryIntakeStore {
  const { url, kind } = resolveDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL);
  return kind === "postgres" ? createPostgresDeliveryIntake(url) : createSqliteDeliveryIntake(url);
}
