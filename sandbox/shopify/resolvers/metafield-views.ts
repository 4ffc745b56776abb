// Metafields on any owner (product, variant, shop …): metafield(namespace, key) and metafields(…).
import { GraphQLError } from "graphql";
import { paginate, type ConnectionArgs } from "../relay-connection";
import type { StoredMetafield } from "../store";
import { legacyNumber, type ResolverContext } from "./resolver-context";

/** Shopify's app-reserved namespace when none is given. */
export const APP_NAMESPACE = "$app";

export function metafieldView(m: StoredMetafield) {
  return {
    __typename: "Metafield",
    id: m.id,
    legacyResourceId: String(legacyNumber(m.id)),
    namespace: m.namespace,
    key: m.key,
    type: m.type,
    value: m.value,
    jsonValue: () => {
      if (m.type === "json" || m.type.startsWith("list.")) return JSON.parse(m.value) as unknown;
      if (m.type === "number_integer" || m.type === "number_decimal") return Number(m.value);
      if (m.type === "boolean") return m.value === "true";
      return m.value;
    },
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export function metafieldFields(ctx: ResolverContext, ownerId: string) {
  return {
    metafield: (args: { namespace?: string | null; key: string }) => {
      const namespace = args.namespace ?? APP_NAMESPACE;
      const found = ctx.store.metafieldsOf(ownerId).find((m) => m.namespace === namespace && m.key === args.key);
      return found ? metafieldView(found) : null;
    },
    metafields: (args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null }) => {
      if (args.namespace != null && args.keys != null) {
        throw new GraphQLError("Cannot specify both namespace and keys.", { extensions: { code: "BAD_REQUEST" } });
      }
      const all = ctx.store.metafieldsOf(ownerId).filter(
        (m) => (args.namespace == null || m.namespace === args.namespace) && (args.keys == null || args.keys.includes(`${m.namespace}.${m.key}`)),
      );
      return paginate(all, args, (m) => ({ value: legacyNumber(m.id), id: legacyNumber(m.id) }), metafieldView, { unbounded: ctx.unbounded });
    },
  };
}
