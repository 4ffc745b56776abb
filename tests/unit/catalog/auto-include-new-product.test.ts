// The use case with its real rules and in-memory stand-ins for its ports (state, queue, Shopify's answer).
import { describe, expect, it } from "vitest";
import { autoIncludeNewProduct, type AutoIncludeDeps } from "../../../app/modules/catalog/auto-include-new-product";
import type { AutoIncludeRule } from "../../../app/modules/catalog/auto-include";

function setup(rules: AutoIncludeRule[], existing: Record<string, { selected: boolean }> = {}) {
  const selected: Array<{ productId: string; by: string }> = [];
  const queued: Array<{ type: string; payload: unknown }> = [];
  let collectionReads = 0;
  const deps = {
    now: () => new Date("2026-12-02T12:00:00Z"),
    rulesFor: async () => rules,
    collectionsOf: async () => (collectionReads++, [{ handle: "summer", title: "Summer Picks" }]),
    state: {
      get: async (_shop: string, productId: string) => existing[productId] ?? null,
      setSelected: async (_shop: string, ids: string[], _sel: boolean, by: string) => (ids.forEach((productId) => selected.push({ productId, by })), ids.length),
    },
    queue: {
      enqueueMany: async (jobs: Array<{ type: string; payload: unknown }>) => (jobs.forEach((j) => queued.push({ type: j.type, payload: j.payload })), { created: jobs.length, coalesced: 0 }),
    },
  } as unknown as AutoIncludeDeps;
  return { deps, selected, queued, reads: () => collectionReads };
}

const facts = (createdAt: string, over: Partial<{ vendor: string; tags: string[] }> = {}) => ({ vendor: "Acme", productType: "Mugs", tags: [], createdAt: new Date(createdAt), ...over });

describe("auto-include of a new product", () => {
  it("chooses a product created within the day that a rule matches, reading collections only for collection rules", async () => {
    const byVendor = setup([{ field: "vendor", value: "acme" }]);
    expect(await autoIncludeNewProduct(byVendor.deps, "s", "p1", facts("2026-12-02T11:00:00Z"))).toMatchObject({ field: "vendor" });
    expect(byVendor.selected).toEqual([{ productId: "p1", by: "rule:vendor:acme" }]);
    expect(byVendor.queued).toEqual([{ type: "product.sync", payload: { productId: "p1", trigger: "selected:rule:vendor:acme" } }]);
    expect(byVendor.reads()).toBe(0);

    const byCollection = setup([{ field: "collection", value: "summer picks" }]);
    expect(await autoIncludeNewProduct(byCollection.deps, "s", "p1", facts("2026-12-02T11:00:00Z"))).toMatchObject({ field: "collection" });
    expect(byCollection.reads()).toBe(1);
  });

  it("leaves alone a product older than a day, or one already chosen or unchosen", async () => {
    const old = setup([{ field: "vendor", value: "acme" }]);
    expect(await autoIncludeNewProduct(old.deps, "s", "p1", facts("2026-11-30T11:00:00Z"))).toBeNull();
    const decided = setup([{ field: "vendor", value: "acme" }], { p1: { selected: false } });
    expect(await autoIncludeNewProduct(decided.deps, "s", "p1", facts("2026-12-02T11:00:00Z"))).toBeNull();
    expect([...old.selected, ...decided.selected]).toEqual([]);
  });
});
