import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { renderProductImage } from "../../../sandbox/shopify/product-images";

const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];

describe("sandbox product images", () => {
  it("are valid PNGs of the requested size: a background, a disc of another colour, a band near the bottom", () => {
    const png = PNG.sync.read(renderProductImage({ key: "shirt/1", width: 925, height: 600 }));
    expect([png.width, png.height]).toEqual([925, 600]);
    const background = pixel(png, 0, 0);
    expect(pixel(png, 924, 0)).toEqual(background);
    // The disc's centre lies in the middle 30 % of the image, so the exact centre is inside it or near.
    const colours = new Set<string>();
    for (let x = 0; x < 925; x += 5) colours.add(pixel(png, x, 300).join());
    expect(colours.size).toBe(2);
    const bandRow = Array.from({ length: 600 }, (_, y) => y).find((y) => pixel(png, 0, y).join() !== background.join());
    expect(bandRow).toBeGreaterThanOrEqual(450);
    expect(pixel(png, 924, bandRow!)).toEqual(pixel(png, 0, bandRow!));
  });

  it("differ per key and are the same for the same key", () => {
    const a = renderProductImage({ key: "a", width: 300, height: 300 });
    expect(renderProductImage({ key: "a", width: 300, height: 300 }).equals(a)).toBe(true);
    expect(renderProductImage({ key: "b", width: 300, height: 300 }).equals(a)).toBe(false);
  });

  it("stay cheap to make at 1024 × 1024 (run-length compression of filtered rows)", () => {
    const png = renderProductImage({ key: "big", width: 1024, height: 1024 });
    expect(png.length).toBeLessThan(20_000);
    expect(PNG.sync.read(png).width).toBe(1024);
  });
});
