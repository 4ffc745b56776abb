import type { IncomingMessage, ServerResponse } from "node:http";
import { TikTokApiError } from "./api-error";
import { matchSegments, type CompiledRoute } from "./api-route";
import { errorEnvelope, sendJson, successEnvelope } from "./envelope";
import { applyFaults } from "./faults";
import { parseQueryPairs } from "./query-string";
import { verifyApiRequest } from "./request-verification";
import type { Simulator } from "./simulator";

interface Resolution {
  route: CompiledRoute;
  params: Record<string, string>;
}

/** Finds the route or the TikTok error for an unknown path (36009009), method (36009010) or version (36009014). */
export function resolveRoute(routes: CompiledRoute[], method: string, path: string): Resolution {
  const segments = path.split("/").slice(1);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchSegments(route, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  if (pathMatched) throw new TikTokApiError(36009010, `Invalid method: ${method} is not supported for ${path}.`, 405);
  if (routes.some((r) => matchSegments(r, segments, true))) {
    throw new TikTokApiError(36009014, `The version name is invalid: ${segments[1] ?? ""}.`, 404);
  }
  throw new TikTokApiError(36009009, `Invalid path: ${path}.`, 404);
}

export async function dispatchApiRequest(
  sim: Simulator,
  routes: CompiledRoute[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawQuery: string,
  rawBody: Buffer,
): Promise<void> {
  const started = performance.now();
  const requestId = sim.requestId();
  let status = 200;
  let code = 0;
  let message = "Success";
  let shopId: string | null = null;
  let payload: unknown;
  try {
    const answered = await applyFaults(sim, res, requestId);
    if (answered) {
      status = res.statusCode;
      code = answered;
      message = "fault injected";
      return;
    }
    const { route, params } = resolveRoute(routes, req.method ?? "GET", path);
    const ctx = verifyApiRequest(sim, route, params, path, parseQueryPairs(rawQuery), req.headers, rawBody);
    shopId = ctx.shop?.id ?? null;
    const bucketKey = `${sim.options.appKey}|${ctx.shop?.id ?? ctx.seller.openId}|${route.method} ${route.template}`;
    if (!sim.limiter.tryTake(bucketKey)) {
      throw new TikTokApiError(36009002, "Too many requests: the rate limit for this API and shop was exceeded.", 429);
    }
    const data = await route.handle(ctx);
    payload = successEnvelope(requestId, data);
  } catch (err) {
    if (err instanceof TikTokApiError) {
      status = err.httpStatus;
      code = err.code;
      message = err.message;
    } else {
      sim.logger.error({ err, path }, "simulator handler crashed");
      status = 500;
      code = 36009003;
      message = "Internal error. Please try again.";
    }
    payload = errorEnvelope(requestId, code, message);
  } finally {
    sim.requestLog.add({
      at: sim.nowSeconds(), method: req.method ?? "GET", path, shop_id: shopId, http_status: status, code, message,
      request_id: requestId, duration_ms: Math.round(performance.now() - started),
    });
  }
  if (payload !== undefined && !res.headersSent) {
    // The change is made, but the caller never hears so (a dropped connection): only an idempotent retry is safe.
    if (status === 200 && req.method !== "GET" && answerLost(sim, path)) return void res.destroy();
    sendJson(res, status, payload);
  }
}

function answerLost(sim: Simulator, path: string): boolean {
  const { lostAnswerRate = 0, lostAnswerPath } = sim.faults;
  return lostAnswerRate > 0 && (lostAnswerPath === undefined || path === lostAnswerPath) && sim.random.next() < lostAnswerRate;
}
