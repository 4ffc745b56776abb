// Shopify webhooks straight from Node's HTTP server, before Remix: a delivery costs a body read, an HMAC
// and a share of one group-committed insert — no Request/Response objects, no route matching, no session
// read. scripts/serve.ts mounts it on POST /webhooks/*; the Remix route serves the same paths in dev.
import type { IncomingMessage, ServerResponse } from "node:http";
import { webhookIntake } from "../app-context.server";
import { config } from "../config.server";
import { logger } from "../logger.server";
import { acceptShopifyWebhook } from "../modules/webhooks/accept-shopify-webhook";

/** Shopify's largest payloads (products with many variants) stay well below this. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const PREFIX = "/webhooks/";

export function isShopifyWebhookRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && (req.url ?? "").startsWith(PREFIX);
}

export async function handleShopifyWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const answer = (status: number) => {
    res.writeHead(status, { "content-length": "0" });
    res.end();
  };
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    return answer((error as { status?: number }).status ?? 400);
  }
  let path: string;
  try {
    path = decodeURIComponent((req.url ?? "").slice(PREFIX.length).split("?")[0]!);
  } catch {
    return answer(400); // a malformed path, e.g. a stray % sign
  }
  try {
    const result = await acceptShopifyWebhook(
      { ...webhookIntake, apiSecret: config.SHOPIFY_API_SECRET },
      { path, header: (name) => headerValue(req, name), rawBody },
    );
    if (result.status === 200) logger.debug({ shop: result.shop, topic: result.topic, webhookId: result.webhookId }, "shopify webhook");
    else logger.warn({ path, status: result.status, reason: result.reason }, "shopify webhook refused");
    answer(result.status);
  } catch (error) {
    // Not recorded: a 500 makes Shopify deliver it again.
    logger.error({ path, err: (error as Error).message }, "could not record a shopify webhook");
    answer(500);
  }
}

/** At shutdown, after the server stopped taking requests: what was accepted goes into the database now. */
export async function closeWebhookIntake(): Promise<void> {
  await webhookIntake.intake.close();
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error("body too large"), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
