import { describe, expect, it } from "vitest";
import { ShopifyCostBudget } from "../../../app/integrations/shopify/shopify-cost-budget";

describe("ShopifyCostBudget", () => {
  const setup = () => {
    let now = 0;
    const budget = new ShopifyCostBudget(() => now);
    return { budget, advance: (ms: number) => (now += ms) };
  };

  it("lets queries through until Shopify has said what the bucket holds", () => {
    const { budget } = setup();
    expect(budget.reserve("a.myshopify.com", 500)).toBe(0);
  });

  it("makes concurrent queries of a shop wait in turn once the bucket is spent, at its restore rate", () => {
    const { budget } = setup();
    budget.observe("a.myshopify.com", "query Q", 100, { maximumAvailable: 1000, currentlyAvailable: 250, restoreRate: 100 });
    expect(budget.expectedCost("query Q")).toBe(100);
    expect([1, 2, 3, 4].map(() => budget.reserve("a.myshopify.com", 100))).toEqual([0, 0, 500, 1500]);
    expect(budget.reserve("b.myshopify.com", 100)).toBe(0); // another shop has its own bucket
  });

  it("refills with time, never above the maximum, and takes Shopify's figure as the truth", () => {
    const { budget, advance } = setup();
    budget.observe("a.myshopify.com", "query Q", 100, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 });
    advance(60_000);
    expect(budget.reserve("a.myshopify.com", 1000)).toBe(0); // full again, but not fuller
    expect(budget.reserve("a.myshopify.com", 100)).toBe(1000);
    budget.observe("a.myshopify.com", "query Q", 100, { currentlyAvailable: 900, restoreRate: 100 });
    expect(budget.reserve("a.myshopify.com", 100)).toBe(0);
  });
});
