import { describe, expect, it } from "vitest";
import { timeOrderedId, timeOrderedIdFloor } from "../../../app/db/time-ordered-id";

describe("time-ordered ids", () => {
  it("are version-7 UUIDs that sort in the order they were made, also many within one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("start with the time they were made, and never go back when the clock does", () => {
    const at = Date.now() + 60_000;
    const msOf = (id: string) => parseInt(id.replace(/-/g, "").slice(0, 12), 16);
    const later = timeOrderedId(at);
    expect(msOf(later)).toBe(at);
    const afterClockStep = timeOrderedId(at - 5_000);
    expect(msOf(afterClockStep)).toBe(at);
    expect(afterClockStep > later).toBe(true);
  });

  it("have a floor per millisecond: ids made before it sort below, ids made at or after it above", () => {
    const at = Date.now() + 120_000;
    const before = timeOrderedId(at - 1);
    const atFloor = timeOrderedId(at);
    const after = timeOrderedId(at + 1);
    expect(before < timeOrderedIdFloor(at)).toBe(true);
    expect(atFloor > timeOrderedIdFloor(at)).toBe(true);
    expect(after > timeOrderedIdFloor(at)).toBe(true);
    expect(atFloor < timeOrderedIdFloor(at + 1)).toBe(true);
  });
});
