// What app/uninstalled and app/scopes_update change in our own data: the shop's Shopify sessions.
// (What uninstalling means for TikTok links and sync jobs is handled by those features.)
import { z } from "zod";
import type { Database } from "../../db.server";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

export async function applySessionWebhook(db: Database, topic: string, shop: string, rawBody: string): Promise<void> {
  if (topic === "app/uninstalled") {
    await db.session.deleteMany({ where: { shop } });
  } else if (topic === "app/scopes_update") {
    const { current } = scopesUpdatePayload.parse(JSON.parse(rawBody));
    await db.session.updateMany({ where: { shop }, data: { scope: current.join(",") } });
  }
}
