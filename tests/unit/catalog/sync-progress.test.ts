import { describe, expect, it } from "vitest";
import { estimateSeconds, progressOutlook } from "../../../app/modules/catalog/sync-progress";

describe("sync progress ETA", () => {
  it.each([
    ["nothing left", 0, 0, 0, 0],
    ["no pace yet: TikTok's rate limit is the floor", 400, 0, 40, 10],
    ["observed pace slower than the limit", 120, 60, 40, 120],
    ["observed pace faster than the limit is impossible: the limit wins", 400, 6000, 40, 10],
  ])("%s", (_name, remaining, lastMinute, limit, expected) => {
    expect(estimateSeconds(remaining, lastMinute, limit)).toBe(expected);
  });

  it("gives no ETA for products waiting for TikTok's daily limit, and says why", () => {
    expect(progressOutlook(10, 10, 0, 40)).toEqual({ eta: null, note: expect.stringMatching(/^TikTok's daily listing limit for this shop is reached: 10 products wait and are listed automatically when it resets/) });
    expect(progressOutlook(1, 1, 0, 40).note).toContain("1 product waits and is listed automatically");
  });

  it("still estimates the products that can be listed today", () => {
    expect(progressOutlook(30, 10, 60, 40).eta).toBe(20); // 20 left at one a second
    expect(progressOutlook(30, 0, 60, 40)).toEqual({ eta: 30, note: null });
  });
});
