// Real PNG files for product media (Shopify's CDN is unreachable here): deterministic per handle and
// image number — background colour from a hash, a contrasting disc and band — at the exact pixel size
// the store reports. Generated on first request and cached.
import { createHash } from "node:crypto";
import { PNG } from "pngjs";

export interface ImageSpec {
  key: string;
  width: number;
  height: number;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

export function renderProductImage(spec: ImageSpec): Buffer {
  const digest = createHash("sha256").update(spec.key).digest();
  const hue = (digest[0]! * 256 + digest[1]!) % 360;
  const background = hsl(hue, 0.55, 0.78);
  const disc = hsl((hue + 150) % 360, 0.6, 0.45);
  const band = hsl((hue + 60) % 360, 0.5, 0.3);
  const { width, height } = spec;
  const png = new PNG({ width, height, colorType: 2 });
  const cx = width * (0.35 + (digest[2]! / 255) * 0.3);
  const cy = height * (0.35 + (digest[3]! / 255) * 0.3);
  const r = Math.min(width, height) * (0.18 + (digest[4]! / 255) * 0.12);
  const bandTop = height * (0.75 + (digest[5]! / 255) * 0.1);
  const bandBottom = bandTop + height * 0.06;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      const inBand = y >= bandTop && y < bandBottom;
      const [red, green, blue] = inDisc ? disc : inBand ? band : background;
      png.data[i] = red;
      png.data[i + 1] = green;
      png.data[i + 2] = blue;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

export class ProductImageCache {
  private readonly cache = new Map<string, Buffer>();

  get(spec: ImageSpec): Buffer {
    const cacheKey = `${spec.key}@${spec.width}x${spec.height}`;
    let png = this.cache.get(cacheKey);
    if (!png) {
      png = renderProductImage(spec);
      this.cache.set(cacheKey, png);
    }
    return png;
  }
}
