import { businessError } from "./api-error";
import { requireShop, type ApiRoute } from "./api-route";
import { asObject, optionalString } from "./request-fields";
import { WEBHOOK_EVENT_TYPES } from "./webhooks-emitter";

const EVENT_TYPES = new Set(Object.values(WEBHOOK_EVENT_TYPES));

/** Authorization and seller endpoints (§3.2) plus the Event API for per-shop webhook addresses (§8.1). */
export const shopRoutes: ApiRoute[] = [
  {
    method: "GET", template: "/authorization/202309/shops", shopScoped: false, scope: "seller.authorization.info",
    handle: ({ sim, seller }) => ({
      shops: seller.shopIds.map((id) => {
        const shop = sim.shopOrThrow(id);
        return { id: shop.id, name: shop.name, region: shop.region, seller_type: shop.seller_type, cipher: shop.cipher, code: shop.code };
      }),
    }),
  },
  {
    method: "GET", template: "/seller/202309/shops", shopScoped: false, scope: "seller.shop.info",
    handle: ({ sim, seller }) => ({
      shops: seller.shopIds.map((id) => sim.shopOrThrow(id)).filter((s) => s.status === "ACTIVE").map((s) => ({ id: s.id, region: s.region })),
    }),
  },
  {
    method: "GET", template: "/seller/202309/permissions", shopScoped: false, scope: "seller.shop.info",
    handle: ({ seller }) => ({ permissions: seller.shopIds.length > 1 ? ["MANAGE_GLOBAL_PRODUCT"] : [] }),
  },
  {
    method: "DELETE", template: "/authorization/202403/shops", shopScoped: true, scope: "seller.authorization.info",
    handle: (ctx) => {
      ctx.sim.deauthorize(requireShop(ctx).sellerOpenId);
      return {};
    },
  },
  {
    method: "GET", template: "/event/202309/webhooks", shopScoped: true, scope: "seller.shop.info",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const webhooks = [];
      for (const eventType of EVENT_TYPES) {
        const sub = ctx.sim.state.webhookSubscriptions.get(`${shop.id}\u0000${eventType}`);
        if (sub) webhooks.push({ event_type: eventType, address: sub.address, create_time: sub.create_time, update_time: sub.update_time });
      }
      return { webhooks, total_count: webhooks.length };
    },
  },
  {
    method: "PUT", template: "/event/202309/webhooks", shopScoped: true, scope: "seller.shop.info",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const body = asObject(ctx.body);
      const eventType = optionalString(body, "event_type");
      const address = optionalString(body, "address");
      if (!eventType || !EVENT_TYPES.has(eventType)) throw businessError(36009004, "Invalid params: event_type is invalid.");
      if (!address || address.length > 255) throw businessError(36009004, "Invalid params: address is required (at most 255 characters).");
      let url: URL;
      try {
        url = new URL(address);
      } catch {
        throw businessError(36009004, "Invalid params: address must be a URL.");
      }
      if (url.protocol !== "https:" || url.port !== "" || /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname)) {
        throw businessError(36009004, "Invalid params: address must be an https URL with a domain name and no port.");
      }
      const key = `${shop.id}\u0000${eventType}`;
      const now = ctx.sim.nowSeconds();
      const existing = ctx.sim.state.webhookSubscriptions.get(key);
      ctx.sim.state.webhookSubscriptions.set(key, { address, create_time: existing?.create_time ?? now, update_time: now });
      return {};
    },
  },
  {
    method: "DELETE", template: "/event/202309/webhooks", shopScoped: true, scope: "seller.shop.info",
    handle: (ctx) => {
      const eventType = optionalString(asObject(ctx.body), "event_type");
      if (eventType) ctx.sim.state.webhookSubscriptions.delete(`${requireShop(ctx).id}\u0000${eventType}`);
      return {};
    },
  },
];
