import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { ensureInProcessWorker } from "./jobs/in-process-worker.server";
import { config } from "./config.server";
import { adaptDocumentHeaders } from "./integrations/shopify/document-headers";
import { addDocumentResponseHeaders } from "./shopify.server";

ensureInProcessWorker();

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  adaptDocumentHeaders(responseHeaders, { appBridgeUrl: config.APP_BRIDGE_URL, adminOrigin: config.SHOPIFY_ADMIN_ORIGIN });

  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

// The production server (scripts/serve.ts) answers Shopify webhooks before Remix, from this same build,
// and, when it shuts down, moves the accepted deliveries into the database and stops the in-process worker.
export { closeWebhookIntake, handleShopifyWebhook, isShopifyWebhookRequest } from "./server/shopify-webhook-intake.server";
export { stopInProcessWorker } from "./jobs/in-process-worker.server";
