// Delivery profiles: the general profile with its location group, zones and flat rates.
import { gid } from "../shopify-ids";
import { paginate, type ConnectionArgs } from "../relay-connection";
import type { StoredDeliveryProfile, StoredDeliveryZone } from "../store";
import { locationView } from "./location-views";
import { count, legacyNumber, type ResolverContext } from "./resolver-context";

const COUNTRY_NAMES: Record<string, string> = { US: "United States" };

function zoneView(ctx: ResolverContext, zone: StoredDeliveryZone) {
  return {
    __typename: "DeliveryLocationGroupZone",
    zone: {
      __typename: "DeliveryZone",
      id: zone.id,
      name: zone.name,
      countries: [
        {
          __typename: "DeliveryCountry",
          id: gid("DeliveryCountry", legacyNumber(zone.id)),
          name: COUNTRY_NAMES[zone.countryCode] ?? zone.countryCode,
          translatedName: COUNTRY_NAMES[zone.countryCode] ?? zone.countryCode,
          code: { __typename: "DeliveryCountryCodeOrRestOfWorld", countryCode: zone.countryCode, restOfWorld: false },
          provinces: zone.provinceCodes.map((code, i) => ({ __typename: "DeliveryProvince", id: gid("DeliveryProvince", legacyNumber(zone.id) * 100 + i), code, name: code, translatedName: code })),
        },
      ],
    },
    methodDefinitionCounts: { __typename: "DeliveryMethodDefinitionCounts", participantDefinitionsCount: 0, rateDefinitionsCount: zone.methods.length },
    methodDefinitions: (args: ConnectionArgs) =>
      paginate(zone.methods, args, (m) => ({ value: legacyNumber(m.id), id: legacyNumber(m.id) }), (m) => ({
        __typename: "DeliveryMethodDefinition",
        id: m.id,
        name: m.name,
        active: m.active,
        description: null,
        methodConditions: [],
        rateProvider: { __typename: "DeliveryRateDefinition", id: m.rateId, price: { amount: m.price, currencyCode: ctx.store.shop.currencyCode } },
      }), { unbounded: ctx.unbounded }),
  };
}

export function deliveryProfileView(ctx: ResolverContext, profile: StoredDeliveryProfile) {
  const locations = () => profile.locationIds.map((id) => ctx.store.locations.get(id)).filter((l) => l !== undefined);
  const locationGroup = {
    __typename: "DeliveryLocationGroup",
    id: profile.locationGroupId,
    locationsCount: () => count(locations().length),
    locations: (args: ConnectionArgs) =>
      paginate(locations(), args, (l) => ({ value: legacyNumber(l.id), id: legacyNumber(l.id) }), (l) => locationView(ctx, l), { unbounded: ctx.unbounded }),
  };
  return {
    __typename: "DeliveryProfile",
    id: profile.id,
    name: profile.name,
    default: profile.default,
    version: 1,
    activeMethodDefinitionsCount: profile.zones.reduce((n, z) => n + z.methods.filter((m) => m.active).length, 0),
    locationsWithoutRatesCount: 0,
    originLocationCount: profile.locationIds.length,
    zoneCountryCount: new Set(profile.zones.map((z) => z.countryCode)).size,
    productVariantsCount: () => count(profile.default ? ctx.store.variants.size : 0),
    unassignedLocations: () => [...ctx.store.locations.values()].filter((l) => !profile.locationIds.includes(l.id)).map((l) => locationView(ctx, l)),
    profileLocationGroups: (args: { locationGroupId?: string | null }) =>
      args.locationGroupId && args.locationGroupId !== profile.locationGroupId
        ? []
        : [
            {
              __typename: "DeliveryProfileLocationGroup",
              locationGroup,
              locationGroupZones: (zoneArgs: ConnectionArgs) =>
                paginate(profile.zones, zoneArgs, (z) => ({ value: legacyNumber(z.id), id: legacyNumber(z.id) }), (z) => zoneView(ctx, z), { unbounded: ctx.unbounded }),
            },
          ],
  };
}
