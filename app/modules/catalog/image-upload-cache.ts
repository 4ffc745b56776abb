// Uploads a Shopify image to TikTok once per TikTok shop and use case (TikTok accepts only its own image
// URIs) and remembers the result.
import type { Database } from "../../db.server";
import type { TikTokShopClient } from "../../integrations/tiktok";
import type { ImageUseCase, UploadedImage } from "../listing/image-refs";

export function createImageUploader(deps: { db: Database; fetchImage?: (url: string) => Promise<{ bytes: Buffer; mimeType: string }> }) {
  const fetchImage =
    deps.fetchImage ??
    (async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Could not download the product image ${url} from Shopify (HTTP ${response.status})`);
      return { bytes: Buffer.from(await response.arrayBuffer()), mimeType: response.headers.get("content-type")?.split(";")[0] ?? "image/jpeg" };
    });

  return async function upload(api: TikTokShopClient, tiktokShopId: string, sourceUrl: string, useCase: ImageUseCase): Promise<UploadedImage> {
    const cached = await deps.db.imageUpload.findUnique({ where: { tiktokShopId_sourceUrl_useCase: { tiktokShopId, sourceUrl, useCase } } });
    if (cached) return { uri: cached.uri, url: cached.url, width: cached.width ?? 0, height: cached.height ?? 0 };
    const { bytes, mimeType } = await fetchImage(sourceUrl);
    const fileName = new URL(sourceUrl).pathname.split("/").pop() || "image";
    const { data } = await api.products.uploadImage({ bytes, mimeType, fileName, useCase });
    try {
      await deps.db.imageUpload.create({ data: { tiktokShopId, sourceUrl, useCase, uri: data.uri, url: data.url ?? "", width: data.width ?? null, height: data.height ?? null } });
    } catch (error) {
      // Uploaded concurrently by another sync (products sharing an image): either upload's URI is good.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
    return { uri: data.uri, url: data.url ?? "", width: data.width ?? 0, height: data.height ?? 0 };
  };
}

export type ImageUploader = ReturnType<typeof createImageUploader>;
