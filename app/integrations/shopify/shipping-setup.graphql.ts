// What the shipping, returns and payments page compares with TikTok: the store's locations (and whether
// they hold stock), its delivery profiles, and its legal policies (refund policy text).
// Scopes: read_locations, read_inventory, read_shipping, read_legal_policies (shopify.app.toml).

/** Up to 10 locations, each with a sample of 25 inventory levels (enough to tell "has stock"; cost stays < 1,000). */
export const SHIPPING_LOCATIONS_QUERY = /* GraphQL */ `
  query ShippingLocations {
    shop {
      currencyCode
      shopAddress {
        countryCodeV2
      }
      shopPolicies {
        type
        title
        body
        url
      }
    }
    locations(first: 10) {
      nodes {
        id
        name
        isActive
        fulfillsOnlineOrders
        address {
          countryCode
        }
        inventoryLevels(first: 25) {
          nodes {
            quantities(names: ["available"]) {
              quantity
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
`;

export interface ShippingLocationsResult {
  shop: {
    currencyCode: string;
    shopAddress: { countryCodeV2: string | null };
    shopPolicies: Array<{ type: string; title: string; body: string; url: string }>;
  };
  locations: {
    nodes: Array<{
      id: string;
      name: string;
      isActive: boolean;
      fulfillsOnlineOrders: boolean;
      address: { countryCode: string | null };
      inventoryLevels: { nodes: Array<{ quantities: Array<{ quantity: number }> }>; pageInfo: { hasNextPage: boolean } };
    }>;
  };
}

export const DELIVERY_PROFILES_QUERY = /* GraphQL */ `
  query DeliveryProfilesSummary {
    deliveryProfiles(first: 3) {
      nodes {
        id
        name
        default
        profileLocationGroups {
          locationGroup {
            locations(first: 10) {
              nodes {
                id
              }
            }
          }
          locationGroupZones(first: 5) {
            nodes {
              zone {
                name
                countries {
                  code {
                    countryCode
                    restOfWorld
                  }
                }
              }
              methodDefinitions(first: 5) {
                nodes {
                  name
                  active
                  rateProvider {
                    ... on DeliveryRateDefinition {
                      price {
                        amount
                        currencyCode
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export interface DeliveryProfilesResult {
  deliveryProfiles: {
    nodes: Array<{
      id: string;
      name: string;
      default: boolean;
      profileLocationGroups: Array<{
        locationGroup: { locations: { nodes: Array<{ id: string }> } };
        locationGroupZones: {
          nodes: Array<{
            zone: { name: string; countries: Array<{ code: { countryCode: string | null; restOfWorld: boolean } }> };
            methodDefinitions: { nodes: Array<{ name: string; active: boolean; rateProvider: { price?: { amount: string; currencyCode: string } } | null }> };
          }>;
        };
      }>;
    }>;
  };
}
