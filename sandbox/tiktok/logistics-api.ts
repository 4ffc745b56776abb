import { businessError } from "./api-error";
import { requireShop, type ApiRoute } from "./api-route";
import { SHIPPING_PROVIDERS } from "./seed-data";

export const logisticsRoutes: ApiRoute[] = [
  {
    method: "GET", template: "/logistics/202309/warehouses", shopScoped: true, scope: "seller.logistics",
    handle: (ctx) => ({ warehouses: requireShop(ctx).warehouses.map((w) => ({ ...w, entity_id: "" })) }),
  },
  {
    method: "GET", template: "/logistics/202309/warehouses/{warehouse_id}/delivery_options", shopScoped: true, scope: "seller.logistics",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const warehouse = shop.warehouses.find((w) => w.id === ctx.params.warehouse_id);
      if (!warehouse) throw businessError(12052530, `The warehouse '${ctx.params.warehouse_id}' does not belong to this shop/seller.`);
      const scope = ctx.query.get("scope");
      if (scope !== undefined && scope !== "WAREHOUSE" && scope !== "PRODUCT") throw businessError(36009004, "Invalid params: scope must be WAREHOUSE or PRODUCT.");
      return { delivery_options: warehouse.type === "SALES_WAREHOUSE" ? shop.deliveryOptions : [] };
    },
  },
  {
    method: "GET", template: "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers", shopScoped: true, scope: "seller.logistics",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      if (!shop.deliveryOptions.some((d) => d.id === ctx.params.delivery_option_id)) {
        throw businessError(36009004, "Invalid params: delivery_option_id does not exist for this shop.");
      }
      return { shipping_providers: SHIPPING_PROVIDERS[shop.region] ?? [] };
    },
  },
];
