import { describe, expect, it } from "vitest";
import { judgeLevelUpdate } from "../../../app/modules/inventory/stock-level-ordering";

const at = (s: string) => new Date(`2026-11-25T10:00:${s}Z`);

describe("judgeLevelUpdate: ordering Shopify's inventory_levels/update deliveries", () => {
  it.each([
    ["nothing held yet", null, { available: 5, shopifyUpdatedAt: at("01") }, "apply"],
    ["newer second", { available: 5, shopifyUpdatedAt: at("01") }, { available: 4, shopifyUpdatedAt: at("02") }, "apply"],
    ["older second (a late delivery)", { available: 4, shopifyUpdatedAt: at("02") }, { available: 5, shopifyUpdatedAt: at("01") }, "stale"],
    ["same second, same quantity (a duplicate)", { available: 4, shopifyUpdatedAt: at("02") }, { available: 4, shopifyUpdatedAt: at("02") }, "duplicate"],
    ["same second, another quantity (cannot be ordered)", { available: 4, shopifyUpdatedAt: at("02") }, { available: 3, shopifyUpdatedAt: at("02") }, "tie"],
  ] as const)("%s → %s", (_name, held, incoming, expected) => {
    expect(judgeLevelUpdate(held, incoming)).toBe(expected);
  });
});
