import { createHash } from "node:crypto";
import { businessError } from "./api-error";
import type { ApiRoute } from "./api-route";
import { readImageInfo } from "./image-dimensions";
import type { Simulator } from "./simulator";

export const IMAGE_USE_CASES = ["MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE"] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const URI_PREFIX = "tos-maliva-i-o3syd03w52-us";

/** The public URL the simulator serves an uploaded image at (what TikTok calls `url`). */
export function imageUrl(sim: Simulator, uri: string): string {
  return `${sim.baseUrl}/img/${uri}`;
}

export const imageUploadRoutes: ApiRoute[] = [
  {
    method: "POST", template: "/product/202309/images/upload", shopScoped: false, multipart: true, scope: "seller.product.basic",
    handle: ({ sim, multipart }) => {
      const parts = multipart ?? [];
      const file = parts.find((p) => p.name === "data");
      if (!file || file.data.length === 0) throw businessError(12052910, "Invalid input parameters: multipart field 'data' (the image file) is required.");
      const useCase = parts.find((p) => p.name === "use_case")?.data.toString("utf8").trim() ?? "MAIN_IMAGE";
      if (!(IMAGE_USE_CASES as readonly string[]).includes(useCase)) throw businessError(12052910, `Invalid input parameters: use_case '${useCase}' is not supported.`);
      if (file.data.length > MAX_IMAGE_BYTES) throw businessError(12038014, `The image is ${file.data.length} bytes; the limit is ${MAX_IMAGE_BYTES} bytes.`);
      const info = readImageInfo(file.data);
      if (!info) throw businessError(12038005, "The image format is not supported: upload a JPG, PNG or WEBP file.");
      const [min, max] = useCase === "MAIN_IMAGE" ? [300, 4000] : [100, 20000];
      if (info.width < min || info.height < min || info.width > max || info.height > max) {
        throw businessError(12019116, `Image dimensions ${info.width}x${info.height} are out of limits for ${useCase}: each side must be ${min}-${max} px.`);
      }
      const hash = createHash("sha256").update(file.data).update(useCase).digest("hex").slice(0, 32);
      const uri = `${URI_PREFIX}/${hash}`;
      const url = imageUrl(sim, uri);
      sim.state.images.set(uri, { uri, url, width: info.width, height: info.height, use_case: useCase, format: info.format, bytes: file.data });
      sim.state.imagesByHash.set(hash, uri);
      return { uri, url, width: info.width, height: info.height, use_case: useCase };
    },
  },
];
