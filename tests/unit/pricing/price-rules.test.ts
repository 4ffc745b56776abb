import { describe, expect, it } from "vitest";
import { checkCurrency } from "../../../app/modules/pricing/currency-check";
import { applyPriceRules, defaultPriceRules, roundPrice, type PriceRules } from "../../../app/modules/pricing/price-rules";
import { MoneyDecimal, parseMoney } from "../../../app/modules/pricing/money";

const usd = { currency: "USD", decimals: 2, rangeMin: "0.01", rangeMax: "7600" };
const rules = (over: Partial<PriceRules>): PriceRules => ({ ...defaultPriceRules(), ...over });
const run = (price: string, compareAt: string | null, r: PriceRules, collections: string[] = [], target = usd) => applyPriceRules({ price, compareAtPrice: compareAt, collectionHandles: collections }, r, target, "skus[0]", "this product");
const codes = (res: ReturnType<typeof run>) => res.findings.map((f) => f.code);

describe("price rules", () => {
  it.each([
    ["no rule", rules({}), "19.99", "19.99"],
    ["+10 %", rules({ adjustment: { kind: "percent", percent: "10" } }), "19.99", "21.99"],
    ["−15 %", rules({ adjustment: { kind: "percent", percent: "-15" } }), "20.00", "17.00"],
    ["+2.50 fixed", rules({ adjustment: { kind: "fixed", amount: "2.50" } }), "10", "12.50"],
    ["−1.25 fixed", rules({ adjustment: { kind: "fixed", amount: "-1.25" } }), "10", "8.75"],
    ["+10 % then .99", rules({ adjustment: { kind: "percent", percent: "10" }, rounding: { kind: "ending", ending: "0.99" } }), "20.00", "22.99"],
    [".99 keeps an exact .99", rules({ rounding: { kind: "ending", ending: "0.99" } }), "12.99", "12.99"],
    [".99 on a whole price goes up", rules({ rounding: { kind: "ending", ending: "0.99" } }), "13.00", "13.99"],
    [".49 below the cents goes to next unit", rules({ rounding: { kind: "ending", ending: "0.49" } }), "12.75", "13.49"],
    ["whole, half up", rules({ rounding: { kind: "whole" } }), "12.50", "13.00"],
    ["whole, down", rules({ rounding: { kind: "whole" } }), "12.49", "12.00"],
    ["no float error: 0.1 + 0.2", rules({ adjustment: { kind: "fixed", amount: "0.2" } }), "0.1", "0.30"],
    ["third of a cent rounds half up", rules({ adjustment: { kind: "percent", percent: "0.5" } }), "1.00", "1.01"],
  ])("%s", (_name, r, price, expected) => {
    expect(run(price, null, r).price).toBe(expected);
  });

  it("uses the first matching collection override instead of the general rule", () => {
    const r = rules({ adjustment: { kind: "percent", percent: "10" }, collectionOverrides: [{ collectionHandle: "sale", adjustment: { kind: "percent", percent: "-20" }, rounding: { kind: "whole" } }] });
    expect(run("50", null, r, ["sale"]).price).toBe("40.00");
    expect(run("50", null, r, ["other"]).price).toBe("55.00");
  });

  it.each([
    ["keep: real discount is sent", "keep", "20", "25", "25.00", []],
    ["adjust: same rule on compare-at", "adjust", "20", "25", "27.50", []],
    ["drop", "drop", "20", "25", null, []],
    ["compare-at equal to price is a fake discount", "keep", "20", "20", null, ["COMPARE_AT_NOT_HIGHER"]],
    ["compare-at below price", "keep", "20", "15", null, ["COMPARE_AT_NOT_HIGHER"]],
    ["markup makes kept compare-at lower", "keep", "20", "21", null, ["COMPARE_AT_NOT_HIGHER"]],
    ["compare-at not a number", "keep", "20", "abc", null, ["COMPARE_AT_INVALID"]],
  ] as const)("compare-at: %s", (_n, mode, price, compare, expected, expectedCodes) => {
    const r = rules({ compareAt: mode, adjustment: mode === "adjust" || _n.startsWith("markup") ? { kind: "percent", percent: "10" } : { kind: "none" } });
    const res = run(price, compare, r);
    expect(res.compareAt).toBe(expected);
    expect(codes(res)).toEqual(expectedCodes);
  });

  it.each([
    ["below merchant minimum", rules({ minimum: "10", adjustment: { kind: "percent", percent: "-50" } }), "15", ["PRICE_BELOW_MINIMUM"]],
    ["above merchant maximum", rules({ maximum: "100" }), "150", ["PRICE_ABOVE_MAXIMUM"]],
    ["above TikTok US range", rules({}), "7600.01", ["PRICE_OUT_OF_RANGE"]],
    ["at TikTok US maximum", rules({}), "7600", []],
    ["markdown to zero", rules({ adjustment: { kind: "fixed", amount: "-5" } }), "5", ["PRICE_OUT_OF_RANGE"]],
    ["unusable Shopify price", rules({}), "free", ["PRICE_INVALID"]],
    ["zero Shopify price", rules({}), "0", ["PRICE_INVALID"]],
  ])("guards: %s", (_n, r, price, expected) => {
    expect(codes(run(price, null, r))).toEqual(expected);
  });

  it("formats whole-number currencies without decimals", () => {
    expect(run("1999.5", null, rules({}), [], { currency: "JPY", decimals: 0, rangeMin: "1", rangeMax: "500000" }).price).toBe("2000");
  });

  it("round to ending works on exact decimals", () => {
    expect(roundPrice(new MoneyDecimal("99.999"), { kind: "ending", ending: "0.95" }, 2).toFixed(2)).toBe("100.95");
    expect(parseMoney("1e3")).toBeNull();
    expect(parseMoney(" 12.5 ")!.toFixed(2)).toBe("12.50");
  });
});

describe("currency check", () => {
  it.each([
    ["USD", "USD", "USD", []],
    ["EUR", "USD", "USD", ["CURRENCY_MISMATCH"]],
    ["USD", "EUR", "USD", ["CURRENCY_NOT_REGION_CURRENCY", "CURRENCY_MISMATCH"]],
  ])("Shopify %s, TikTok %s, market %s", (shopify, tiktok, region, expected) => {
    const findings = checkCurrency(shopify, tiktok, region, "US");
    expect(findings.map((f) => f.code)).toEqual(expected);
    for (const f of findings) {
      expect(f.severity).toBe("blocking");
      expect(f.tiktokErrorCode).toBe("12052084");
      expect(f.fix.length).toBeGreaterThan(20);
    }
  });
});
