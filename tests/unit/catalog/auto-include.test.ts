import { describe, expect, it } from "vitest";
import { matchingAutoIncludeRule, parseAutoIncludeRules } from "../../../app/modules/catalog/auto-include";

const product = { vendor: "Company 123", productType: "Bracelet", tags: ["Beads", "summer sale"] };

describe("auto-include rules", () => {
  it.each([
    [[{ field: "vendor", value: "company 123" }], true],
    [[{ field: "productType", value: "Bracelet" }], true],
    [[{ field: "tag", value: "SUMMER SALE" }], true],
    [[{ field: "tag", value: "summer" }], false], // whole tags only
    [[{ field: "vendor", value: "Other" }], false],
    [[], false],
  ] as const)("%j matches: %s", (rules, expected) => {
    expect(Boolean(matchingAutoIncludeRule(rules, product))).toBe(expected);
  });

  it("ignores a stored list it cannot read instead of guessing", () => {
    expect(parseAutoIncludeRules('[{"field":"colour","value":"red"}]')).toEqual([]);
    expect(parseAutoIncludeRules("")).toEqual([]);
  });
});

describe("collection rules", () => {
  const inJewelry = { ...product, collections: [{ handle: "jewelery", title: "Jewelery" }] };
  it.each([
    [{ field: "collection", value: "JEWELERY" }, inJewelry, true], // by title
    [{ field: "collection", value: "jewelery" }, inJewelry, true], // by handle
    [{ field: "collection", value: "Apparel" }, inJewelry, false],
    [{ field: "collection", value: "jewelery" }, product, false], // collections unknown: no match
  ] as const)("%j on %j matches: %s", (rule, candidate, expected) => {
    expect(Boolean(matchingAutoIncludeRule([rule], candidate))).toBe(expected);
  });
});
