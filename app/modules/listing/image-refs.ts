// Images reach TikTok only after upload (Upload Product Image); the mapper works with Shopify URLs. An image
// not uploaded yet is referenced by a placeholder the sync engine replaces after upload. The fingerprint
// reads images back to their Shopify source, so uploading changes no hash.

export const PENDING_IMAGE_PREFIX = "pending-upload:";

export type ImageUseCase = "MAIN_IMAGE" | "ATTRIBUTE_IMAGE" | "DESCRIPTION_IMAGE";

/** What Upload Product Image returned for a Shopify image (contract §4.7). */
export interface UploadedImage {
  uri: string;
  url: string;
  width: number;
  height: number;
}

/** Shopify image URL → upload result (keyed by use case and URL: `${useCase} ${url}`, or by URL alone). */
export type UploadedImages = Readonly<Record<string, UploadedImage>>;

export interface ImageRef {
  sourceUrl: string;
  useCase: ImageUseCase;
  /** What the body carries: the TikTok uri (main/attribute images) or url (description images), or a placeholder. */
  reference: string;
  pending: boolean;
}

export function pendingReference(sourceUrl: string): string {
  return `${PENDING_IMAGE_PREFIX}${sourceUrl}`;
}

export function isPendingReference(reference: string): boolean {
  return reference.startsWith(PENDING_IMAGE_PREFIX);
}

export function lookupUpload(uploads: UploadedImages | undefined, useCase: ImageUseCase, sourceUrl: string): UploadedImage | undefined {
  return uploads?.[`${useCase} ${sourceUrl}`] ?? uploads?.[sourceUrl];
}

export function resolveImage(uploads: UploadedImages | undefined, useCase: ImageUseCase, sourceUrl: string): ImageRef {
  const uploaded = lookupUpload(uploads, useCase, sourceUrl);
  const reference = uploaded ? (useCase === "DESCRIPTION_IMAGE" ? uploaded.url : uploaded.uri) : pendingReference(sourceUrl);
  return { sourceUrl, useCase, reference, pending: !uploaded };
}
