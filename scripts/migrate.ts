// npm run setup — applies committed migrations to DATABASE_URL (default: prisma/dev.sqlite).
import { migrateDatabase } from "../app/db/migrations.server";

const applied = await migrateDatabase();
console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
