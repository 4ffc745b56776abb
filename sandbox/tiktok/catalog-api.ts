import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import {
  ATTRIBUTES_BY_ID, BRANDS, CATEGORIES_BY_ID, SUPPLEMENT_CERTIFICATION, categoriesForVersion, categoryChain, type Category,
} from "./catalog-data";
import type { Shop } from "./model";
import { regionRules } from "./region-rules";
import { asObject, decodePageToken, encodePageToken, optionalString, pageSize } from "./request-fields";
import { listingPrerequisites } from "./shop-readiness";
import { dailyQuotaFor, listedToday } from "./listing-quota";

/** category_version must be the shop's tree (US: v2) — 12052217 otherwise. */
export function requestedCategoryVersion(shop: Shop, raw: string | undefined): string {
  const expected = regionRules(shop.region).categoryVersion;
  const version = raw ?? "v1";
  if (version !== expected) {
    throw businessError(12052217, `Incorrect category version. This shop (${shop.region}) must use category_version=${expected}.`);
  }
  return version;
}

function categoryFor(ctx: ApiContext): Category {
  const shop = requireShop(ctx);
  const version = requestedCategoryVersion(shop, ctx.query.get("category_version"));
  const category = CATEGORIES_BY_ID.get(ctx.params.category_id ?? "");
  if (!category) throw businessError(12052023, "Category does not exist.");
  if (category.version !== version) throw businessError(12052230, "The specified category ID does not belong to the specified category version.");
  return category;
}

function categoryView(c: Category) {
  return { id: c.id, parent_id: c.parent_id, local_name: c.local_name, is_leaf: c.is_leaf, permission_statuses: c.permission_statuses };
}

/** Lower case, every run of non-alphanumerics one space, padded: " men s linen t shirt ". */
function normalizeWords(text: string): string {
  return ` ${text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim()} `;
}

interface KeywordHit { category: Category; end: number; length: number; order: number }

/**
 * Best leaf for one text: keywords match whole words (the last word may take a plural "s"/"es"); the match that
 * ends last wins (English titles end with the head noun: "Knitted Throw Pillows" is a pillow), then the longest
 * keyword ("plant pot" over "pot"), then the leaf listed first.
 */
function bestLeaf(leaves: Category[], text: string): Category | undefined {
  const words = normalizeWords(text);
  if (words.trim() === "") return undefined;
  let best: KeywordHit | undefined;
  leaves.forEach((category, order) => {
    for (const keyword of category.keywords) {
      const k = normalizeWords(keyword).trim();
      if (!k) continue;
      for (const form of [k, `${k}s`, `${k}es`]) {
        let from = 0;
        for (;;) {
          const at = words.indexOf(` ${form} `, from);
          if (at < 0) break;
          const hit = { category, end: at + form.length + 1, length: k.length, order };
          if (!best || hit.end > best.end || (hit.end === best.end && (hit.length > best.length || (hit.length === best.length && hit.order < best.order)))) best = hit;
          from = at + 1;
        }
      }
    }
  });
  return best?.category;
}

/** Recommend Category: the best keyword match in the title, else in the description; never a prohibited leaf. */
export function recommendLeaf(version: string, title: string, description = ""): Category | undefined {
  const leaves = categoriesForVersion(version).filter((c) => c.is_leaf && !c.permission_statuses.includes("PROHIBITED"));
  return bestLeaf(leaves, title) ?? bestLeaf(leaves, description.replace(/<[^>]*>/g, " "));
}

export const catalogRoutes: ApiRoute[] = [
  {
    method: "GET", template: "/product/202309/categories", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const version = requestedCategoryVersion(shop, ctx.query.get("category_version"));
      const keyword = ctx.query.get("keyword")?.toLowerCase();
      const includeProhibited = ctx.query.get("include_prohibited_categories") === "true";
      const categories = categoriesForVersion(version)
        .filter((c) => includeProhibited || !c.permission_statuses.includes("PROHIBITED"))
        .filter((c) => !keyword || c.local_name.toLowerCase().includes(keyword))
        .map(categoryView);
      return { categories };
    },
  },
  {
    method: "GET", template: "/product/202309/categories/{category_id}/attributes", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const category = categoryFor(ctx);
      if (!category.is_leaf) throw businessError(12052230, "The specified category ID is not a leaf category.");
      return {
        attributes: category.attributeIds.map((id) => {
          const a = ATTRIBUTES_BY_ID.get(id)!;
          return {
            id: a.id, name: a.name, type: a.type, is_requried: a.is_requried, is_customizable: a.is_customizable,
            is_multiple_selection: a.is_multiple_selection, values: a.values, requirement_conditions: [], value_data_format: a.value_data_format,
          };
        }),
      };
    },
  },
  {
    method: "GET", template: "/product/202309/categories/{category_id}/rules", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const category = categoryFor(ctx);
      if (!category.is_leaf) throw businessError(12052230, "The specified category ID is not a leaf category.");
      return {
        product_certifications: category.certificationRequired
          ? [{ id: SUPPLEMENT_CERTIFICATION.id, name: SUPPLEMENT_CERTIFICATION.name, is_required: true, requirement_conditions: [],
               document_details: [], sample_image_url: "", expiration_date: { is_required: false } }]
          : [],
        size_chart: { is_required: category.sizeChartRequired, is_supported: true },
        cod: { is_supported: false },
        package_dimension: { is_required: category.packageDimensionRequired || regionRules(requireShop(ctx).region).dimensionsRequired },
        epr: { is_required: false },
        responsible_person: { is_required: false },
        manufacturer: { is_required: false },
        fees: [],
        allowed_special_product_types: [],
      };
    },
  },
  {
    method: "POST", template: "/product/202309/categories/recommend", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const body = asObject(ctx.body);
      const title = optionalString(body, "product_title");
      if (!title) throw businessError(12052910, "Invalid input parameters: product_title is required.");
      const version = requestedCategoryVersion(shop, optionalString(body, "category_version"));
      const leaf = recommendLeaf(version, title, optionalString(body, "description") ?? "");
      if (!leaf) return { leaf_category_id: "", categories: [] };
      return {
        leaf_category_id: leaf.id,
        categories: categoryChain(leaf.id).map((c, i) => ({ id: c.id, name: c.local_name, level: i + 1, is_leaf: c.is_leaf, permission_statuses: c.permission_statuses })),
      };
    },
  },
  {
    method: "GET", template: "/product/202309/brands", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const size = pageSize(ctx.query);
      const offset = decodePageToken(ctx.query.get("page_token"));
      const prefix = ctx.query.get("brand_name")?.toLowerCase();
      const authorized = ctx.query.get("is_authorized");
      const matching = BRANDS.filter((b) => !prefix || b.name.toLowerCase().startsWith(prefix))
        .filter((b) => authorized === undefined || (authorized === "1") === (b.authorized_status === "AUTHORIZED"));
      const page = matching.slice(offset, offset + size);
      const next = offset + size < matching.length ? encodePageToken(offset + size) : "";
      return { brands: page, total_count: matching.length, next_page_token: next };
    },
  },
  {
    method: "GET", template: "/product/202312/prerequisites", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      return { check_results: listingPrerequisites(shop, listedToday(ctx.sim, shop.id), dailyQuotaFor(ctx.sim, shop)) };
    },
  },
  {
    method: "GET", template: "/product/202309/prerequisites", shopScoped: true, scope: "seller.product.basic",
    handle: (ctx) => {
      const shop = requireShop(ctx);
      const results = new Map(listingPrerequisites(shop, listedToday(ctx.sim, shop.id), dailyQuotaFor(ctx.sim, shop)).map((r) => [r.check_item, r]));
      const view = (item: string) => {
        const r = results.get(item)!;
        return { check_result: r.is_failed ? "FAILED" : "PASSED", fail_reasons: r.fail_reasons };
      };
      return {
        shop: {
          status: view("SHOP_STATUS"), tax_info: view("SHOP_TAX"), bank_account: view("BANk_ACCOUNT"), contact_info: view("CONTACT_INFO"),
          logistics: {
            pickup_warehouse: view("PICKUP_WAREHOUSE"), return_warehouse: view("RETURN_WAREHOUSE"),
            delivery_option: view("DELIVERY_OPTION"), shipping_template: view("SHIPPING_TEMPLATE"),
          },
          gne: { epr: view("EXTENDED_PRODUCER_RESPONSIBILITY"), product_quantity_limit: view("PRODUCT_QUANTITY_LIMIT") },
        },
      };
    },
  },
];
