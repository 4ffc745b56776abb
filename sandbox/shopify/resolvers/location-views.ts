// Location with its address and the inventory stocked there.
import { paginate, type ConnectionArgs } from "../relay-connection";
import type { StoredLocation } from "../store";
import { inventoryLevelView } from "./inventory-views";
import { metafieldFields } from "./metafield-views";
import { legacyNumber, type ResolverContext } from "./resolver-context";

export function locationView(ctx: ResolverContext, l: StoredLocation) {
  const a = l.address;
  return {
    __typename: "Location",
    id: l.id,
    legacyResourceId: String(legacyNumber(l.id)),
    name: l.name,
    isActive: l.isActive,
    activatable: !l.isActive,
    deactivatable: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    shipsInventory: l.shipsInventory,
    isFulfillmentService: false,
    hasActiveInventory: true,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    address: {
      __typename: "LocationAddress",
      address1: a.address1,
      address2: null,
      city: a.city,
      province: a.province,
      provinceCode: a.provinceCode,
      zip: a.zip,
      country: a.country,
      countryCode: a.countryCode,
      phone: a.phone,
      formatted: [a.address1, `${a.city} ${a.provinceCode} ${a.zip}`, a.country],
    },
    inventoryLevels: (args: ConnectionArgs) => {
      const levels = [...ctx.store.inventoryItems.values()].flatMap((item) => {
        const level = item.levels.get(l.id);
        return level ? [level] : [];
      });
      return paginate(levels, args, (lv) => ({ value: legacyNumber(lv.inventoryItemId), id: legacyNumber(lv.inventoryItemId) }), (lv) => inventoryLevelView(ctx, lv), {
        unbounded: ctx.unbounded,
      });
    },
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const level = ctx.store.inventoryItems.get(args.inventoryItemId)?.levels.get(l.id);
      return level ? inventoryLevelView(ctx, level) : null;
    },
    ...metafieldFields(ctx, l.id),
  };
}
