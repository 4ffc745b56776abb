// Collection: a titled list of products.
import type { ConnectionArgs } from "../relay-connection";
import type { StoredCollection } from "../store";
import { metafieldFields } from "./metafield-views";
import { productConnection } from "./product-views";
import { count, legacyNumber, type ResolverContext } from "./resolver-context";

export function collectionView(ctx: ResolverContext, c: StoredCollection) {
  const products = () => c.productIds.map((id) => ctx.store.products.get(id)).filter((p) => p !== undefined);
  return {
    __typename: "Collection",
    id: c.id,
    legacyResourceId: String(legacyNumber(c.id)),
    handle: c.handle,
    title: c.title,
    descriptionHtml: c.descriptionHtml,
    updatedAt: c.updatedAt,
    productsCount: () => count(products().length),
    hasProduct: (args: { id: string }) => c.productIds.includes(args.id),
    products: (args: ConnectionArgs & { sortKey?: string | null }) => productConnection(ctx, products(), args),
    ...metafieldFields(ctx, c.id),
  };
}

export function collectionConnectionKey(c: StoredCollection) {
  return { value: legacyNumber(c.id), id: legacyNumber(c.id) };
}

