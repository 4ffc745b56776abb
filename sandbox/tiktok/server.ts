import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleAdminRequest, stateSnapshot } from "./admin-routes";
import { dispatchApiRequest } from "./api-dispatch";
import { compileRoutes } from "./api-route";
import { catalogRoutes } from "./catalog-api";
import { sendJson } from "./envelope";
import { applyFaults, releaseHeldResponses } from "./faults";
import { financeRoutes } from "./finance-api";
import { imageUploadRoutes } from "./image-upload-api";
import { inventoryRoutes } from "./inventory-api";
import { logisticsRoutes } from "./logistics-api";
import { handleAuthorizeDecision, handleTokenEndpoint, renderAuthorizePage } from "./oauth";
import type { TikTokSandboxOptions } from "./options";
import { orderRoutes } from "./orders-api";
import { productRoutes } from "./products-api";
import type { SandboxState } from "./sandbox-state";
import { shopRoutes } from "./shop-api";
import { Simulator } from "./simulator";

export type { TikTokSandboxOptions } from "./options";
export { SEED_SELLER_IDS, SEED_SHOP_IDS } from "./seed-data";

export interface TikTokSandbox {
  /** Base URL serving the business API, token endpoints, authorize pages and /sandbox admin endpoints. */
  url: string;
  close(): Promise<void>;
  advanceClock(seconds: number): void;
  /** Current simulator time in Unix seconds. */
  nowSeconds(): number;
  /** Live state (maps indexed by id). */
  readonly state: SandboxState;
  /** JSON view of the state, as served by GET /sandbox/state. */
  snapshot(): ReturnType<typeof stateSnapshot>;
  /** Waits until every webhook delivery started so far has been attempted. */
  drainWebhooks(): Promise<void>;
  simulator: Simulator;
}

const MAX_BODY_BYTES = 25 * 1024 * 1024;

export const API_ROUTES = compileRoutes([
  ...shopRoutes, ...catalogRoutes, ...imageUploadRoutes, ...productRoutes, ...inventoryRoutes, ...logisticsRoutes, ...orderRoutes,
  ...financeRoutes,
]);

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startTikTokSandbox(options: TikTokSandboxOptions): Promise<TikTokSandbox> {
  const sim = new Simulator(options);
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    sim.tick();
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q === -1 ? "" : rawUrl.slice(q + 1);
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { code: 36009021, message: "The request body is too large.", request_id: sim.requestId(), data: {} });
      return;
    }
    if (path === "/sandbox" || path.startsWith("/sandbox/")) return handleAdminRequest(sim, req, res, path, rawQuery, body);
    if (req.method === "GET" && (path === "/oauth/authorize" || path === "/open/authorize")) return renderAuthorizePage(sim, res, rawQuery);
    if (req.method === "POST" && path === "/oauth/authorize/decision") return handleAuthorizeDecision(sim, res, body);
    if (req.method === "GET" && path.startsWith("/img/")) {
      const image = sim.state.images.get(path.slice(5));
      if (!image) return sendJson(res, 404, { error: "image not found" });
      res.writeHead(200, { "content-type": image.format === "PNG" ? "image/png" : image.format === "JPEG" ? "image/jpeg" : "image/webp" });
      res.end(image.bytes);
      return;
    }
    if (path === "/api/v2/token/get" || path === "/api/v2/token/refresh") {
      const started = performance.now();
      const requestId = sim.requestId();
      const faultCode = await applyFaults(sim, res, requestId);
      const code = faultCode || handleTokenEndpoint(sim, req, res, path, rawQuery);
      sim.requestLog.add({ at: sim.nowSeconds(), method: req.method ?? "GET", path, shop_id: null, http_status: res.statusCode, code, message: code ? "refused" : "Success", request_id: requestId, duration_ms: Math.round(performance.now() - started) });
      return;
    }
    return dispatchApiRequest(sim, API_ROUTES, req, res, path, rawQuery, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      sim.logger.error({ err }, "sandbox request failed");
      if (!res.headersSent) sendJson(res, 500, { code: 36009003, message: "Internal error.", request_id: sim.requestId(), data: {} });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const ticker = setInterval(() => sim.tick(), 25);
  ticker.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  sim.baseUrl = `http://${host}:${address.port}`;

  return {
    url: sim.baseUrl,
    simulator: sim,
    get state() {
      return sim.state;
    },
    advanceClock: (seconds) => sim.advanceClock(seconds),
    nowSeconds: () => sim.nowSeconds(),
    snapshot: () => stateSnapshot(sim),
    drainWebhooks: () => sim.webhooks.drain(),
    close: async () => {
      clearInterval(ticker);
      sim.webhooks.stop();
      releaseHeldResponses();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
