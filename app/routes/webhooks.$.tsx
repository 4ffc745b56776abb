// Shopify webhooks when the app runs under Remix alone (`npm run dev`). In production scripts/serve.ts
// answers POST /webhooks/* before Remix (app/server/shopify-webhook-intake.server.ts); both call the same
// use case: check path, headers and HMAC, record once, answer. Processing happens in jobs.
import type { ActionFunctionArgs } from "@remix-run/node";
import { webhookIntake } from "../app-context.server";
import { config } from "../config.server";
import { logger } from "../logger.server";
import { acceptShopifyWebhook } from "../modules/webhooks/accept-shopify-webhook";

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await acceptShopifyWebhook(
    { ...webhookIntake, apiSecret: config.SHOPIFY_API_SECRET },
    { path: params["*"] ?? "", header: (name) => request.headers.get(name) ?? undefined, rawBody: Buffer.from(await request.arrayBuffer()) },
  );
  if (result.status !== 200) logger.warn({ path: params["*"], status: result.status, reason: result.reason }, "shopify webhook refused");
  return new Response(null, { status: result.status });
}
