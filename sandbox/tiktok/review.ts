import { CATEGORIES_BY_ID } from "./catalog-data";
import { descriptionText } from "./description-html";
import type { Product } from "./model";
import { findRestrictedClaims } from "./restricted-claims";
import type { Simulator } from "./simulator";

/**
 * Sends a product into review: PENDING now, ACTIVATE or FAILED after reviewDelayMs (simulator clock). Restricted
 * claims fail review; INVITE_ONLY categories stay PENDING with audit PRE_APPROVED (RESTRICTED_CATEGORY_PENDING).
 */
export function submitForReview(sim: Simulator, product: Product): void {
  product.status = "PENDING";
  product.audit = { status: "AUDITING", pre_approved_reasons: [] };
  product.audit_failed_reasons = [];
  const generation = ++product.reviewGeneration;
  sim.webhooks.emit(37, product.shopId, { product_id: product.id, audit: { status: "AUDITING", pre_approved_reasons: [] }, update_time: sim.nowSeconds() });
  sim.scheduler.after(sim.options.reviewDelayMs ?? 5_000, () => completeReview(sim, product.id, generation));
}

function completeReview(sim: Simulator, productId: string, generation: number): void {
  const product = sim.state.products.get(productId);
  if (!product || product.reviewGeneration !== generation || product.status !== "PENDING") return;
  const now = sim.nowSeconds();
  const c = product.content;
  const hits = findRestrictedClaims({
    title: c.title,
    description: descriptionText(c.description),
    attributes: c.product_attributes.flatMap((a) => a.values.map((v) => v.name)).join(" "),
  });
  product.update_time = now;
  if (hits.length > 0) {
    product.status = "FAILED";
    product.audit = { status: "FAILED", pre_approved_reasons: [] };
    product.audit_failed_reasons = hits.map((h) => ({
      position: h.field === "title" ? "product_title" : h.field === "description" ? "description" : "product_attributes",
      reasons: [h.rule.reason],
      suggestions: [h.rule.suggestion],
      listing_platform: "TIKTOK_SHOP",
    }));
    sim.webhooks.emit(37, product.shopId, { product_id: product.id, audit: { status: "FAILED", pre_approved_reasons: [] }, update_time: now });
    sim.webhooks.emit(5, product.shopId, { product_id: product.id, status: "PRODUCT_AUDIT_FAILURE", suspended_reason: hits.map((h) => h.rule.reason).join(" "), update_time: now });
    return;
  }
  if (CATEGORIES_BY_ID.get(c.category_id)?.permission_statuses.includes("INVITE_ONLY")) {
    product.audit = { status: "PRE_APPROVED", pre_approved_reasons: ["RESTRICTED_CATEGORY_PENDING"] };
    sim.webhooks.emit(37, product.shopId, { product_id: product.id, audit: product.audit, update_time: now });
    return;
  }
  const firstPass = product.liveContent === null;
  product.status = "ACTIVATE";
  product.liveContent = null;
  product.audit = { status: "APPROVED", pre_approved_reasons: [] };
  sim.webhooks.emit(37, product.shopId, { product_id: product.id, audit: { status: "APPROVED", pre_approved_reasons: [] }, update_time: now });
  sim.webhooks.emit(5, product.shopId, { product_id: product.id, status: firstPass ? "PRODUCT_FIRST_PASS_REVIEW" : "PRODUCT_STATUS_CHANGED", suspended_reason: "", update_time: now });
}
