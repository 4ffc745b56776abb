// Main images: Shopify media order (the featured image first), at most 9, sizes checked when known. The
// CSV export has no sizes: those are reported once as checked at upload, never guessed.
import { blocking, warning, type Finding } from "./finding";
import { resolveImage, lookupUpload, type ImageRef, type UploadedImages } from "./image-refs";
import { LIMITS_SOURCE, LISTING_LIMITS } from "./listing-limits";
import type { ShopifyProduct } from "./shopify-product";

export interface MainImagesResult {
  images: ImageRef[];
  altTexts: Array<{ field: string; text: string }>;
  findings: Finding[];
}

export function mapMainImages(product: ShopifyProduct, uploads: UploadedImages | undefined): MainImagesResult {
  const findings: Finding[] = [];
  const all = product.media.nodes.filter((m) => m.__typename === "MediaImage" && m.image?.url);
  const seen = new Set<string>();
  const unique = all.filter((m) => (seen.has(m.image!.url) ? false : (seen.add(m.image!.url), true)));
  if (unique.length === 0) {
    findings.push(blocking("MAIN_IMAGE_MISSING", "main_images", "The product has no image; TikTok requires at least one.", "Add at least one product image (300×300 px or larger) in Shopify.", { source: LIMITS_SOURCE }));
  }
  if (unique.length > LISTING_LIMITS.mainImagesMax) {
    findings.push(warning("MAIN_IMAGES_TRUNCATED", "main_images", `The product has ${unique.length} images; TikTok shows at most ${LISTING_LIMITS.mainImagesMax}, so the first ${LISTING_LIMITS.mainImagesMax} are used.`, `Put the ${LISTING_LIMITS.mainImagesMax} images you want on TikTok first in Shopify.`, { tiktokErrorCode: "12052306", source: LIMITS_SOURCE }));
  }
  const chosen = unique.slice(0, LISTING_LIMITS.mainImagesMax);
  let unknownSizes = 0;
  const altTexts: MainImagesResult["altTexts"] = [];
  chosen.forEach((m, i) => {
    const image = m.image!;
    const alt = m.alt ?? image.altText;
    if (alt) altTexts.push({ field: `main_images[${i}].alt`, text: alt });
    const upload = lookupUpload(uploads, "MAIN_IMAGE", image.url);
    const width = upload?.width ?? image.width;
    const height = upload?.height ?? image.height;
    if (width == null || height == null) {
      unknownSizes++;
      return;
    }
    const field = `main_images[${i}]`;
    if (width < LISTING_LIMITS.imageMinPx || height < LISTING_LIMITS.imageMinPx) {
      findings.push(blocking("IMAGE_TOO_SMALL", field, `Image ${i + 1} is ${width}×${height} px; TikTok needs at least ${LISTING_LIMITS.imageMinPx}×${LISTING_LIMITS.imageMinPx} px.`, `Replace image ${i + 1} in Shopify with one of at least ${LISTING_LIMITS.imageMinPx}×${LISTING_LIMITS.imageMinPx} px.`, { tiktokErrorCode: "12019116", source: LIMITS_SOURCE }));
    } else if (width > LISTING_LIMITS.imageMaxPx || height > LISTING_LIMITS.imageMaxPx) {
      findings.push(blocking("IMAGE_TOO_LARGE", field, `Image ${i + 1} is ${width}×${height} px; TikTok accepts at most ${LISTING_LIMITS.imageMaxPx}×${LISTING_LIMITS.imageMaxPx} px.`, `Replace image ${i + 1} in Shopify with one of at most ${LISTING_LIMITS.imageMaxPx}×${LISTING_LIMITS.imageMaxPx} px.`, { tiktokErrorCode: "12019116", source: LIMITS_SOURCE }));
    } else if (width / height > 4 / 3 || height / width > 4 / 3) {
      findings.push(warning("IMAGE_ASPECT_RATIO", field, `Image ${i + 1} is ${width}×${height} px; TikTok crops images outside 3:4–4:3 to a square.`, `Use a square or near-square version of image ${i + 1} in Shopify.`, { source: LIMITS_SOURCE }));
    }
  });
  if (unknownSizes > 0) {
    findings.push(warning("IMAGE_SIZE_UNKNOWN", "main_images", `The size of ${unknownSizes === 1 ? "1 image is" : `${unknownSizes} images are`} not known here; TikTok's limits (${LISTING_LIMITS.imageMinPx}–${LISTING_LIMITS.imageMaxPx} px) are checked when the images are uploaded.`, "Nothing to do now; if an upload is refused, replace that image in Shopify."));
  }
  return { images: chosen.map((m) => resolveImage(uploads, "MAIN_IMAGE", m.image!.url)), altTexts, findings };
}
