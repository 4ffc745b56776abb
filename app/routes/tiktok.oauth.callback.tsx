// TikTok sends the merchant here after they approve (or refuse) the app. Outside the Shopify admin, so
// the signed state — not a session — says which store started the flow.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logger } from "../logger.server";
import { completeTikTokAuthorization, TikTokAuthorizationError } from "../modules/linking/tiktok-authorization";
import { shopifyAdminAppUrl, tiktokAuthorizationDeps } from "../tiktok.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  try {
    const { shop, linked } = await completeTikTokAuthorization(tiktokAuthorizationDeps(), {
      code: url.searchParams.get("code"),
      state: url.searchParams.get("state"),
      error: url.searchParams.get("error"),
    });
    logger.info({ shop, tiktokShops: linked.map((l) => l.tiktokShopId) }, "tiktok shop linked");
    return redirect(`${shopifyAdminAppUrl(shop)}?linked=${linked.length}`);
  } catch (error) {
    if (!(error instanceof TikTokAuthorizationError)) throw error;
    logger.warn({ reason: error.reason }, "tiktok authorization not completed");
    return new Response(errorPage(error.message), { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

function errorPage(message: string): string {
  const text = message.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TikTok Shop not connected</title>
<style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif;max-width:560px;margin:80px auto;padding:0 16px;color:#303030}</style></head>
<body><h1>TikTok Shop was not connected</h1><p>${text}</p></body></html>`;
}
