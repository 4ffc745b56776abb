// Custom sales attributes (§4.2: `{name, value_name}` without ids — Shopify option names are custom) survive the
// whole create → get → edit cycle: the simulator answers with generated ids, and accepts both the names and those ids
// back on full (PUT) and partial edits, while a truly unknown id is still refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTikTokSandbox, type TikTokSandbox } from "../../../sandbox/tiktok/server";
import { makeCaller, pngBytes, uploadImage, startSignedSession } from "./signed-client";

const APP_KEY = "customattrkey";
const SECRET = "customattrsecret";
const WAREHOUSE = "7068517275539719942";
const TOPS = "601166"; // Tops & Blouses: Color/Size/Capacity sales attributes, no required product attribute

type Attr = { id?: string; name?: string; value_id?: string; value_name?: string };

describe("GIVEN a product whose SKUs use custom sales attributes WHEN it is read and edited THEN names and the simulator's own ids are accepted", () => {
  let sandbox: TikTokSandbox;
  let call: ReturnType<typeof makeCaller>;
  let token: string;
  let cipher: string;
  let uri: string;
  let n = 0;

  const variants = [["Navy", "Slim"], ["Navy", "Relaxed"], ["Sand", "Slim"]] as const;
  const byName = (colour: string, fit: string): Attr[] => [{ name: "Colour", value_name: colour }, { name: "Fit", value_name: fit }];

  const productBody = (skus: unknown[], over: Record<string, unknown> = {}) => ({
    title: "Linen summer top", description: "<p>Light linen top.</p>", category_id: TOPS, category_version: "v2",
    main_images: [{ uri }], package_weight: { value: "0.3", unit: "KILOGRAM" },
    package_dimensions: { length: "30", width: "20", height: "3", unit: "CENTIMETER" },
    skus, ...over,
  });
  const newSkus = (prefix: string) => variants.map(([c, f]) => ({
    seller_sku: `${prefix}-${c}-${f}`, sales_attributes: byName(c, f),
    price: { amount: "24.00", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 5 }],
  }));
  const get = (id: string) => call(`/product/202309/products/${id}`, { token, cipher });
  const put = (id: string, b: unknown) => call(`/product/202309/products/${id}`, { method: "PUT", token, cipher, body: b });
  const partial = (id: string, b: unknown) => call(`/product/202309/products/${id}/partial_edit`, { token, cipher, body: b });

  /** Creates a product with custom attributes and reads it back. */
  async function createCustom() {
    const prefix = `TOP${++n}`;
    const created = await call("/product/202309/products", { token, cipher, body: productBody(newSkus(prefix)) });
    expect(created.code, created.message).toBe(0);
    const read = await get(created.data.product_id);
    expect(read.code, read.message).toBe(0);
    return { id: created.data.product_id as string, prefix, created, skus: read.data.skus as Array<{ id: string; seller_sku: string; sales_attributes: Attr[] }> };
  }
  /** name → value_name of each SKU, by seller_sku. */
  const attributeView = (skus: Array<{ seller_sku: string; sales_attributes: Attr[] }>) =>
    Object.fromEntries(skus.map((s) => [s.seller_sku, s.sales_attributes.map((a) => `${a.name}=${a.value_name}`).join(",")]));

  beforeAll(async () => {
    ({ sandbox, call, token, cipher } = await startSignedSession(APP_KEY, SECRET, { reviewDelayMs: 40, rateLimitQps: 1000 }));
    uri = (await uploadImage(sandbox.url, APP_KEY, SECRET, token, pngBytes(800, 800))).data.uri;
  });
  afterAll(() => sandbox.close());

  it("create answers generated ids and Get Product returns id, name, value_id and value_name for the custom attributes", async () => {
    const { created, skus, prefix } = await createCustom();
    for (const s of skus) {
      for (const a of s.sales_attributes) {
        expect(a.id).toMatch(/^\d+$/);
        expect(a.value_id).toMatch(/^\d+$/);
      }
      const fromCreate = (created.data.skus as Array<{ id: string; sales_attributes: Attr[] }>).find((c) => c.id === s.id)!;
      expect(fromCreate.sales_attributes).toEqual(s.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })));
    }
    expect(attributeView(skus)).toEqual({
      [`${prefix}-Navy-Slim`]: "Colour=Navy,Fit=Slim", [`${prefix}-Navy-Relaxed`]: "Colour=Navy,Fit=Relaxed", [`${prefix}-Sand-Slim`]: "Colour=Sand,Fit=Slim",
    });
    // One id per attribute, one value id per value.
    expect(new Set(skus.map((s) => s.sales_attributes[0]!.id)).size).toBe(1);
    expect(new Set(skus.map((s) => s.sales_attributes[0]!.value_id)).size).toBe(2);
  });

  it("partial edit of another property keeps the stored custom attributes (the simulator re-validates its own ids)", async () => {
    const { id, skus } = await createCustom();
    const res = await partial(id, { title: "Linen summer top – new cut" });
    expect(res.code, res.message).toBe(0);
    const after = await get(id);
    expect(after.data.title).toBe("Linen summer top – new cut");
    expect(after.data.skus).toEqual(expect.arrayContaining(skus.map((s) => expect.objectContaining({ id: s.id, sales_attributes: s.sales_attributes }))));
  });

  it("partial edit accepts the custom attributes by name/value_name", async () => {
    const { id, skus } = await createCustom();
    const res = await partial(id, { skus: skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map(({ name, value_name }) => ({ name, value_name })) })) });
    expect(res.code, res.message).toBe(0);
    const after = await get(id);
    expect(attributeView(after.data.skus)).toEqual(attributeView(skus));
    expect(after.data.skus.map((s: { sales_attributes: Attr[] }) => s.sales_attributes)).toEqual(skus.map((s) => s.sales_attributes));
  });

  it("partial edit accepts the ids Get Product returned (id/value_id only) and resolves their names", async () => {
    const { id, skus } = await createCustom();
    const res = await partial(id, { skus: skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map(({ id: attrId, value_id }) => ({ id: attrId, value_id })) })) });
    expect(res.code, res.message).toBe(0);
    const after = await get(id);
    expect(after.data.skus.map((s: { sales_attributes: Attr[] }) => s.sales_attributes)).toEqual(skus.map((s) => s.sales_attributes));
  });

  it("full edit (PUT) accepts the custom attributes by name/value_name, including a new value", async () => {
    const { id, skus, prefix } = await createCustom();
    const kept = skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map(({ name, value_name }) => ({ name, value_name })) }));
    const added = { seller_sku: `${prefix}-Sand-Relaxed`, sales_attributes: byName("Sand", "Relaxed"), price: { amount: "25.00", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 2 }] };
    const res = await put(id, productBody([...kept, added]));
    expect(res.code, res.message).toBe(0);
    const after = await get(id);
    expect(after.data.skus).toHaveLength(4);
    expect(attributeView(after.data.skus)[`${prefix}-Sand-Relaxed`]).toBe("Colour=Sand,Fit=Relaxed");
    // Same names → same generated ids as on create.
    const colourId = skus[0]!.sales_attributes[0]!.id;
    expect(after.data.skus.every((s: { sales_attributes: Attr[] }) => s.sales_attributes[0]!.id === colourId)).toBe(true);
  });

  it("full edit (PUT) accepts the ids Get Product returned, also with a new value_name under a returned attribute id", async () => {
    const { id, skus, prefix } = await createCustom();
    const kept = skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map(({ id: attrId, value_id }) => ({ id: attrId, value_id })) }));
    const [colour, fit] = skus[0]!.sales_attributes;
    const added = {
      seller_sku: `${prefix}-Olive-Slim`, sales_attributes: [{ id: colour!.id, value_name: "Olive" }, { id: fit!.id, value_id: fit!.value_id }],
      price: { amount: "25.00", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 2 }],
    };
    const res = await put(id, productBody([...kept, added]));
    expect(res.code, res.message).toBe(0);
    const after = await get(id);
    expect(attributeView(after.data.skus)).toEqual({ ...attributeView(skus), [`${prefix}-Olive-Slim`]: "Colour=Olive,Fit=Slim" });
  });

  it("a catalog attribute id with a custom value_name round-trips: its generated value_id is accepted back", async () => {
    const prefix = `TOP${++n}`;
    const skus = ["Sage", "Black"].map((v) => ({
      seller_sku: `${prefix}-${v}`, sales_attributes: [{ id: "100000", value_name: v }],
      price: { amount: "20.00", currency: "USD" }, inventory: [{ warehouse_id: WAREHOUSE, quantity: 1 }],
    }));
    const created = await call("/product/202309/products", { token, cipher, body: productBody(skus) });
    expect(created.code, created.message).toBe(0);
    const id = created.data.product_id as string;
    const read = (await get(id)).data.skus as Array<{ id: string; seller_sku: string; sales_attributes: Attr[] }>;
    expect(read.map((s) => s.sales_attributes[0])).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: "100000", name: "Color", value_name: "Black" }),
      expect.objectContaining({ id: "100000", name: "Color", value_name: "Sage" }),
    ]));
    expect((await partial(id, { title: "Linen summer top in sage" })).code).toBe(0);
    const res = await partial(id, { skus: read.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map(({ id: a, value_id }) => ({ id: a, value_id })) })) });
    expect(res.code, res.message).toBe(0);
    expect((await get(id)).data.skus.map((s: { sales_attributes: Attr[] }) => s.sales_attributes)).toEqual(read.map((s) => s.sales_attributes));
  });

  it("a truly unknown sales attribute id is still refused with 12052527 (PUT and partial edit), an unknown value id with 12052529", async () => {
    const { id, skus } = await createCustom();
    const withFirstAttr = (attr: Attr) => skus.map((s, i) => ({
      id: s.id, seller_sku: s.seller_sku,
      sales_attributes: i === 0 ? [attr, s.sales_attributes[1]!] : s.sales_attributes.map(({ id: attrId, value_id }) => ({ id: attrId, value_id })),
    }));
    const unknownAttr = { id: "7999999999999999999", value_name: "Navy" };
    const viaPartial = await partial(id, { skus: withFirstAttr(unknownAttr) });
    expect(viaPartial.code).toBe(12052527);
    expect(viaPartial.message).toMatch(/7999999999999999999/);
    const viaPut = await put(id, productBody(withFirstAttr(unknownAttr)));
    expect(viaPut.code).toBe(12052527);
    // A catalog sales attribute that is not in the category is unknown there too.
    const bad = await put(id, productBody(withFirstAttr({ id: "100392", value_name: "Navy" })));
    expect(bad.code).toBe(12052527);
    const unknownValue = await partial(id, { skus: withFirstAttr({ id: skus[0]!.sales_attributes[0]!.id, value_id: "7000000000000000001" }) });
    expect(unknownValue.code).toBe(12052529);
    // Nothing was changed by the refused edits.
    expect((await get(id)).data.skus.map((s: { sales_attributes: Attr[] }) => s.sales_attributes)).toEqual(skus.map((s) => s.sales_attributes));
  });
});
