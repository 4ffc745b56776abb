import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./envelope";
import { createAdjustment, financeSnapshot } from "./finance-admin";
import { renderInspectionPage } from "./inspection-page";
import { issueAuthCode } from "./oauth";
import { defaultBuyerReason } from "./cancel-reasons";
import { advanceOrder } from "./order-lifecycle";
import { placeOrder } from "./order-placement";
import { parsePlaceOrderRequest } from "./order-request";
import { orderView } from "./order-view";
import { createCancellation, createReturn } from "./reverse-api";
import { productView } from "./products-api";
import { parseQueryPairs } from "./query-string";
import type { Shop } from "./model";
import type { Simulator } from "./simulator";
import { TikTokApiError } from "./api-error";

type Obj = Record<string, unknown>;

function parseBody(raw: Buffer, contentType: string): Obj {
  if (raw.length === 0) return {};
  if (contentType.startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(parseQueryPairs(raw.toString("utf8")));
  const parsed: unknown = JSON.parse(raw.toString("utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("body must be a JSON object");
  return parsed as Obj;
}

function findShop(sim: Simulator, ref: { shop_id?: unknown; shop_cipher?: unknown; seller_id?: unknown }): Shop | undefined {
  if (typeof ref.shop_id === "string") return sim.state.shops.get(ref.shop_id);
  if (typeof ref.shop_cipher === "string") return sim.state.shopsByCipher.get(ref.shop_cipher);
  if (typeof ref.seller_id === "string") {
    const seller = sim.state.sellers.get(ref.seller_id);
    return seller ? sim.state.shops.get(seller.shopIds[0] ?? "") : undefined;
  }
  return sim.state.shops.values().next().value;
}

/** Whole state as JSON (never the app secret, never raw image bytes). */
export function stateSnapshot(sim: Simulator) {
  const s = sim.state;
  return {
    now: sim.nowSeconds(),
    app_key: sim.options.appKey,
    webhook_url: sim.webhookUrl ?? null,
    faults: sim.faults,
    webhook_faults: sim.webhookFaults,
    sellers: [...s.sellers.values()],
    shops: [...s.shops.values()].map(({ businessVerification: business_verification, linkedAccounts: linked_tiktok_accounts, ...shop }) => ({ ...shop, business_verification, linked_tiktok_accounts })),
    authorizations: [...s.authorizations.values()],
    products: [...s.products.values()].map((p) => ({
      ...productView(sim, p),
      shop_id: p.shopId,
      live_version: p.liveContent ? { title: p.liveContent.title } : null,
      skus: [...p.skus.values()].map((k) => ({
        id: k.id, seller_sku: k.seller_sku, price: k.price, list_price: k.list_price ?? null,
        inventory: Object.fromEntries(k.inventory), committed: Object.fromEntries(k.committed),
      })),
    })),
    images: [...s.images.values()].map(({ bytes: _b, ...img }) => img),
    orders: [...s.orders.values()].map((o) => ({ ...orderView(sim, o), shop_id: o.shopId, external_orders: [...o.externalOrders.values()] })),
    cancellations: [...s.cancellations.values()],
    returns: [...s.returns.values()],
    webhooks: s.webhooks,
    finance: financeSnapshot(sim),
    requests: { total: sim.requestLog.total, by_outcome: Object.fromEntries(sim.requestLog.byOutcome), recent: sim.requestLog.list() },
  };
}

/** Sandbox-only endpoints under /sandbox (documented in README.md). Unsigned: they stand for Seller Center and buyers. */
export async function handleAdminRequest(sim: Simulator, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string, rawBody: Buffer): Promise<void> {
  const method = req.method ?? "GET";
  const query = Object.fromEntries(parseQueryPairs(rawQuery));
  const fail = (status: number, message: string) => sendJson(res, status, { error: message });
  let body: Obj;
  try {
    body = parseBody(rawBody, req.headers["content-type"] ?? "");
  } catch (err) {
    fail(400, `invalid body: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const isForm = (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
  const done = (payload: unknown) => {
    if (isForm) {
      res.writeHead(303, { location: "/sandbox" });
      res.end();
    } else sendJson(res, 200, payload);
  };
  try {
    if (method === "GET" && (path === "/sandbox" || path === "/sandbox/")) {
      renderInspectionPage(sim, res);
      return;
    }
    if (method === "GET" && path === "/sandbox/state") return sendJson(res, 200, stateSnapshot(sim));
    if (method === "GET" && path === "/sandbox/business_verification") {
      const shop = findShop(sim, query);
      if (!shop) return fail(404, "unknown shop");
      return sendJson(res, 200, { shop_id: shop.id, ...shop.businessVerification, overall_status: overallStatus(shop) });
    }
    if (method === "GET" && path === "/sandbox/tiktok_accounts") {
      const shop = findShop(sim, query);
      if (!shop) return fail(404, "unknown shop");
      return sendJson(res, 200, { shop_id: shop.id, tiktok_accounts: shop.linkedAccounts });
    }
    if (method !== "POST") return fail(404, `unknown sandbox endpoint ${method} ${path}`);
    if (path === "/sandbox/seller-token") {
      const shop = findShop(sim, body);
      if (!shop) return fail(404, "unknown seller or shop");
      const { access, refresh } = sim.issueTokens(shop.sellerOpenId, false);
      return sendJson(res, 200, {
        access_token: access.token, access_token_expire_in: access.expiresAt, refresh_token: refresh.token, refresh_token_expire_in: refresh.expiresAt,
        open_id: shop.sellerOpenId, shop_id: shop.id, shop_cipher: shop.cipher, region: shop.region,
      });
    }
    if (path === "/sandbox/auth-code") {
      const shop = findShop(sim, body);
      if (!shop) return fail(404, "unknown seller or shop");
      return sendJson(res, 200, { code: issueAuthCode(sim, shop.sellerOpenId) });
    }
    if (path === "/sandbox/clock") {
      const seconds = Number(body.advance_seconds);
      if (!Number.isFinite(seconds) || seconds < 0) return fail(400, "advance_seconds must be a non-negative number");
      sim.advanceClock(seconds);
      return done({ now: sim.nowSeconds() });
    }
    if (path === "/sandbox/faults") {
      const num = (v: unknown) => (v === undefined || v === "" ? undefined : Number(v));
      sim.faults = {
        latencyMs: num(body.latencyMs ?? body.latency_ms), errorRate: num(body.errorRate ?? body.error_rate),
        timeoutRate: num(body.timeoutRate ?? body.timeout_rate), timeoutHoldMs: num(body.timeoutHoldMs ?? body.timeout_hold_ms), lostAnswerRate: num(body.lostAnswerRate ?? body.lost_answer_rate),
        lostAnswerPath: typeof (body.lostAnswerPath ?? body.lost_answer_path) === "string" ? String(body.lostAnswerPath ?? body.lost_answer_path) : undefined,
      };
      sim.webhookFaults = { duplicateRate: num(body.webhookDuplicateRate ?? body.webhook_duplicate_rate), reorderWindowMs: num(body.webhookReorderWindowMs ?? body.webhook_reorder_window_ms) };
      if (body.rateLimitQps !== undefined || body.rate_limit_qps !== undefined) {
        sim.limiter.qps = Number(body.rateLimitQps ?? body.rate_limit_qps);
        sim.limiter.reset();
      }
      if (typeof body.webhookUrl === "string" || typeof body.webhook_url === "string") sim.webhookUrl = String(body.webhookUrl ?? body.webhook_url);
      return done({ faults: sim.faults, webhook_faults: sim.webhookFaults, rate_limit_qps: sim.limiter.qps });
    }
    if (path === "/sandbox/orders") {
      const shop = findShop(sim, body);
      if (!shop) return fail(404, "unknown shop");
      const request = isForm ? { shop_id: shop.id, items: [{ sku_id: String(body.sku_id ?? ""), quantity: Number(body.quantity ?? 1) }] } : body;
      const order = placeOrder(sim, parsePlaceOrderRequest(sim, shop, request));
      return done({ order_id: order.id, status: order.status, order: orderView(sim, order) });
    }
    const orderAction = /^\/sandbox\/orders\/(\d+)\/(advance|buyer-cancel|return)$/.exec(path);
    if (orderAction) {
      const order = sim.state.orders.get(orderAction[1]!);
      if (!order) return fail(404, "unknown order");
      if (orderAction[2] === "advance") return done({ order_id: order.id, status: advanceOrder(sim, order) });
      if (orderAction[2] === "buyer-cancel") {
        const reason = typeof body.reason === "string" ? body.reason : defaultBuyerReason(sim.shopOrThrow(order.shopId).region, order.status);
        const c = createCancellation(sim, order, "BUYER", reason);
        return done({ cancel_id: c.cancel_id, cancel_status: c.cancel_status, order_status: order.status });
      }
      const type = body.return_type === "REFUND" || body.return_type === "REPLACEMENT" ? body.return_type : "RETURN_AND_REFUND";
      const r = createReturn(sim, order, type, String(body.reason ?? "item_not_as_described"));
      return done({ return_id: r.return_id, return_status: r.return_status });
    }
    if (path === "/sandbox/finance/adjustments") {
      const { status, payload } = createAdjustment(sim, body);
      return status === 200 ? done(payload) : sendJson(res, status, payload);
    }
    if (path === "/sandbox/deauthorize") {
      const shop = findShop(sim, body);
      if (!shop) return fail(404, "unknown seller or shop");
      sim.deauthorize(shop.sellerOpenId);
      return done({ seller_id: shop.sellerOpenId, deauthorized: true });
    }
    if (path === "/sandbox/webhooks/authorization-expiring") {
      const shop = findShop(sim, body);
      if (!shop) return fail(404, "unknown seller or shop");
      if (!sim.state.authorizations.has(shop.sellerOpenId)) sim.issueTokens(shop.sellerOpenId, false);
      return done({ emitted: sim.emitAuthorizationExpiring(shop.sellerOpenId) });
    }
    if (path === "/sandbox/reset") {
      sim.reset();
      return done({ reset: true });
    }
    return fail(404, `unknown sandbox endpoint ${method} ${path}`);
  } catch (err) {
    if (err instanceof TikTokApiError) return fail(400, `${err.code}: ${err.message}`);
    throw err;
  }
}

function overallStatus(shop: Shop): string {
  const statuses = shop.businessVerification.items.map((i) => i.status);
  if (statuses.includes("REJECTED")) return "REJECTED";
  if (statuses.every((s) => s === "APPROVED")) return "APPROVED";
  return "PENDING";
}
