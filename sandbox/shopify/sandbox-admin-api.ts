// The sandbox's own HTTP API (and the form posts of /sandbox): merchant edits that change the store and
// so fire webhooks, compliance and uninstall events, catalog generation, knobs and state. Order routes
// (list, fulfil, cancel, tracking, webstore checkout, plan, faults) are in sandbox-order-api.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { normalizeMoney } from "./csv-seed";
import { createProduct, uniqueHandle } from "./product-factory";
import { generateProducts } from "./product-generator";
import { orderRoute, type FaultKnobs } from "./sandbox-order-api";
import { gid } from "./shopify-ids";
import type { ShopifyStore } from "./store";
import { redirect, readInput, sendJson } from "./http-io";
import type { WebhookEmitter } from "./webhook-emitter";
import { compliancePayload, shopPayload } from "./webhook-payloads";

export interface SandboxControls {
  store: ShopifyStore;
  emitter: WebhookEmitter;
  faults: FaultKnobs;
  isInstalled(): boolean;
  uninstall(): void;
  state(): unknown;
}

const optionalText = z.string().optional();
const ProductEdit = z.object({ title: optionalText, descriptionHtml: optionalText, vendor: optionalText, productType: optionalText, tags: z.union([z.string(), z.array(z.string())]).optional(), status: z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]).optional() });
const VariantEdit = z.object({ price: z.union([z.string(), z.number()]).optional(), compareAtPrice: z.union([z.string(), z.number(), z.null()]).optional(), sku: z.union([z.string(), z.null()]).optional() });
const InventorySet = z.object({ inventoryItemId: z.string(), locationId: z.string(), available: z.coerce.number().int() });
const ProductCreate = z.object({ title: z.string().min(1), descriptionHtml: z.string().default(""), vendor: z.string().default("TikTok Sync Demo"), productType: z.string().default(""), tags: z.union([z.string(), z.array(z.string())]).default([]), price: z.union([z.string(), z.number()]).default("19.99"), sku: z.string().optional(), quantity: z.coerce.number().int().default(10), collections: z.array(z.string()).default([]) });
const Generate = z.object({ count: z.coerce.number().int(), variantsPerProduct: z.coerce.number().int().default(1), webhooks: z.boolean().default(false) });
const Knobs = z.object({ duplicate: z.boolean().optional(), reorder: z.boolean().optional() });
// Settings > General in the Shopify admin: store details and the store address (company = legal business name).
const AddressEdit = z.strictObject({
  address1: optionalText, address2: optionalText, city: optionalText, province: optionalText, provinceCode: optionalText,
  zip: optionalText, country: optionalText, countryCodeV2: z.string().regex(/^[A-Z]{2}$/).optional(), phone: optionalText, company: optionalText,
});
const ShopEdit = z.object({ name: optionalText, email: optionalText, contactEmail: optionalText, address: AddressEdit.optional() });
const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"];

const tagsOf = (tags: string | string[] | undefined) => (tags === undefined ? undefined : Array.isArray(tags) ? tags : tags.split(",").map((t) => t.trim()).filter(Boolean));
const toGid = (type: string, id: string) => (id.startsWith("gid://") ? id : gid(type, id));
const emptyToUndefined = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "" && k !== "compareAtPrice" ? undefined : v]));

/** Handles /sandbox/* except the HTML page; returns false when the path is not one of its routes. */
export async function handleSandboxApi(req: IncomingMessage, res: ServerResponse, path: string, controls: SandboxControls): Promise<boolean> {
  const { store, emitter } = controls;
  const method = req.method ?? "GET";
  const done = (form: boolean, body: unknown, status = 200) => (form ? redirect(res, "/sandbox") : sendJson(res, status, body));
  const fail = (status: number, message: string) => sendJson(res, status, { error: message });

  if (method === "GET" && path === "/sandbox/state") {
    sendJson(res, 200, controls.state());
    return true;
  }
  if (method === "GET" && path === "/sandbox/orders") {
    const listed = orderRoute(store, controls.faults, method, path, {})!;
    sendJson(res, listed.status, listed.body);
    return true;
  }
  if (!["POST", "DELETE"].includes(method) || !path.startsWith("/sandbox/")) return false;
  const { input: raw, form, invalid } = await readInput(req);
  if (invalid) {
    fail(400, "Body must be a JSON object");
    return true;
  }
  const input = form ? emptyToUndefined(raw) : raw;

  try {
    const ordered = orderRoute(store, controls.faults, method, path, input);
    // A refused form post shows why instead of silently going back to the page.
    if (ordered) return (form && ordered.status < 400 ? redirect(res, "/sandbox") : sendJson(res, ordered.status, ordered.body)), true;
    let m: RegExpExecArray | null;
    if ((m = /^\/sandbox\/products\/([^/]+)(\/delete)?$/.exec(path))) {
      const productId = toGid("Product", decodeURIComponent(m[1]!));
      if (!store.products.has(productId)) return fail(404, `No product ${productId}`), true;
      if (method === "DELETE" || m[2]) {
        store.deleteProduct(productId);
        return done(form, { deleted: productId }), true;
      }
      const edit = ProductEdit.parse(input);
      const product = store.updateProduct(productId, { ...edit, tags: tagsOf(edit.tags) });
      return done(form, { product }), true;
    }
    if (method === "POST" && (m = /^\/sandbox\/variants\/([^/]+)$/.exec(path))) {
      const variantId = toGid("ProductVariant", decodeURIComponent(m[1]!));
      if (!store.variants.has(variantId)) return fail(404, `No variant ${variantId}`), true;
      const edit = VariantEdit.parse(input);
      const variant = store.updateVariant(variantId, {
        price: edit.price === undefined ? undefined : normalizeMoney(String(edit.price)),
        compareAtPrice: edit.compareAtPrice === undefined ? undefined : edit.compareAtPrice === null || edit.compareAtPrice === "" ? null : normalizeMoney(String(edit.compareAtPrice)),
        sku: edit.sku === undefined ? undefined : edit.sku === "" ? null : edit.sku,
      });
      return done(form, { variant }), true;
    }
    if (method === "POST" && path === "/sandbox/inventory") {
      const edit = InventorySet.parse(input);
      const level = store.setQuantity(toGid("InventoryItem", edit.inventoryItemId), toGid("Location", edit.locationId), "available", edit.available);
      return done(form, { level }), true;
    }
    if (method === "POST" && path === "/sandbox/products") {
      const p = ProductCreate.parse(input);
      // Collections (by handle) the new product joins, as a smart collection matching it would.
      const joins = p.collections.map((handle) => [...store.collections.values()].find((c) => c.handle === handle));
      const missing = p.collections.filter((_, i) => !joins[i]);
      if (missing.length) return done(form, { error: `No collection with handle ${missing.join(", ")}` }, 422), true;
      const product = createProduct(store, {
        handle: uniqueHandle(store, p.title),
        title: p.title,
        descriptionHtml: p.descriptionHtml,
        vendor: p.vendor,
        productType: p.productType,
        tags: tagsOf(p.tags) ?? [],
        status: "ACTIVE",
        options: [{ name: "Title", values: ["Default Title"] }],
        variants: [{ optionValues: ["Default Title"], sku: p.sku ?? null, price: normalizeMoney(String(p.price)), compareAtPrice: null, barcode: null, weight: { unit: "KILOGRAMS", value: 0.5 }, inventoryPolicy: "DENY", tracked: true, quantity: p.quantity, imageIndex: null }],
        images: [{ alt: p.title, width: 1024, height: 1024 }],
      }, store.timestamp());
      for (const collection of joins) collection!.productIds.push(product.id);
      return done(form, { product }, 201), true;
    }
    if (method === "POST" && path === "/sandbox/generate-products") {
      const g = Generate.parse(input);
      const started = Date.now();
      const created = generateProducts(store, { count: g.count, variantsPerProduct: g.variantsPerProduct, announce: g.webhooks }, store.timestamp());
      return done(form, { created: created.length, products: store.products.size, variants: store.variants.size, ms: Date.now() - started }, 201), true;
    }
    if (method === "POST" && (m = /^\/sandbox\/compliance\/(.+)$/.exec(path))) {
      const topic = decodeURIComponent(m[1]!);
      if (!COMPLIANCE_TOPICS.includes(topic)) return fail(404, `Unknown compliance topic ${topic}; one of ${COMPLIANCE_TOPICS.join(", ")}`), true;
      const deliveries = emitter.emit(topic, compliancePayload(store, topic));
      return done(form, { topic, deliveries: deliveries.map((d) => d.webhookId) }), true;
    }
    if (method === "POST" && path === "/sandbox/app/uninstall") {
      const deliveries = controls.isInstalled() ? emitter.emit("app/uninstalled", shopPayload(store)) : [];
      controls.uninstall();
      return done(form, { uninstalled: true, deliveries: deliveries.map((d) => d.webhookId) }), true;
    }
    if (method === "POST" && path === "/sandbox/shop") {
      const shop = store.updateShop(ShopEdit.parse(input));
      return done(form, { shop }), true;
    }
    if (method === "POST" && path === "/sandbox/webhooks/knobs") {
      Object.assign(emitter.knobs, Knobs.parse(input));
      return done(form, { knobs: emitter.knobs }), true;
    }
  } catch (error) {
    if (error instanceof z.ZodError) return fail(400, error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")), true;
    return fail(400, (error as Error).message), true;
  }
  return false;
}
