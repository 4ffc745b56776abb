// Use case (job "product.sync"): bring one product's TikTok listing in line with Shopify. Reads the
// latest product, maps it with the store's settings, and makes the smallest call that gets TikTok right:
// nothing when unchanged, price or stock updates (no re-review) when only those changed, a full edit
// (back to review) when content changed, a create — exactly once, guarded by an idempotency key and by
// adopting a listing that already carries the product's SKUs — when it is not on TikTok yet, and a
// deactivation when the merchant stops syncing it or deletes it in Shopify.
import { createHash } from "node:crypto";
import { lazyShopifyGateway } from "../../integrations/shopify/admin-graphql-gateway";
import type { ShopAdminGateways } from "../../integrations/shopify/shop-admin-gateways.server";
import type { TikTokShopClient } from "../../integrations/tiktok";
import { TikTokApiError } from "../../integrations/tiktok/tiktok-errors";
import { skusWithMovedWarehouses } from "../inventory/warehouse-change";
import { classifyChange } from "../listing/listing-fingerprint";
import type { UploadedImage, UploadedImages } from "../listing/image-refs";
import { mapProductToListing, type ListingInput, type ListingMapping } from "../listing/product-to-listing";
import type { ShopifyProduct } from "../listing/shopify-product";
import type { TikTokListingBody } from "../listing/tiktok-listing-body";
import type { TikTokShopSession } from "../linking/tiktok-shop-sessions";
import type { CatalogRepository } from "./catalog-repository";
import { indexFieldsFromProduct } from "./catalog-index-fields";
import { isCompleteSnapshot, withLedgerStock } from "./catalog-snapshot";
import type { ImageUploader } from "./image-upload-cache";
import { ensureCategoryFor, resolveListingInput } from "./listing-context";
import { DAILY_LIMIT_WAIT } from "./sync-progress";
import { readProductForListing } from "./read-product";
import type { ProductSyncUpdate, SkuLinkRecord, SyncEventInput, SyncEventResult, SyncStateRepository } from "./sync-state-repository";
import { readLevelsOf, type StockLedgerRepository } from "./stock-ledger-repository";
import type { StoreSettingsRepository } from "./store-settings-repository";

export interface SyncProductDeps {
  shopifyFor: ShopAdminGateways;
  tiktokFor: (shop: string) => Promise<TikTokShopSession>;
  catalog: CatalogRepository;
  state: SyncStateRepository;
  settings: StoreSettingsRepository;
  /** Seeded from every product read, so later stock pushes need no Shopify read. */
  ledger: StockLedgerRepository;
  uploadImage: ImageUploader;
  /** Called after a create or content edit: the listing is in TikTok's review until TikTok says otherwise. */
  onSentToReview?: (shop: string) => Promise<unknown>;
  /** How often a product waiting for TikTok's daily listing limit tries again (TikTok does not publish the reset time). */
  quotaRetryMs?: number;
  now?: () => Date;
}

export interface SyncProductRequest {
  shop: string;
  productId: string;
  trigger: string;
}

/** The timeline entry a saved listing is reported by: the create's pending intent, finished, or a new event. */
type SaveListingEvent = { finish: string; result: Omit<SyncEventResult, "durationMs"> } | { record: RunEvent };

/** What a run says of itself on the timeline; the product, trigger and duration are the run's. */
type RunEvent = Omit<SyncEventInput, "shop" | "productId" | "trigger" | "durationMs">;

export type SyncProductOutcome = "not_selected" | "retired" | "rejected" | "created" | "edited" | "updated" | "unchanged";

/**
 * Same product, same key: a create retried after a crash or a timeout returns the listing already made.
 * A product listed again after its listing was deleted on TikTok gets a new key (`replacing`).
 */
export function createIdempotencyKey(shop: string, productId: string, replacing?: string): string {
  return createHash("sha256").update(`create:${shop}:${productId}:${replacing ?? ""}`).digest("hex").slice(0, 64);
}

export async function syncProduct(deps: SyncProductDeps, request: SyncProductRequest): Promise<SyncProductOutcome> {
  const { shop, productId, trigger } = request;
  const now = deps.now ?? (() => new Date());
  const started = performance.now();
  /** A timeline entry of this run, timed from its start. */
  const eventOfRun = (e: RunEvent): SyncEventInput => ({ shop, productId, trigger, durationMs: Math.round(performance.now() - started), ...e });
  const event = (e: RunEvent) => deps.state.recordEvent(eventOfRun(e));

  const record = await deps.state.get(shop, productId);
  if (!record || (!record.selected && !record.tiktokProductId)) return "not_selected";

  const session = await deps.tiktokFor(shop);
  const api = session.api;
  const shopify = lazyShopifyGateway(() => deps.shopifyFor(shop));
  const known = await deps.catalog.find(shop, productId);
  const fromSnapshot = await productFromSnapshot(deps.ledger, shop, known, trigger);
  const product = fromSnapshot ?? (await readProductForListing(shopify, productId, known?.variantCount || undefined));

  if (!product || !record.selected) {
    const why = product ? "You stopped syncing this product" : "The product was deleted in Shopify";
    if (record.tiktokProductId && (await deps.settings.onRemove(shop)) === "delete") {
      const result = await api.products.delete([record.tiktokProductId]);
      await deps.state.replaceSkuLinks(shop, productId, record.tiktokProductId, []);
      await deps.state.update(shop, productId, { state: "not_synced", tiktokProductId: null, tiktokStatus: null, contentHash: null, priceHash: null, stockHash: null, lastSyncedAt: now(), lastError: null });
      await event({ action: "delete", outcome: "ok", summary: `${why}: it was deleted from TikTok (your setting).`, tiktokRequestId: result.requestId });
    } else if (record.tiktokProductId && record.state !== "deactivated") {
      const result = await api.products.deactivate([record.tiktokProductId]);
      await deps.state.update(shop, productId, { state: "deactivated", tiktokStatus: "SELLER_DEACTIVATED", lastSyncedAt: now(), lastError: null });
      await event({ action: "deactivate", outcome: "ok", summary: `${why}: it was deactivated on TikTok.`, tiktokRequestId: result.requestId });
    } else if (!record.tiktokProductId) {
      await deps.state.update(shop, productId, { state: "not_synced" });
    }
    return "retired";
  }

  if (!fromSnapshot) {
    await deps.catalog.upsert(shop, indexFieldsFromProduct(product), JSON.stringify(product));
    await recordStockRead(deps.ledger, shop, product);
  }
  const context = { settings: deps.settings, shopify, tiktok: api };
  let input = await resolveListingInput(context, shop, session.link.region);
  input = await ensureCategoryFor(context, shop, product, input);

  let mapping = mapProductToListing(product, input);
  if (!mapping.blocking && mapping.images.some((i) => i.pending)) {
    const uploads = await uploadImages(deps, api, session.link.tiktokShopId, mapping);
    if ("rejected" in uploads) return reject(uploads.rejected);
    mapping = mapProductToListing(product, { ...input, uploadedImages: uploads.images });
  }
  if (mapping.blocking) return reject(mapping);

  await deps.state.update(shop, productId, { state: "syncing" });
  try {
    if (record.tiktokProductId && trigger === "reconcile") return await reconcile(record.tiktokProductId, product, mapping);
    return record.tiktokProductId
      ? await update(record.tiktokProductId, mapping)
      : await createOrAdopt(product, mapping);
  } catch (error) {
    if (error instanceof TikTokApiError && error.kind === "quota") {
      // The shop's daily listing limit: not a failure of this product. It waits (its attempts untouched)
      // and is listed when TikTok accepts new listings again.
      await deps.state.update(shop, productId, { state: "queued", lastError: DAILY_LIMIT_WAIT });
      await event({ action: "skip", outcome: "skipped", summary: "TikTok's daily listing limit for this shop is reached; this product is listed automatically when it resets.", tiktokRequestId: error.requestId });
      throw Object.assign(new Error("Daily listing limit reached"), { retryable: true, deferred: true, retryAt: new Date(now().getTime() + (deps.quotaRetryMs ?? 60 * 60 * 1000)) });
    }
    await recordFailure(error);
    throw error;
  }

  async function reject(result: Pick<ListingMapping, "findings">): Promise<SyncProductOutcome> {
    const blocking = result.findings.filter((f) => f.severity === "blocking");
    await deps.state.update(shop, productId, { state: "rejected", findings: result.findings, blockingFindings: blocking.length, lastSyncedAt: now() });
    await event({ action: "skip", outcome: "skipped", summary: `Not sent to TikTok: ${blocking.length} problem${blocking.length === 1 ? "" : "s"} to fix first (${blocking.map((f) => f.code).join(", ")}).`, detail: blocking });
    return "rejected";
  }

  async function recordFailure(error: unknown) {
    const api = error instanceof TikTokApiError ? error : undefined;
    const message = api?.catalogEntry ? `${api.catalogEntry.explanation} ${api.catalogEntry.action}` : (error as Error).message;
    const final = !api || !api.retryable;
    await deps.state.update(shop, productId, { state: final ? "error" : "queued", lastError: message });
    await event({ action: "skip", outcome: "failed", summary: final ? `TikTok refused the change: ${message}` : `TikTok did not answer (${api?.kind}); it will be retried.`, tiktokRequestId: api?.requestId, detail: { code: api?.code, message: api?.message } });
  }

  /** Saves TikTok's answer (its SKU ids) with the product's new state and the timeline entry reporting it. */
  async function saveListing(tiktokProductId: string, mapping: ListingMapping, skus: Array<{ id: string; seller_sku?: string; external_sku_id?: string }>, status: string, event: SaveListingEvent) {
    const bySellerSku = new Map(skus.map((s) => [s.seller_sku, s.id]));
    const byVariant = new Map(skus.filter((s) => s.external_sku_id).map((s) => [s.external_sku_id, s.id]));
    const links: SkuLinkRecord[] = [];
    for (const variant of product!.variants.nodes) {
      const sku = mapping.body.skus.find((s) => s.external_sku_id === variant.id);
      const tiktokSkuId = byVariant.get(variant.id) ?? (sku?.seller_sku ? bySellerSku.get(sku.seller_sku) : undefined);
      if (sku && tiktokSkuId) {
        links.push({
          variantId: variant.id,
          inventoryItemId: variant.inventoryItem.id,
          sellerSku: sku.seller_sku ?? "",
          tiktokSkuId,
          tracked: variant.inventoryItem.tracked,
          inventoryPolicy: variant.inventoryPolicy,
          pushedStock: JSON.stringify(sku.inventory),
        });
      }
    }
    const state: ProductSyncUpdate = {
      tiktokProductId,
      tiktokStatus: status,
      state: status === "ACTIVATE" ? "live" : "in_review",
      contentHash: mapping.fingerprint.content,
      // The body carried these prices: TikTok shows them once the listing is live, with no separate push.
      priceHash: mapping.fingerprint.price,
      pricePendingHash: null,
      stockHash: mapping.fingerprint.inventory,
      findings: mapping.findings,
      blockingFindings: 0,
      lastError: null,
      lastSyncedAt: now(),
      appliedShopifyUpdatedAt: new Date(product!.updatedAt),
    };
    await deps.state.saveListing(shop, productId, {
      tiktokProductId,
      links,
      state,
      event: "finish" in event ? { finish: event.finish, result: { ...event.result, durationMs: Math.round(performance.now() - started) } } : { record: eventOfRun(event.record) },
    });
  }

  async function createOrAdopt(product: ShopifyProduct, mapping: ListingMapping, replacing?: string): Promise<SyncProductOutcome> {
    // A create this product sent before the run stopped (a crash, a timeout) may have reached TikTok: it is
    // sent again with the same idempotency key (TikTok answers with that listing) rather than adopted.
    // (A first attempt has nothing to look up: the product is queued and no run has failed or stopped.)
    const firstAttempt = record!.state === "queued" && !record!.lastError;
    const interrupted = firstAttempt ? null : await deps.state.pendingEvent(shop, productId, "create");
    const existing = interrupted ? null : await findExistingListing(api, product, mapping.body);
    if (existing) {
      await saveListing(existing.id, mapping, existing.skus, existing.status, { record: { action: "adopt", outcome: "ok", summary: `Found this product already on TikTok (${existing.id}); linked it instead of creating a duplicate.` } });
      // Adopted as-is: push our content over it so TikTok shows what Shopify has.
      await deps.state.update(shop, productId, { contentHash: null, priceHash: null, stockHash: null });
      return update(existing.id, mapping);
    }
    const body = { ...mapping.body, idempotency_key: createIdempotencyKey(shop, productId, replacing) };
    const intent = interrupted ?? (await event({ action: "create", outcome: "pending", summary: "Sending the listing to TikTok…", detail: summarizeBody(mapping.body) }));
    let result: Awaited<ReturnType<typeof api.products.create>>;
    try {
      result = await api.products.create(body);
    } catch (error) {
      // Refused for good, or for the daily limit: nothing was listed (a retry of a create that had landed gets
      // that listing back, not a refusal), and the failure is on the timeline. Otherwise — a timeout, TikTok
      // down, even a 429 (the client may have retried a create whose first answer was lost) — the create may
      // have landed: the intent stays for the retry.
      const refused = error instanceof TikTokApiError && (!error.retryable || error.kind === "quota");
      if (refused) await deps.state.deleteEvent(intent);
      throw error;
    }
    const again = interrupted ? " (sent again with the same request key after an interruption; TikTok never lists it twice)" : "";
    await saveListing(result.data.product_id, mapping, result.data.skus, "PENDING", { finish: intent, result: { outcome: "ok", summary: `Listed on TikTok with ${mapping.body.skus.length} SKU${mapping.body.skus.length === 1 ? "" : "s"}; TikTok is reviewing it.${again}`, tiktokRequestId: result.requestId } });
    await deps.onSentToReview?.(shop);
    return "created";
  }

  /**
   * Compares what TikTok actually has with what Shopify and the rules say, and repairs the difference:
   * a listing gone from TikTok is listed again, prices and stock that drifted (changed in Seller Center,
   * or an update lost) are set again. Each repair is reported on the timeline.
   */
  async function reconcile(tiktokProductId: string, product: ShopifyProduct, mapping: ListingMapping): Promise<SyncProductOutcome> {
    let detail;
    try {
      detail = (await api.products.get(tiktokProductId)).data;
    } catch (error) {
      if (!(error instanceof TikTokApiError) || error.retryable) throw error;
      detail = null;
    }
    if (!detail || detail.status === "DELETED") {
      // Deleted in Seller Center: recover it (same TikTok ids, SKUs and history) and send it back to review.
      const recovered = await api.products.recover([tiktokProductId]).then((r) => r.data.errors.length === 0, () => false);
      if (recovered) {
        const activated = await api.products.activate([tiktokProductId]);
        await deps.state.update(shop, productId, { tiktokStatus: "PENDING", state: "in_review", lastSyncedAt: now() });
        await deps.onSentToReview?.(shop);
        await event({ action: "skip", outcome: "ok", summary: `Reconcile repaired: the listing ${tiktokProductId} had been deleted on TikTok; recovered it and sent it back to review.`, tiktokRequestId: activated.requestId });
        return "updated";
      }
      await deps.state.update(shop, productId, { tiktokProductId: null, tiktokStatus: null, contentHash: null, priceHash: null, stockHash: null });
      await event({ action: "skip", outcome: "ok", summary: `Reconcile repaired: the listing ${tiktokProductId} was no longer on TikTok; listing it again.` });
      return createOrAdopt(product, mapping, tiktokProductId);
    }
    const links = await deps.state.skuLinks(shop, productId);
    const actual = new Map(detail.skus.map((s) => [s.id, s]));
    const repairs: string[] = [];
    const prices: Array<{ id: string; price: { amount: string; currency: string } }> = [];
    const stock: Array<{ id: string; inventory: Array<{ warehouse_id: string; quantity: number }> }> = [];
    for (const sku of mapping.body.skus) {
      const link = links.find((l) => l.variantId === sku.external_sku_id);
      const onTikTok = link ? actual.get(link.tiktokSkuId) : undefined;
      if (!link || !onTikTok) continue;
      const tiktokPrice = onTikTok.price?.sale_price ?? onTikTok.price?.tax_exclusive_price;
      if (tiktokPrice !== undefined && Number(tiktokPrice) !== Number(sku.price.amount)) {
        prices.push({ id: link.tiktokSkuId, price: sku.price });
        repairs.push(`${sku.seller_sku} price ${tiktokPrice} → ${sku.price.amount}`);
      }
      const want = new Map(sku.inventory.map((i) => [i.warehouse_id, i.quantity]));
      const have = new Map(onTikTok.inventory.map((i) => [i.warehouse_id, i.quantity]));
      if (want.size !== have.size || [...want].some(([w, q]) => have.get(w) !== q)) {
        stock.push({ id: link.tiktokSkuId, inventory: sku.inventory });
        repairs.push(`${sku.seller_sku} stock ${[...have.values()].reduce((a, b) => a + b, 0)} → ${[...want.values()].reduce((a, b) => a + b, 0)}`);
      }
    }
    const live = detail.status === "ACTIVATE";
    let requestId: string | undefined;
    if (stock.length) requestId = (await api.inventory.updateInventory(tiktokProductId, { skus: stock })).requestId;
    if (prices.length && live) requestId = (await api.inventory.updatePrice(tiktokProductId, { skus: prices })).requestId;
    await deps.state.update(shop, productId, {
      tiktokStatus: detail.status,
      state: live ? "live" : detail.status === "PENDING" ? "in_review" : detail.status === "FAILED" ? "rejected" : "deactivated",
      priceHash: live || !prices.length ? mapping.fingerprint.price : undefined,
      pricePendingHash: live || !prices.length ? null : mapping.fingerprint.price,
      stockHash: mapping.fingerprint.inventory,
      lastSyncedAt: now(),
    });
    await event({ action: "skip", outcome: "ok", summary: repairs.length ? `Reconcile repaired: ${repairs.join("; ")}.` : "Reconcile: TikTok matches Shopify.", tiktokRequestId: requestId, detail: { repairs } });
    return repairs.length ? "updated" : "unchanged";
  }

  async function update(tiktokProductId: string, mapping: ListingMapping): Promise<SyncProductOutcome> {
    const fresh = await deps.state.get(shop, productId);
    const previous = fresh?.contentHash ? { content: fresh.contentHash, price: fresh.priceHash ?? "", inventory: fresh.stockHash ?? "", all: "" } : null;
    const links = await deps.state.skuLinks(shop, productId);
    // Stock that moved to other TikTok warehouses (the mapping changed) can only be sent as a listing edit.
    const moved = skusWithMovedWarehouses(links, mapping.body.skus.map((s) => ({ variantId: s.external_sku_id ?? "", inventory: s.inventory })));
    const change = moved.length ? { kind: "content" as const } : classifyChange(previous, mapping.fingerprint);
    const skuIdOf = new Map(links.map((l) => [l.variantId, l.tiktokSkuId]));
    const withSkuIds = (body: TikTokListingBody): TikTokListingBody => ({
      ...body,
      skus: body.skus.map((s) => (s.external_sku_id && skuIdOf.has(s.external_sku_id) ? { ...s, id: skuIdOf.get(s.external_sku_id) } : s)),
    });

    if (change.kind === "unchanged") {
      const inReview = fresh?.tiktokStatus !== "ACTIVATE";
      await deps.state.update(shop, productId, { state: inReview ? "in_review" : "live", lastSyncedAt: now(), findings: mapping.findings });
      // A run cut short after sending the listing (a crash) may not have scheduled its review check, and
      // TikTok's webhook may have been missed meanwhile: make sure one is scheduled (it coalesces).
      if (inReview) await deps.onSentToReview?.(shop);
      return "unchanged";
    }
    if (change.kind === "content" || change.kind === "new") {
      const result = await api.products.edit(tiktokProductId, withSkuIds(mapping.body));
      await saveListing(tiktokProductId, mapping, result.data.skus, "PENDING", { record: { action: "edit", outcome: "ok", summary: "Updated the listing's content on TikTok; TikTok reviews edits again before they go live.", tiktokRequestId: result.requestId, detail: summarizeBody(mapping.body) } });
      await deps.onSentToReview?.(shop);
      return "edited";
    }

    const live = fresh?.tiktokStatus === "ACTIVATE";
    const updates: string[] = [];
    if ((change.kind === "inventory_only" || change.kind === "price_and_inventory")) {
      const skus = mapping.body.skus.filter((s) => s.external_sku_id && skuIdOf.has(s.external_sku_id)).map((s) => ({ id: skuIdOf.get(s.external_sku_id!)!, inventory: s.inventory }));
      const result = await api.inventory.updateInventory(tiktokProductId, { skus });
      throwOnItemErrors(result.data.errors, result.requestId);
      await deps.state.setPushedStock(shop, mapping.body.skus.filter((s) => s.external_sku_id && skuIdOf.has(s.external_sku_id)).map((s) => ({ variantId: s.external_sku_id!, inventory: s.inventory })));
      await deps.state.update(shop, productId, { stockHash: mapping.fingerprint.inventory });
      await event({ action: "inventory", outcome: "ok", summary: `Stock updated on TikTok for ${skus.length} SKU${skus.length === 1 ? "" : "s"}.`, tiktokRequestId: result.requestId, detail: skus });
      updates.push("stock");
    }
    if ((change.kind === "price_only" || change.kind === "price_and_inventory") && live) {
      const skus = mapping.body.skus.filter((s) => s.external_sku_id && skuIdOf.has(s.external_sku_id)).map((s) => ({ id: skuIdOf.get(s.external_sku_id!)!, price: s.price }));
      const result = await api.inventory.updatePrice(tiktokProductId, { skus });
      await deps.state.update(shop, productId, { priceHash: mapping.fingerprint.price, pricePendingHash: null });
      await event({ action: "price", outcome: "ok", summary: `Prices updated on TikTok for ${skus.length} SKU${skus.length === 1 ? "" : "s"} (no new review).`, tiktokRequestId: result.requestId, detail: skus.map((s) => ({ id: s.id, price: s.price.amount })) });
      updates.push("price");
    }
    // TikTok takes price changes only on live listings; one waiting in review gets them when it goes live.
    const waiting = !live && (change.kind === "price_only" || change.kind === "price_and_inventory") ? { pricePendingHash: mapping.fingerprint.price } : {};
    await deps.state.update(shop, productId, { state: live ? "live" : "in_review", lastSyncedAt: now(), findings: mapping.findings, lastError: null, ...waiting });
    return updates.length ? "updated" : "unchanged";
  }
}

async function uploadImages(deps: SyncProductDeps, api: TikTokShopClient, tiktokShopId: string, mapping: ListingMapping): Promise<{ images: UploadedImages } | { rejected: Pick<ListingMapping, "findings"> }> {
  const images: Record<string, UploadedImage> = {};
  for (const ref of mapping.images) {
    try {
      images[`${ref.useCase} ${ref.sourceUrl}`] = await deps.uploadImage(api, tiktokShopId, ref.sourceUrl, ref.useCase);
    } catch (error) {
      if (error instanceof TikTokApiError && !error.retryable) {
        return {
          rejected: {
            findings: [
              ...mapping.findings,
              { code: "IMAGE_REFUSED_BY_TIKTOK", severity: "blocking", field: "main_images", message: `TikTok refused the image ${ref.sourceUrl}: ${error.message}`, fix: "Replace the image in Shopify with a JPG or PNG between 300×300 and 4000×4000 px, under 5 MB.", tiktokErrorCode: String(error.code) },
            ],
          },
        };
      }
      throw error;
    }
  }
  return { images };
}

/**
 * The catalog's snapshot with the ledger's stock, when it is the product Shopify has now: complete, of the
 * version the catalog last heard of, and not for a sync a Shopify change or the reconcile asked for (those
 * read, because an edit in the same second as the snapshot, or one Shopify announced to nobody, such as a
 * collection change, would not show in `updatedAt`).
 */
async function productFromSnapshot(ledger: StockLedgerRepository, shop: string, known: Awaited<ReturnType<CatalogRepository["find"]>>, trigger: string): Promise<ShopifyProduct | null> {
  if (!known?.snapshot || known.deletedAt || trigger === "reconcile" || trigger.startsWith("webhook:")) return null;
  const snapshot = JSON.parse(known.snapshot) as ShopifyProduct;
  if (new Date(snapshot.updatedAt).getTime() !== known.shopifyUpdatedAt.getTime() || !isCompleteSnapshot(snapshot)) return null;
  return withLedgerStock(snapshot, await ledger.levelsFor(shop, snapshot.variants.nodes.map((v) => v.inventoryItem.id)));
}

/** Seeds the stock ledger from the product just read (levels carry Shopify's updatedAt). */
function recordStockRead(ledger: StockLedgerRepository, shop: string, product: ShopifyProduct) {
  return ledger.recordReads(shop, product.variants.nodes.flatMap((v) => {
    const levels = readLevelsOf(v.inventoryItem.inventoryLevels.nodes);
    return levels ? [{ inventoryItemId: v.inventoryItem.id, levels }] : [];
  }));
}

/** A listing already on TikTok with this product's seller SKUs (listed by hand or by another tool). */
async function findExistingListing(api: TikTokShopClient, product: ShopifyProduct, body: TikTokListingBody) {
  const sellerSkus = body.skus.map((s) => s.seller_sku).filter((s): s is string => Boolean(s)).slice(0, 10);
  if (sellerSkus.length === 0) return null;
  const { data } = await api.products.search({ seller_skus: sellerSkus }, { pageSize: 20 });
  const candidate = data.products.find((p) => p.status !== "DELETED" && p.skus?.some((s) => s.seller_sku && sellerSkus.includes(s.seller_sku)));
  if (!candidate) return null;
  return { id: candidate.id, status: candidate.status ?? "PENDING", skus: (candidate.skus ?? []).map((s) => ({ id: s.id, seller_sku: s.seller_sku ?? undefined })) };
}

function throwOnItemErrors(errors: Array<{ code?: number; message?: string }> | undefined, requestId: string | undefined) {
  if (!errors?.length) return;
  throw new TikTokApiError({ code: errors[0]!.code ?? 0, message: errors.map((e) => e.message).join("; "), requestId, endpoint: "POST /product/202309/products/{product_id}/inventory/update", kind: "validation", retryable: false });
}

function summarizeBody(body: TikTokListingBody) {
  return { title: body.title, category_id: body.category_id, images: body.main_images.length, skus: body.skus.map((s) => ({ seller_sku: s.seller_sku, price: s.price.amount, stock: s.inventory.reduce((n, i) => n + i.quantity, 0) })) };
}

export type { ListingInput };

