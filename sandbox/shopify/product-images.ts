// Real PNG files for product media (Shopify's CDN is unreachable here): deterministic per handle and
// image number — background colour from a hash, a contrasting disc and band — at the exact pixel size
// the store reports. Generated on first request and cached.
import { createHash } from "node:crypto";
import { constants, crc32, deflateSync } from "node:zlib";

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
  const cx = width * (0.35 + (digest[2]! / 255) * 0.3);
  const cy = height * (0.35 + (digest[3]! / 255) * 0.3);
  const r = Math.min(width, height) * (0.18 + (digest[4]! / 255) * 0.12);
  const bandTop = height * (0.75 + (digest[5]! / 255) * 0.1);
  const bandBottom = bandTop + height * 0.06;
  // Scanlines of 8-bit RGB with filter 1 (Sub: each byte minus the same channel of the pixel to its left).
  // A row is a fill with at most one run of the disc, so its filtered bytes are zero except where a run
  // starts: only those are written, and run-length deflate has almost nothing to do (benchmarks fetch thousands).
  const stride = 1 + width * 3;
  const raw = zeroedScratch(stride * height);
  const setDelta = (row: number, x: number, to: [number, number, number], from: [number, number, number]) => {
    const i = row * stride + 1 + x * 3;
    for (let c = 0; c < 3; c++) raw[i + c] = (to[c]! - from[c]! + 256) & 0xff;
  };
  const black: [number, number, number] = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 1;
    const fill = y >= bandTop && y < bandBottom ? band : background;
    let from = 0;
    let to = 0;
    const dy = y - cy;
    if (dy * dy <= r * r) {
      const half = Math.sqrt(r * r - dy * dy);
      from = Math.max(0, Math.ceil(cx - half));
      to = Math.min(width, Math.floor(cx + half) + 1);
    }
    const hasDisc = to > from;
    setDelta(y, 0, hasDisc && from === 0 ? disc : fill, black);
    if (hasDisc && from > 0) setDelta(y, from, disc, fill);
    if (hasDisc && to < width) setDelta(y, to, fill, disc);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, per-row filters, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { strategy: constants.Z_RLE })), chunk("IEND", Buffer.alloc(0))]);
}

// One scratch buffer for the raw rows, reused: a fresh multi-megabyte buffer per image kept the garbage
// collector busy. Only the few bytes written per row need clearing afterwards, but a fill is simpler and cheap.
let scratch = Buffer.alloc(0);
function zeroedScratch(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.alloc(size);
  else scratch.fill(0, 0, size);
  return scratch.subarray(0, size);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
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
