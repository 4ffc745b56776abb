// MediaImage and Image: product media served as real PNGs from the sandbox's own /cdn/… URLs.
import { gid } from "../shopify-ids";
import type { StoredMedia } from "../store";
import { legacyNumber, type ResolverContext } from "./resolver-context";

export function imageView(ctx: ResolverContext, m: StoredMedia) {
  return {
    __typename: "Image",
    id: gid("ImageSource", legacyNumber(m.id)),
    url: () => `${ctx.origin}${m.path}`,
    width: m.width,
    height: m.height,
    altText: m.alt,
  };
}

export function mediaImageView(ctx: ResolverContext, m: StoredMedia) {
  return {
    __typename: "MediaImage",
    id: m.id,
    alt: m.alt,
    mediaContentType: "IMAGE",
    status: "READY",
    fileStatus: "READY",
    mimeType: "image/png",
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    image: () => imageView(ctx, m),
    preview: () => ({ __typename: "MediaPreviewImage", status: "READY", image: imageView(ctx, m) }),
    mediaErrors: [],
    mediaWarnings: [],
    fileErrors: [],
  };
}
