import { describe, expect, it } from "vitest";
import { addVariantExtras, isCompleteSnapshot, snapshotFromProductExport, withLedgerStock, type ExportedProduct } from "../../../app/modules/catalog/catalog-snapshot";

const variant = (n: number) => ({
  id: `gid://shopify/ProductVariant/${n}`,
  title: `V${n}`,
  position: n,
  sku: `SKU-${n}`,
  price: "10.00",
  compareAtPrice: null,
  barcode: null,
  inventoryPolicy: "DENY" as const,
  inventoryQuantity: 0,
  selectedOptions: [],
  inventoryItem: { id: `gid://shopify/InventoryItem/${n}`, tracked: true, requiresShipping: true, measurement: { weight: null } },
});

const exported = (variantCount: number, extra: Partial<ExportedProduct> = {}): ExportedProduct => ({
  id: "gid://shopify/Product/1",
  handle: "p",
  title: "P",
  descriptionHtml: "",
  vendor: "",
  productType: "",
  tags: [],
  status: "ACTIVE",
  isGiftCard: false,
  updatedAt: "2026-11-01T00:00:00Z",
  category: null,
  options: [],
  packageLength: null,
  packageWidth: null,
  packageHeight: null,
  variantsCount: { count: variantCount },
  variants: { nodes: Array.from({ length: variantCount }, (_, i) => variant(variantCount - i)) },
  ...extra,
});

describe("catalog snapshot", () => {
  it("keeps what a read asks for: variants by position (at most 100), 5 collections, 20 images, 20 metafields without ids, empty connections present", () => {
    const collections = { nodes: Array.from({ length: 7 }, (_, i) => ({ id: `gid://shopify/Collection/${i}`, handle: `c${i}`, title: `C${i}` })) };
    const metafields = { nodes: Array.from({ length: 25 }, (_, i) => ({ id: `gid://shopify/Metafield/${i}`, namespace: "n", key: `k${i}`, type: "single_line_text_field", value: "v" })) };
    const snapshot = snapshotFromProductExport(exported(120, { collections, metafields } as Partial<ExportedProduct>));
    expect(snapshot.variants.nodes.map((v) => v.position)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(snapshot.collections.nodes).toHaveLength(5);
    expect(snapshot.metafields.nodes).toHaveLength(20);
    expect(snapshot.metafields.nodes[0]).toEqual({ namespace: "n", key: "k0", type: "single_line_text_field", value: "v" });
    expect(snapshotFromProductExport(exported(1)).media).toEqual({ nodes: [] });
  });

  it("is complete once every variant has its image and stock from the variants export", () => {
    const snapshot = snapshotFromProductExport(exported(2));
    expect(isCompleteSnapshot(snapshot)).toBe(false);
    const level = { updatedAt: "2026-11-01T00:00:00Z", location: { id: "gid://shopify/Location/1", name: "Shop" }, quantities: [{ name: "available", quantity: 4 }] };
    const extras = new Map([[
      "gid://shopify/ProductVariant/1",
      { id: "gid://shopify/ProductVariant/1", product: { id: snapshot.id }, inventoryItem: { id: "gid://shopify/InventoryItem/1", inventoryLevels: { nodes: [{ id: "gid://shopify/InventoryLevel/1", ...level }] } } },
    ]]);
    expect(addVariantExtras(snapshot, extras)).toBe(true);
    expect(isCompleteSnapshot(snapshot)).toBe(false); // variant 2 still waits
    // Levels may hang on the variant instead of its inventory item.
    expect(addVariantExtras(snapshot, new Map([["gid://shopify/ProductVariant/2", { id: "gid://shopify/ProductVariant/2", product: { id: snapshot.id }, media: { nodes: [{ __typename: "MediaImage", id: "m1" }, { __typename: "MediaImage", id: "m2" }] }, inventoryItem: { id: "gid://shopify/InventoryItem/2" }, inventoryLevels: { nodes: [level] } }]]))).toBe(true);
    expect(isCompleteSnapshot(snapshot)).toBe(true);
    const second = snapshot.variants.nodes.find((v) => v.id.endsWith("/2"))!;
    expect(second.media.nodes.map((m) => m.id)).toEqual(["m1"]); // one image per variant, as read
    expect(second.inventoryItem.inventoryLevels.nodes).toEqual([level]);
  });

  it("takes stock from the ledger, names from the snapshot, and gives up when the ledger is unsure", () => {
    const snapshot = snapshotFromProductExport(exported(1));
    const level = { updatedAt: "2026-11-01T00:00:00Z", location: { id: "L1", name: "Warehouse" }, quantities: [{ name: "available", quantity: 4 }] };
    addVariantExtras(snapshot, new Map([["gid://shopify/ProductVariant/1", { id: "gid://shopify/ProductVariant/1", product: { id: snapshot.id }, inventoryItem: { id: "gid://shopify/InventoryItem/1", inventoryLevels: { nodes: [level] } } }]]));
    const at = new Date("2026-11-02T10:00:00Z");
    const ledger = [
      { inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "L1", available: 9, shopifyUpdatedAt: at, uncertain: false },
      { inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "L2", available: 2, shopifyUpdatedAt: at, uncertain: false },
    ];
    const current = withLedgerStock(snapshot, ledger)!;
    const [v] = current.variants.nodes;
    expect(v!.inventoryQuantity).toBe(11);
    expect(v!.inventoryItem.inventoryLevels.nodes).toEqual([
      { updatedAt: "2026-11-02T10:00:00Z", location: { id: "L1", name: "Warehouse" }, quantities: [{ name: "available", quantity: 9 }] },
      { updatedAt: "2026-11-02T10:00:00Z", location: { id: "L2", name: "L2" }, quantities: [{ name: "available", quantity: 2 }] },
    ]);
    expect(withLedgerStock(snapshot, [{ ...ledger[0]!, uncertain: true }])).toBeNull();
  });
});
