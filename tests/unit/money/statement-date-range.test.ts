import { describe, expect, it } from "vitest";
import { statementDateRange } from "../../../app/modules/money/statement-date-range";

const now = new Date("2026-12-07T23:30:00Z");

describe("the statement days a payouts page covers", () => {
  it.each([
    ["nothing given: the last 30 days up to today", {}, "2026-11-08", "2026-12-07", "2026-12-08T00:00:00.000Z"],
    ["both ends, the last one included", { from: "2026-12-01", to: "2026-12-03" }, "2026-12-01", "2026-12-03", "2026-12-04T00:00:00.000Z"],
    ["ends the wrong way round: swapped", { from: "2026-12-03", to: "2026-12-01" }, "2026-12-01", "2026-12-03", "2026-12-04T00:00:00.000Z"],
    ["a day that does not exist: the default", { from: "2026-02-30", to: "junk" }, "2026-11-08", "2026-12-07", "2026-12-08T00:00:00.000Z"],
    ["only the end: 30 days up to it", { to: "2026-10-31" }, "2026-10-02", "2026-10-31", "2026-11-01T00:00:00.000Z"],
  ])("%s", (_, query, fromDay, toDay, exclusiveEnd) => {
    const range = statementDateRange(query, now);
    expect(range).toMatchObject({ fromDay, toDay });
    expect(range.from.toISOString()).toBe(`${fromDay}T00:00:00.000Z`);
    expect(range.to.toISOString()).toBe(exclusiveEnd);
  });
});
