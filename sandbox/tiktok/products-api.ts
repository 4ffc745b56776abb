import { businessError, TikTokApiError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import { BRANDS_BY_ID, categoryChain } from "./catalog-data";
import { imageUrl } from "./image-upload-api";
import { checkListing, rememberSalesAttributes, type ListingCheckResult, type SkuInput } from "./listing-rules";
import { countListing, dailyQuotaFor, listedToday } from "./listing-quota";
import type { Product, ProductContent, ProductStatus, Shop, SkuState } from "./model";
import { asObject, decodePageToken, encodePageToken, optionalInt, pageSize, stringArray } from "./request-fields";
import { submitForReview } from "./review";
import type { Simulator } from "./simulator";

const DEFAULT_MAX_SKUS = 100;

function isTikTokImageUrl(sim: Simulator, src: string): boolean {
  try {
    const path = new URL(src).pathname;
    const m = /^\/img\/(tos-[^/]+\/[0-9a-f]+)$/.exec(path);
    return m !== null && sim.state.images.has(m[1]!);
  } catch {
    return false;
  }
}

function runListingCheck(ctx: ApiContext, body: Record<string, unknown>, product: Product | null, draft: boolean): ListingCheckResult {
  const shop = requireShop(ctx);
  return checkListing(body, {
    shop,
    images: ctx.sim.state.images,
    isTikTokImageUrl: (src) => isTikTokImageUrl(ctx.sim, src),
    maxSkus: ctx.sim.options.maxSkusPerProduct ?? DEFAULT_MAX_SKUS,
    existingSkuIds: product ? new Set(product.skus.keys()) : null,
    draft,
    knownSalesAttributes: ctx.sim.state.salesAttributesByShop.get(shop.id),
  });
}

function throwFirst(result: ListingCheckResult): void {
  const first = result.findings[0];
  if (first) throw businessError(first.code, `${first.message} [${first.field}]`);
}

/** seller_sku must be unique within the shop (other products). */
function checkSellerSkuUniqueness(sim: Simulator, shopId: string, skus: SkuInput[], productId: string | null): void {
  for (const s of skus) {
    if (!s.content.seller_sku) continue;
    const owner = sim.state.sellerSkuIndex.get(`${shopId}\u0000${s.content.seller_sku}`);
    if (owner && sim.state.skuToProduct.get(owner) !== productId) {
      throw businessError(12019059, `seller sku is invalid: '${s.content.seller_sku}' is already used by another product in this shop.`);
    }
  }
}

/** Replaces the product's SKUs: listed ids are kept (price/inventory kept if omitted), unlisted ids are deleted. */
function applySkus(sim: Simulator, product: Product, inputs: SkuInput[]): void {
  const next = new Map<string, SkuState>();
  for (const input of inputs) {
    const old = input.id ? product.skus.get(input.id) : undefined;
    const id = old?.id ?? sim.ids.next("sku");
    const inventory = input.inventory ? new Map(input.inventory.map((e) => [e.warehouse_id, e.quantity])) : old?.inventory ?? new Map();
    next.set(id, {
      id, ...input.content,
      price: input.price ?? old?.price ?? { amount: "0", currency: "" },
      list_price: input.list_price ?? old?.list_price,
      inventory,
      committed: old?.committed ?? new Map(),
    });
  }
  for (const old of product.skus.values()) {
    sim.state.skuToProduct.delete(old.id);
    if (old.seller_sku) sim.state.sellerSkuIndex.delete(`${product.shopId}\u0000${old.seller_sku}`);
  }
  let known = sim.state.salesAttributesByShop.get(product.shopId);
  if (!known) sim.state.salesAttributesByShop.set(product.shopId, (known = new Map()));
  for (const sku of next.values()) {
    rememberSalesAttributes(known, sku.sales_attributes);
    sim.state.skuToProduct.set(sku.id, product.id);
    if (sku.seller_sku) sim.state.sellerSkuIndex.set(`${product.shopId}\u0000${sku.seller_sku}`, sku.id);
  }
  product.skus = next;
  product.content.skus = [...next.values()].map(({ id, seller_sku, external_sku_id, sales_attributes, identifier_code }) => ({
    id, seller_sku, external_sku_id, sales_attributes, ...(identifier_code ? { identifier_code } : {}),
  }));
}

/** Review-relevant fingerprint: price and inventory are excluded on purpose (they never trigger review). */
function contentFingerprint(c: ProductContent): string {
  return JSON.stringify({ ...c, skus: c.skus.map((s) => [s.seller_sku, s.sales_attributes, s.identifier_code ?? null]) });
}

function loadProduct(ctx: ApiContext, productId: string | undefined): Product {
  const shop = requireShop(ctx);
  const product = ctx.sim.state.products.get(productId ?? "");
  if (!product) throw businessError(12052260, "The product ID does not exist");
  if (product.shopId !== shop.id) throw businessError(12052048, "You cannot edit the specified product(s) as it isn't listed in your account or shop.");
  return product;
}

function createResponse(product: Product) {
  return {
    product_id: product.id,
    skus: [...product.skus.values()].map((s) => ({
      id: s.id, seller_sku: s.seller_sku, external_sku_id: s.external_sku_id,
      sales_attributes: s.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })),
    })),
    warnings: [] as Array<{ message: string }>,
  };
}

function createProduct(ctx: ApiContext, listingCheckOnly: false): ReturnType<typeof createResponse>;
function createProduct(ctx: ApiContext, listingCheckOnly: true): unknown;
function createProduct(ctx: ApiContext, listingCheckOnly: boolean): unknown {
  const { sim } = ctx;
  const shop = requireShop(ctx);
  const body = asObject(ctx.body);
  const draft = body.save_mode === "AS_DRAFT";
  if (body.save_mode !== undefined && body.save_mode !== "LISTING" && body.save_mode !== "AS_DRAFT") {
    throw businessError(12052910, "Invalid input parameters: save_mode must be LISTING or AS_DRAFT.");
  }
  const idempotencyKey = typeof body.idempotency_key === "string" && body.idempotency_key !== "" ? body.idempotency_key : null;
  if (!listingCheckOnly && idempotencyKey) {
    const existing = sim.state.idempotency.get(`${shop.id}\u0000${idempotencyKey}`);
    const product = existing ? sim.state.products.get(existing) : undefined;
    if (product) return createResponse(product);
  }
  const result = runListingCheck(ctx, body, null, draft);
  if (!draft && listedToday(sim, shop.id) >= dailyQuotaFor(sim, shop)) {
    result.findings.push({ code: 12052093, field: "shop", message: `Exceeded the product listing limit for the seller (${dailyQuotaFor(sim, shop)} per day for tier ${shop.probationTier}).` });
  }
  if (listingCheckOnly) {
    return {
      check_result: result.findings.length === 0 ? "PASS" : "FAILED",
      fail_reasons: result.findings.map((f) => ({ code: f.code, message: f.message, field: f.field })),
      listing_quality: { current_tier: "FAIR", remaining_recommendations: 0 },
    };
  }
  // The quota finding is reported after the content findings unless it is the only problem.
  throwFirst(result);
  checkSellerSkuUniqueness(sim, shop.id, result.skus, null);
  const now = sim.nowSeconds();
  const product: Product = {
    id: sim.ids.next("product"), shopId: shop.id, status: draft ? "DRAFT" : "PENDING", content: result.content, liveContent: null,
    skus: new Map(), audit: { status: "NONE", pre_approved_reasons: [] }, audit_failed_reasons: [], reviewGeneration: 0,
    statusBeforeDelete: null, create_time: now, update_time: now,
  };
  sim.state.products.set(product.id, product);
  sim.state.productsByShop.get(shop.id)!.push(product.id);
  applySkus(sim, product, result.skus);
  if (idempotencyKey) sim.state.idempotency.set(`${shop.id}\u0000${idempotencyKey}`, product.id);
  sim.webhooks.emit(16, shop.id, { product_id: product.id, product_type: ["NORMAL"], update_time: now });
  if (!draft) {
    countListing(sim, shop.id);
    submitForReview(sim, product);
  }
  return createResponse(product);
}

/** PUT (full) and partial edits. Content changes of a live product send it back to review while v1 stays live. */
function editProduct(ctx: ApiContext, partial: boolean) {
  const { sim } = ctx;
  const product = loadProduct(ctx, ctx.params.product_id);
  if (product.status === "DELETED" || product.status === "FREEZE") {
    throw businessError(12052901, "The product in its current status is not available for this operation.");
  }
  const body = asObject(ctx.body);
  let merged = body;
  if (partial) {
    const c = product.content;
    const current: Record<string, unknown> = {
      title: c.title, description: c.description, category_id: c.category_id, category_version: c.category_version,
      brand_id: c.brand_id || undefined, main_images: c.main_images, product_attributes: c.product_attributes.map((a) => ({ id: a.id, values: a.values.map((v) => (v.id ? { id: v.id } : { name: v.name })) })),
      package_weight: c.package_weight, package_dimensions: c.package_dimensions, certifications: c.certifications.length ? c.certifications : undefined,
      size_chart: c.size_chart, video: c.video, external_product_id: c.external_product_id || undefined,
      skus: [...product.skus.values()].map((s) => ({ id: s.id, seller_sku: s.seller_sku || undefined, external_sku_id: s.external_sku_id || undefined, sales_attributes: s.sales_attributes, identifier_code: s.identifier_code })),
    };
    merged = { ...current, ...body };
  }
  const draft = body.save_mode === "AS_DRAFT";
  const result = runListingCheck(ctx, merged, product, draft);
  throwFirst(result);
  checkSellerSkuUniqueness(sim, product.shopId, result.skus, product.id);
  const before = contentFingerprint(product.content);
  const previous = product.content;
  product.content = result.content;
  applySkus(sim, product, result.skus);
  const changed = contentFingerprint(product.content) !== before;
  const now = sim.nowSeconds();
  product.update_time = now;
  if (changed) {
    sim.webhooks.emit(15, product.shopId, { product_id: product.id, change_source: "OPEN_API", changed_fields: changedFields(previous, product.content), update_time: now });
  }
  const reviewable: ProductStatus[] = ["ACTIVATE", "FAILED", "DRAFT", "PLATFORM_DEACTIVATED", "PENDING"];
  if (!draft && reviewable.includes(product.status) && (changed || product.status === "DRAFT")) {
    if (product.status === "ACTIVATE") product.liveContent = previous;
    submitForReview(sim, product);
  }
  return { ...createResponse(product), audit: { status: product.audit.status } };
}

function changedFields(a: ProductContent, b: ProductContent): string[] {
  const fields: string[] = [];
  if (a.title !== b.title) fields.push("title");
  if (a.description !== b.description) fields.push("description");
  if (JSON.stringify(a.main_images) !== JSON.stringify(b.main_images)) fields.push("main_images");
  if (JSON.stringify(a.product_attributes) !== JSON.stringify(b.product_attributes)) fields.push("product_attributes");
  if (fields.length === 0) fields.push("others");
  return fields;
}

function moneyView(m: { amount: string; currency: string }) {
  return { currency: m.currency, sale_price: m.amount, tax_exclusive_price: m.amount };
}

function skuView(s: SkuState) {
  return {
    id: s.id, seller_sku: s.seller_sku, external_sku_id: s.external_sku_id,
    sales_attributes: s.sales_attributes.map((a) => ({ id: a.id, name: a.name, value_id: a.value_id, value_name: a.value_name, ...(a.sku_img ? { sku_img: { uri: a.sku_img.uri } } : {}) })),
    price: moneyView(s.price),
    ...(s.list_price ? { list_price: { amount: s.list_price.amount, currency: s.list_price.currency } } : {}),
    inventory: [...s.inventory].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })),
    ...(s.identifier_code ? { identifier_code: s.identifier_code } : {}),
    status_info: { status: "NORMAL" },
  };
}

export function productView(sim: Simulator, p: Product, content: ProductContent = p.content) {
  const brand = BRANDS_BY_ID.get(content.brand_id);
  return {
    id: p.id, title: content.title, description: content.description, status: p.status,
    product_status: p.status === "PENDING" || p.status === "FAILED" ? (p.liveContent ? "ACTIVATE" : "INITIAL") : p.status,
    audit: p.audit, audit_failed_reasons: p.audit_failed_reasons, has_draft: p.status === "DRAFT",
    category_chains: categoryChain(content.category_id).map((c) => ({ id: c.id, parent_id: c.parent_id, local_name: c.local_name, is_leaf: c.is_leaf })),
    ...(brand ? { brand: { id: brand.id, name: brand.name } } : {}),
    main_images: content.main_images.map(({ uri }) => {
      const img = sim.state.images.get(uri);
      const url = imageUrl(sim, uri);
      return { uri, urls: [url], thumb_urls: [url], width: img?.width ?? 0, height: img?.height ?? 0 };
    }),
    skus: [...p.skus.values()].map(skuView),
    product_attributes: content.product_attributes,
    package_weight: content.package_weight, package_dimensions: content.package_dimensions,
    certifications: content.certifications, size_chart: content.size_chart, video: content.video,
    external_product_id: content.external_product_id, is_cod_allowed: content.is_cod_allowed,
    listing_quality_tier: "FAIR", create_time: p.create_time, update_time: p.update_time,
  };
}

function batchIds(ctx: ApiContext): string[] {
  const ids = stringArray(asObject(ctx.body), "product_ids") ?? [];
  if (ids.length === 0) throw businessError(12052910, "Invalid input parameters: product_ids is required.");
  if (ids.length > 20) throw businessError(12019120, "The number of provided product IDs exceeds the limit (20).");
  return ids;
}

/** Shared shape of activate/deactivate/delete/recover: per-product failures in data.errors[] with code 0. */
function batchOperation(ctx: ApiContext, apply: (p: Product) => string | null) {
  const errors: Array<{ code: number; message: string; detail: { product_id: string } }> = [];
  for (const id of batchIds(ctx)) {
    try {
      const product = loadProduct(ctx, id);
      const failure = apply(product);
      if (failure) errors.push({ code: 12052901, message: failure, detail: { product_id: id } });
      else product.update_time = ctx.sim.nowSeconds();
    } catch (err) {
      if (!(err instanceof TikTokApiError)) throw err;
      errors.push({ code: err.code, message: err.message, detail: { product_id: id } });
    }
  }
  return { errors };
}

const NOT_ALLOWED = "The product in its current status is not available for this operation. Change the product status and try again.";

function searchProducts(ctx: ApiContext) {
  const { sim } = ctx;
  const shop = requireShop(ctx);
  const size = pageSize(ctx.query);
  const cv = ctx.query.get("category_version");
  if (cv !== undefined && cv !== (shop.region === "US" ? "v2" : "v1")) throw businessError(12052217, "Incorrect category version for this shop.");
  const body = asObject(ctx.body);
  const status = typeof body.status === "string" ? body.status : "ALL";
  const sellerSkus = stringArray(body, "seller_skus");
  if (sellerSkus && sellerSkus.length > 10) throw businessError(12019027, "The maximum count of “seller_skus” in the search filter is 10.");
  const createGe = optionalInt(body, "create_time_ge");
  const createLe = optionalInt(body, "create_time_le");
  const updateGe = optionalInt(body, "update_time_ge");
  const updateLe = optionalInt(body, "update_time_le");
  const matches = (p: Product) =>
    (status === "ALL" ? p.status !== "DELETED" : p.status === status) &&
    (createGe === undefined || p.create_time >= createGe) && (createLe === undefined || p.create_time <= createLe) &&
    (updateGe === undefined || p.update_time >= updateGe) && (updateLe === undefined || p.update_time <= updateLe);
  // seller_skus use the index; everything else walks the shop's creation-ordered list.
  let candidates: string[];
  if (sellerSkus) {
    const ids = new Set<string>();
    for (const s of sellerSkus) {
      const skuId = sim.state.sellerSkuIndex.get(`${shop.id}\u0000${s}`);
      const productId = skuId ? sim.state.skuToProduct.get(skuId) : undefined;
      if (productId) ids.add(productId);
    }
    candidates = [...ids];
  } else {
    candidates = sim.state.productsByShop.get(shop.id) ?? [];
  }
  const offset = decodePageToken(ctx.query.get("page_token"));
  const page: Product[] = [];
  let i = offset;
  let total = 0;
  for (let k = 0; k < candidates.length; k++) {
    const p = sim.state.products.get(candidates[k]!)!;
    if (!matches(p)) continue;
    total++;
    if (k >= offset && page.length < size) {
      page.push(p);
      i = k + 1;
    }
  }
  let hasMore = false;
  for (let k = i; k < candidates.length && page.length === size; k++) {
    if (matches(sim.state.products.get(candidates[k]!)!)) {
      hasMore = true;
      break;
    }
  }
  return {
    products: page.map((p) => ({
      id: p.id, title: p.content.title, status: p.status,
      skus: [...p.skus.values()].map((s) => ({ id: s.id, seller_sku: s.seller_sku, price: moneyView(s.price), inventory: [...s.inventory].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })) })),
      sales_regions: [shop.region], create_time: p.create_time, update_time: p.update_time, audit: p.audit, listing_quality_tier: "FAIR",
    })),
    total_count: total,
    next_page_token: hasMore ? encodePageToken(i) : "",
  };
}

export function shopOfProduct(sim: Simulator, p: Product): Shop {
  return sim.shopOrThrow(p.shopId);
}

export const productRoutes: ApiRoute[] = [
  { method: "POST", template: "/product/202309/products", shopScoped: true, scope: "seller.product.write", handle: (ctx) => createProduct(ctx, false) },
  { method: "POST", template: "/product/202309/products/listing_check", shopScoped: true, scope: "seller.product.basic", handle: (ctx) => createProduct(ctx, true) },
  { method: "PUT", template: "/product/202309/products/{product_id}", shopScoped: true, scope: "seller.product.write", handle: (ctx) => editProduct(ctx, false) },
  { method: "POST", template: "/product/202309/products/{product_id}/partial_edit", shopScoped: true, scope: "seller.product.write", handle: (ctx) => editProduct(ctx, true) },
  {
    method: "GET", template: "/product/202309/products/{product_id}", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const product = loadProduct(ctx, ctx.params.product_id);
      if (product.status === "DELETED" || product.status === "FREEZE") throw businessError(12052901, NOT_ALLOWED);
      const underReview = ctx.query.get("return_under_review_version") === "true";
      const draftVersion = ctx.query.get("return_draft_version") === "true";
      if (underReview && draftVersion) throw businessError(12052910, "return_under_review_version and return_draft_version are mutually exclusive.");
      // Default answer while an edit is audited: the live v1; the edit with return_under_review_version=true.
      const content = !underReview && product.liveContent ? product.liveContent : product.content;
      return productView(ctx.sim, product, content);
    },
  },
  { method: "POST", template: "/product/202309/products/search", shopScoped: true, scope: "seller.product.basic", handle: searchProducts },
  {
    method: "DELETE", template: "/product/202309/products", shopScoped: true, scope: "seller.product.delete",
    handle: (ctx) => batchOperation(ctx, (p) => {
      if (p.status === "DELETED" || p.status === "FREEZE") return NOT_ALLOWED;
      p.statusBeforeDelete = p.status;
      p.status = "DELETED";
      ctx.sim.webhooks.emit(5, p.shopId, { product_id: p.id, status: "PRODUCT_STATUS_CHANGED", suspended_reason: "", update_time: ctx.sim.nowSeconds() });
      return null;
    }),
  },
  {
    method: "POST", template: "/product/202309/products/deactivate", shopScoped: true, scope: "seller.product.write",
    handle: (ctx) => batchOperation(ctx, (p) => {
      if (p.status !== "ACTIVATE") return NOT_ALLOWED;
      p.status = "SELLER_DEACTIVATED";
      ctx.sim.webhooks.emit(5, p.shopId, { product_id: p.id, status: "PRODUCT_STATUS_CHANGED", suspended_reason: "", update_time: ctx.sim.nowSeconds() });
      return null;
    }),
  },
  {
    method: "POST", template: "/product/202309/products/activate", shopScoped: true, scope: "seller.product.write",
    handle: (ctx) => batchOperation(ctx, (p) => {
      if (p.status !== "SELLER_DEACTIVATED" && p.status !== "PLATFORM_DEACTIVATED") return NOT_ALLOWED;
      submitForReview(ctx.sim, p);
      return null;
    }),
  },
  {
    method: "POST", template: "/product/202309/products/recover", shopScoped: true, scope: "seller.product.write",
    handle: (ctx) => batchOperation(ctx, (p) => {
      if (p.status !== "DELETED") return NOT_ALLOWED;
      p.status = "SELLER_DEACTIVATED";
      return null;
    }),
  },
];
