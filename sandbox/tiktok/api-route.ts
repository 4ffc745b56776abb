import type { MultipartPart } from "./multipart";
import type { Seller, Shop, TokenRecord } from "./model";
import type { Simulator } from "./simulator";

export interface ApiContext {
  sim: Simulator;
  seller: Seller;
  token: TokenRecord;
  /** Set on shop-scoped endpoints (resolved from shop_cipher). */
  shop: Shop | null;
  params: Record<string, string>;
  query: Map<string, string>;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  multipart: MultipartPart[] | null;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** e.g. /product/202309/products/{product_id} */
  template: string;
  /** true → shop_cipher required; false → forbidden (§1.1 list). */
  shopScoped: boolean;
  multipart?: boolean;
  scope: string;
  handle: (ctx: ApiContext) => unknown | Promise<unknown>;
}

export interface CompiledRoute extends ApiRoute {
  segments: string[];
}

export function compileRoutes(routes: ApiRoute[]): CompiledRoute[] {
  return routes.map((r) => ({ ...r, segments: r.template.split("/").slice(1) }));
}

export function matchSegments(route: CompiledRoute, segments: string[], ignoreVersion = false): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const t = route.segments[i]!;
    const s = segments[i]!;
    if (t.startsWith("{")) {
      if (s === "") return null;
      params[t.slice(1, -1)] = decodeURIComponent(s);
    } else if (t !== s && !(ignoreVersion && i === 1)) {
      return null;
    }
  }
  return params;
}

/** Helper for handlers: shop-scoped handlers can rely on ctx.shop being set. */
export function requireShop(ctx: ApiContext): Shop {
  if (!ctx.shop) throw new Error("route is not shop-scoped");
  return ctx.shop;
}
